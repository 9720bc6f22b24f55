package noliq.wrapper.vault;

import java.time.Duration;
import noliq.math.RuleViolation;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.options.IndexId;
import noliq.wrapper.policy.RollPolicy;
import noliq.wrapper.port.Mechanism;

/**
 * A wrapper vault's fixed rules, set once at creation: there is no admin to change them.
 *
 * @param name the vault's name; its account is {@code vault:<name>} and its share token {@code W:<name>}
 * @param index the index its series track
 * @param policy the roll policy it follows
 * @param mechanism how its rolls and N sales trade
 * @param rollWindow how long a roll may take (the auction's or the resting orders' deadline)
 * @param nHandling what it does with N from deposits
 * @param decimalsOffset the inflation defence: OpenZeppelin ERC-4626's virtual shares, {@code 10^offset}
 *     virtual shares and 1 virtual unit of value
 */
public record VaultConfig(
    String name, IndexId index, RollPolicy policy, Mechanism mechanism, Duration rollWindow, NHandling nHandling,
    int decimalsOffset) {

  public VaultConfig {
    if (name == null || name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
      throw new RuleViolation("name", "is required and must not contain spaces (was '" + name + "')");
    }
    if (index == null) {
      throw new RuleViolation("index", "is required");
    }
    if (policy == null) {
      throw new RuleViolation("policy", "is required");
    }
    if (mechanism == null) {
      throw new RuleViolation("mechanism", "is required");
    }
    if (rollWindow == null || rollWindow.isNegative()) {
      throw new RuleViolation("roll-window", "must not be negative (was " + rollWindow + ")");
    }
    if (nHandling == null) {
      throw new RuleViolation("n-handling", "is required");
    }
    if (decimalsOffset < 0 || decimalsOffset > 18) {
      throw new RuleViolation("decimals-offset", "must be in [0, 18] (was " + decimalsOffset + ")");
    }
  }

  /** ETH/USD, a one-day Dutch auction for rolls (Kyrrui's ramp), N handed back, offset 6. */
  public static VaultConfig of(String name, RollPolicy policy) {
    return new VaultConfig(name, IndexId.ETH_USD, policy, Mechanism.DUTCH_AUCTION, Duration.ofDays(1),
        NHandling.RETURN_TO_DEPOSITOR, 6);
  }

  public VaultConfig with(NHandling handling) {
    return new VaultConfig(name, index, policy, mechanism, rollWindow, handling, decimalsOffset);
  }

  public VaultConfig with(Mechanism m) {
    return new VaultConfig(name, index, policy, m, rollWindow, nHandling, decimalsOffset);
  }

  public AccountId account() {
    return new AccountId("vault:" + name);
  }

  public Token shareToken() {
    return new Token("W:" + name);
  }
}
