package noliq.oracle.attack;

import noliq.oracle.OracleError;
import noliq.oracle.OracleException;
import noliq.oracle.Require;

/**
 * Corrupting the slow oracle: making a P/N series settle at a wrong x. Honest watchers dispute a
 * wrong proposal, so the attacker must win the arbitration behind it, either by winning every
 * round of the escalation game or by holding enough of the vote. This prices both routes against
 * the value the wrong settlement moves. Estimates in doubles (index units, e.g. USD).
 *
 * <p>The vote is VotingV2's: an answer decides only if its votes are strictly greater than
 * {@code spat × cumulative stake}, the stake frozen for the round, whatever share of the revealed
 * votes that is. So turnout matters: with a share {@code e} of the revealed votes at turnout
 * {@code τ} (revealed / staked) the answer holds {@code e·τ} of the stake, and decides only if
 * {@code e·τ > spat}. Below that neither side may decide and the vote rolls (after 4 rolls, deletion).
 */
public final class SettlementCorruption {
  /** UMA's Schelling Point Activation Threshold since the 2025 change: 65%. */
  public static final double UMA_SPAT = 0.65;
  /** Mainnet's fixed per-vote slash for a wrong or missed vote: 0.1% of stake (FixedSlashSlashingLibrary). */
  public static final double UMA_WRONG_VOTE_SLASH = 0.001;

  private SettlementCorruption() {}

  /**
   * The vote route.
   *
   * @param valueAtStake what the wrong settlement moves to the attacker
   * @param bond the bond the attacker posts (a wrong proposal, or a dispute of the right one)
   * @param voteShare the attacker's share of the votes revealed in the round
   * @param followerShare the share of the other voters who vote as the biggest early voter does
   *     (herding: UMA voters see no votes before reveal, but follow public signals of large holders)
   * @param spat the agreement threshold, a share of all staked tokens
   * @param othersStake the value of the other stakers' tokens, voting or not (NaN if unknown); prices the capital
   * @param turnout the share of all staked tokens revealed in the round, in (0, 1]
   */
  public record VoteInputs(double valueAtStake, double bond, double voteShare, double followerShare,
      double spat, double othersStake, double turnout) {
    public VoteInputs {
      Require.notNegative(valueAtStake, "value-at-stake");
      Require.notNegative(bond, "bond");
      Require.between(voteShare, 0, 1, "vote-share");
      Require.between(followerShare, 0, 1, "followers");
      Require.between(spat, 0.5, 1, "spat");
      if (!Double.isNaN(othersStake)) {
        Require.notNegative(othersStake, "others-stake");
      }
      if (!(turnout > 0 && turnout <= 1)) {
        throw new OracleException(new OracleError.OutOfRange("turnout", "in (0, 1]", Double.toString(turnout)));
      }
    }

    /** UMA's SPAT, no followers, everyone staked votes (turnout 1), others' stake unknown. */
    public static VoteInputs uma(double valueAtStake, double bond, double voteShare) {
      return new VoteInputs(valueAtStake, bond, voteShare, 0, UMA_SPAT, Double.NaN, 1);
    }

    public VoteInputs withFollowers(double share) {
      return new VoteInputs(valueAtStake, bond, voteShare, share, spat, othersStake, turnout);
    }

    public VoteInputs withOthersStake(double value) {
      return new VoteInputs(valueAtStake, bond, voteShare, followerShare, spat, value, turnout);
    }

    public VoteInputs withTurnout(double share) {
      return new VoteInputs(valueAtStake, bond, voteShare, followerShare, spat, othersStake, share);
    }
  }

  /** How a vote-route attempt ends. */
  public enum Outcome {
    /** The attacker's answer holds more than SPAT of the stake: the series settles at the wrong x. */
    DECIDES,
    /** Neither answer holds more than SPAT of the stake: the vote rolls, delaying settlement, until deleted. */
    ROLLS,
    /** The honest answer holds more than SPAT of the stake: the attacker loses its bond and is slashed. */
    FAILS
  }

  /**
   * The result of the vote route: the share of the revealed votes the attacker's answer gets, that
   * answer's share of all staked tokens, the outcome, the turnout above which that share decides
   * ({@code > 1}: never), the smallest own share of the votes that decides at this turnout
   * ({@code +∞} if none does), the new stake that decides alone against the others' (if
   * {@code othersStake} is known), and what the attempt costs and earns.
   */
  public record VoteResult(VoteInputs inputs, double effectiveShare, double shareOfStake, Outcome outcome,
      double turnoutNeeded, double shareNeeded, double capitalNeeded, double cost, double gain, double net) {
    public boolean pays() {
      return net > 0;
    }
  }

  public static VoteResult viaVote(VoteInputs in) {
    Require.present(in, "inputs");
    double s = in.voteShare();
    double f = in.followerShare();
    double tau = in.turnout();
    double attacker = s + (1 - s) * f;
    double honest = 1 - attacker;
    // VotingV2: the modal answer's votes must be strictly greater than spat × the round's cumulative stake.
    Outcome outcome = attacker * tau > in.spat() ? Outcome.DECIDES
        : honest * tau > in.spat() ? Outcome.FAILS : Outcome.ROLLS;
    double turnoutNeeded = attacker > 0 ? in.spat() / attacker : Double.POSITIVE_INFINITY;
    // s + (1 - s) f > spat / τ  <=>  s > (spat / τ - f) / (1 - f); no share of the votes decides if spat / τ >= 1.
    double perVote = in.spat() / tau;
    double needed = perVote >= 1 ? Double.POSITIVE_INFINITY : f >= perVote ? 0 : (perVote - f) / (1 - f);
    double capital = Double.isNaN(in.othersStake()) ? Double.NaN : capitalToDecide(in.othersStake(), in.spat(), tau, f);
    // The attacker's own tokens: a share s of the revealed votes, whose others' part is τ × othersStake.
    double attackerStake = Double.isNaN(in.othersStake()) || s >= 1 ? Double.NaN : in.othersStake() * tau * s / (1 - s);
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
    return new VoteResult(in, attacker, attacker * tau, outcome, turnoutNeeded, needed, capital, cost, gain, gain - cost);
  }

  /**
   * The new stake {@code A} that decides a round alone: it votes all of {@code A}; of the others'
   * {@code othersStake}, {@code turnout} reveals and {@code followers} of that votes along. The
   * answer needs {@code A + f·τ·C > spat·(C + A)}, so {@code A > (spat - f·τ)·C / (1 - spat)}
   * (the infimum is returned; 0 if the followers alone suffice). Turnout helps the attacker only
   * through followers: SPAT counts every staked token, voting or not.
   */
  public static double capitalToDecide(double othersStake, double spat, double turnout, double followers) {
    Require.notNegative(othersStake, "others-stake");
    return Math.max(0, (spat - followers * turnout) * othersStake / (1 - spat));
  }

  /**
   * The stake {@code B} that keeps the honest answer from deciding when every other staker who
   * reveals votes honestly: the honest votes {@code τ·C} must stay at or below {@code spat·(C + B)},
   * so {@code B >= C·(τ/spat - 1)}; 0 when turnout is at or below SPAT (nothing decides anyway).
   * Held through every round, it rolls the vote until it is deleted: a delay attack.
   */
  public static double stakeToBlock(double othersStake, double spat, double turnout) {
    Require.notNegative(othersStake, "others-stake");
    return Math.max(0, othersStake * (turnout / spat - 1));
  }

  /**
   * The March 2025 Polymarket case ("Ukraine agrees to Trump mineral deal before April?", $7M):
   * a $750 proposal bond, and one holder with about 25% of the round's votes (~5M UMA). 25% alone
   * is far below SPAT; it decided because most other voters voted the same way. Under VotingV2
   * a 70% share of the votes holds more than 65% of the stake only at a turnout above 65/70 ≈ 92.9%.
   */
  public static VoteInputs ukraineMineralDeal2025(double followerShare, double turnout) {
    return new VoteInputs(7_000_000, 750, 0.25, followerShare, UMA_SPAT, Double.NaN, turnout);
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
