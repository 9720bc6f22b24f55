package noliq.oracle.escalation;

import java.time.Duration;
import noliq.math.Amount;
import noliq.oracle.Require;

/**
 * The parameters of the Reality.eth style escalation game.
 *
 * @param timeout how long an answer must stand unchallenged to become final; every new answer
 *     restarts it (Reality.eth: chosen per question; Seer and Omen use 24 h)
 * @param minBond the smallest first bond (Seer's defaults: 10 xDAI on Gnosis, 0.02 ETH on Ethereum)
 * @param arbitrationFee what requesting arbitration costs, paid to the arbitrator
 */
public record EscalationConfig(Duration timeout, Amount minBond, Amount arbitrationFee) {
  /** Reality.eth's BOND_CLAIM_FEE_PROPORTION: one 40th (2.5%) of each earlier bond is withheld on claim. */
  public static final int BOND_CLAIM_FEE_PROPORTION = 40;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(24);

  public EscalationConfig {
    Require.positive(timeout, "timeout");
    Require.positive(minBond, "minBond");
    Require.present(arbitrationFee, "arbitrationFee");
  }
}
