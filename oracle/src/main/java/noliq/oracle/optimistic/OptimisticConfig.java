package noliq.oracle.optimistic;

import java.time.Duration;
import noliq.math.Amount;
import noliq.oracle.OracleError;
import noliq.oracle.OracleException;
import noliq.oracle.Require;

/**
 * The parameters of the optimistic oracle.
 *
 * @param liveness the challenge window after each proposal (UMA default: 2 hours; the contract
 *     requires {@code 0 < liveness < 5200 weeks})
 * @param bond the bond each proposer and disputer posts on top of the final fee (UMA's
 *     {@code requestSettings.bond}); the total each posts is {@code bond + finalFee}
 * @param finalFee the fee the store keeps from a dispute (UMA's per-currency final fee)
 * @param rule how a disputed round's bonds are split
 * @param resetsBeforeVote how many disputes reopen the request for a fresh proposal before a
 *     dispute escalates to the vote: 0 for plain OOv2, 1 for Polymarket's UMA adapter, where the
 *     first dispute re-requests and the second goes to the DVM
 */
public record OptimisticConfig(Duration liveness, Amount bond, Amount finalFee, BondRule rule, int resetsBeforeVote) {
  public static final Duration UMA_DEFAULT_LIVENESS = Duration.ofHours(2);
  private static final Duration MAX_LIVENESS = Duration.ofDays(7L * 5200);

  public OptimisticConfig {
    Require.positive(liveness, "liveness");
    if (liveness.compareTo(MAX_LIVENESS) >= 0) {
      throw new OracleException(new OracleError.OutOfRange("liveness", "below 5200 weeks", liveness.toString()));
    }
    Require.present(bond, "bond");
    Require.present(finalFee, "finalFee");
    Require.present(rule, "rule");
    Require.atLeast(resetsBeforeVote, 0, "resetsBeforeVote");
  }

  /** UMA OOv2 defaults: 2 h liveness, the deployed contract's bond rule, no resets. */
  public static OptimisticConfig uma(Amount bond, Amount finalFee) {
    return new OptimisticConfig(UMA_DEFAULT_LIVENESS, bond, finalFee, BondRule.CONTRACT, 0);
  }

  public Amount totalBond() {
    return bond.plus(finalFee);
  }

  public OptimisticConfig withLiveness(Duration newLiveness) {
    return new OptimisticConfig(newLiveness, bond, finalFee, rule, resetsBeforeVote);
  }

  public OptimisticConfig withRule(BondRule newRule) {
    return new OptimisticConfig(liveness, bond, finalFee, newRule, resetsBeforeVote);
  }

  public OptimisticConfig withResetsBeforeVote(int resets) {
    return new OptimisticConfig(liveness, bond, finalFee, rule, resets);
  }
}
