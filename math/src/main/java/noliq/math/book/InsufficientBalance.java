package noliq.math.book;

import noliq.math.Amount;
import noliq.math.RuleViolation;

/** A debit asked for more of a token than the account holds. Nothing was changed. */
public final class InsufficientBalance extends RuleViolation {
  private static final long serialVersionUID = 1L;

  private final transient AccountId account;
  private final transient Token token;
  private final transient Amount needed;
  private final transient Amount available;

  public InsufficientBalance(AccountId account, Token token, Amount needed, Amount available) {
    super("amount", "exceeds the balance of " + account + " (needs " + needed + " " + token
        + ", holds " + available + ")");
    this.account = account;
    this.token = token;
    this.needed = needed;
    this.available = available;
  }

  public AccountId account() {
    return account;
  }

  public Token token() {
    return token;
  }

  public Amount needed() {
    return needed;
  }

  public Amount available() {
    return available;
  }
}
