package noliq.math.book;

import noliq.math.RuleViolation;

/** An account in the token book: a user, a pool, a vault, or a protocol's escrow. */
public record AccountId(String name) implements Comparable<AccountId> {
  public AccountId {
    if (name == null || name.isBlank()) {
      throw new RuleViolation("account", "is required");
    }
  }

  public static AccountId of(String name) {
    return new AccountId(name);
  }

  @Override
  public int compareTo(AccountId o) {
    return name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
