package noliq.oracle.attack;

import noliq.oracle.OracleError;
import noliq.oracle.OracleException;
import noliq.oracle.Require;

/**
 * Corrupting the slow oracle: making a P/N series settle at a wrong x. Honest watchers dispute a
 * wrong proposal, so the attacker must win the arbitration behind it, either by winning every
 * round of the escalation game or by holding enough of the vote. This prices both routes against
 * the value the wrong settlement moves. Estimates in doubles (index units, e.g. USD).
 */
public final class SettlementCorruption {
  /** UMA's Schelling Point Activation Threshold since the 2025 change: 65%. */
  public static final double UMA_SPAT = 0.65;
  /** UMA's SlashingLibrary per-vote slash for a wrong vote: 0.16% of stake. */
  public static final double UMA_WRONG_VOTE_SLASH = 0.0016;

  private SettlementCorruption() {}

  /**
   * The vote route.
   *
   * @param valueAtStake what the wrong settlement moves to the attacker
   * @param bond the bond the attacker posts (a wrong proposal, or a dispute of the right one)
   * @param voteShare the attacker's share of the tokens voting in the round
   * @param followerShare the share of the other voters who vote as the biggest early voter does
   *     (herding: UMA voters see no votes before reveal, but follow public signals of large holders)
   * @param spat the agreement threshold
   * @param othersStake the value of the other voters' tokens (NaN if unknown); prices the capital
   */
  public record VoteInputs(double valueAtStake, double bond, double voteShare, double followerShare,
      double spat, double othersStake) {
    public VoteInputs {
      Require.notNegative(valueAtStake, "value-at-stake");
      Require.notNegative(bond, "bond");
      Require.between(voteShare, 0, 1, "vote-share");
      Require.between(followerShare, 0, 1, "followers");
      Require.between(spat, 0.5, 1, "spat");
      if (!Double.isNaN(othersStake)) {
        Require.notNegative(othersStake, "others-stake");
      }
    }

    public static VoteInputs uma(double valueAtStake, double bond, double voteShare) {
      return new VoteInputs(valueAtStake, bond, voteShare, 0, UMA_SPAT, Double.NaN);
    }

    public VoteInputs withFollowers(double share) {
      return new VoteInputs(valueAtStake, bond, voteShare, share, spat, othersStake);
    }

    public VoteInputs withOthersStake(double value) {
      return new VoteInputs(valueAtStake, bond, voteShare, followerShare, spat, value);
    }
  }

  /** How a vote-route attempt ends. */
  public enum Outcome {
    /** The attacker's answer reaches SPAT: the series settles at the wrong x. */
    DECIDES,
    /** Neither side reaches SPAT: the vote rolls, delaying settlement, until deleted. */
    ROLLS,
    /** The honest answer reaches SPAT: the attacker loses its bond and is slashed. */
    FAILS
  }

  /**
   * The result of the vote route: the effective share the attacker's answer gets, the outcome, the
   * smallest own share that decides, its capital (if {@code othersStake} is known), and what the
   * attempt costs and earns.
   */
  public record VoteResult(VoteInputs inputs, double effectiveShare, Outcome outcome, double shareNeeded,
      double capitalNeeded, double cost, double gain, double net) {
    public boolean pays() {
      return net > 0;
    }
  }

  public static VoteResult viaVote(VoteInputs in) {
    Require.present(in, "inputs");
    double s = in.voteShare();
    double f = in.followerShare();
    double attacker = s + (1 - s) * f;
    double honest = 1 - attacker;
    Outcome outcome = attacker >= in.spat() ? Outcome.DECIDES : honest >= in.spat() ? Outcome.FAILS : Outcome.ROLLS;
    // s + (1 - s) f >= spat  <=>  s >= (spat - f) / (1 - f).
    double needed = f >= in.spat() ? 0 : (in.spat() - f) / (1 - f);
    double capital = Double.isNaN(in.othersStake()) ? Double.NaN
        : needed >= 1 ? Double.POSITIVE_INFINITY : in.othersStake() * needed / (1 - needed);
    double attackerStake = Double.isNaN(in.othersStake()) || s >= 1 ? Double.NaN : in.othersStake() * s / (1 - s);
    double cost;
    double gain;
    switch (outcome) {
      case DECIDES -> {
        // The attacker wins the dispute too: UMA pays the winner the unburned half of the loser's bond.
        cost = 0;
        gain = in.valueAtStake() + in.bond() / 2;
      }
      case FAILS -> {
        cost = in.bond() + (Double.isNaN(attackerStake) ? 0 : attackerStake * UMA_WRONG_VOTE_SLASH);
        gain = 0;
      }
      default -> {
        // Rolling: nothing settles yet; the bond stays locked. A delay, not a theft.
        cost = 0;
        gain = 0;
      }
    }
    return new VoteResult(in, attacker, outcome, needed, capital, cost, gain, gain - cost);
  }

  /**
   * The March 2025 Polymarket case ("Ukraine agrees to Trump mineral deal before April?", $7M):
   * a $750 proposal bond, and one holder with about 25% of the round's votes (~5M UMA). 25% alone
   * is far below SPAT; it decided because most other voters voted the same way.
   */
  public static VoteInputs ukraineMineralDeal2025(double followerShare) {
    return new VoteInputs(7_000_000, 750, 0.25, followerShare, UMA_SPAT, Double.NaN);
  }

  /**
   * The escalation-game route: the attacker answers wrong with {@code initialBond}; an honest
   * answerer doubles; the attacker doubles back; and so on. The honest side keeps answering while
   * its next bond fits {@code honestCapital} (for at most {@code maxRounds} rounds), then requests
   * arbitration if it can still pay {@code arbitrationFee}. The attacker wins only if the honest side gives up without arbitration
   * (or the arbitrator is corrupted: price that with {@link #viaVote}).
   */
  public record EscalationResult(int attackerAnswers, int honestAnswers, double lastAttackerBond,
      double attackerCapital, double honestCapitalUsed, boolean arbitrationRequested, boolean attackerWins,
      double gain, double cost, double net) {
    public boolean pays() {
      return net > 0;
    }
  }

  public static EscalationResult viaEscalation(double valueAtStake, double initialBond, double honestCapital,
      double arbitrationFee, int maxRounds) {
    Require.notNegative(valueAtStake, "value-at-stake");
    Require.positive(initialBond, "bond");
    Require.notNegative(honestCapital, "honest-capital");
    Require.notNegative(arbitrationFee, "arbitration-fee");
    if (maxRounds < 1 || maxRounds > 200) {
      throw new OracleException(new OracleError.OutOfRange("rounds", "between 1 and 200", Integer.toString(maxRounds)));
    }
    double attackerPosted = initialBond;
    double honestPosted = 0;
    double bond = initialBond;
    int attackerAnswers = 1;
    int honestAnswers = 0;
    boolean arbitration;
    for (int round = 0; round < maxRounds; round++) {
      double honestNext = bond * 2;
      if (honestPosted + honestNext > honestCapital) {
        break;
      }
      honestPosted += honestNext;
      honestAnswers++;
      bond = honestNext * 2;
      attackerPosted += bond;
      attackerAnswers++;
    }
    // Out of capital or rounds, the honest side asks for arbitration if it can still pay for it;
    // an honest arbitrator then rules against the attacker. The attacker wins only unopposed.
    arbitration = honestPosted + arbitrationFee <= honestCapital;
    boolean wins = !arbitration;
    // Reality.eth: the final answerer takes all bonds, less 1/40 of each earlier one.
    double gain = wins ? valueAtStake + honestPosted * (1 - 1.0 / 40) : 0;
    double cost = wins ? (attackerPosted - bond) / 40 : attackerPosted;
    return new EscalationResult(attackerAnswers, honestAnswers, bond, attackerPosted, honestPosted, arbitration, wins,
        gain, cost, gain - cost);
  }
}
