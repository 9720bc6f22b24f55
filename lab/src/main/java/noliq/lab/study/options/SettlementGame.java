package noliq.lab.study.options;

import java.time.Duration;
import java.util.List;
import noliq.market.roll.RollAssumptions.Assumption;
import noliq.math.RuleViolation;
import noliq.oracle.attack.SettlementCorruption;
import noliq.options.OptionsLedger;

/**
 * The settlement oracle's own game, as the study plays it on every matured series: who stakes in
 * the vote, how many of them vote, what buying votes costs, how much open interest an answer moves,
 * and which attacker is present. Each parameter has a stable name (the record component's), the
 * one the assumptions table prints and a sweep overrides.
 *
 * <p>The attacker models:
 * <ul>
 *   <li>{@link Attacker#HONEST}: no attacker. A stated share of first proposals is wrong (twice the
 *       truth) and disputed; the honest voters decide it, if their turnout clears SPAT.
 *   <li>{@link Attacker#CAPTURE}: captures the vote when it pays, that is when the value the wrong
 *       answer moves (the series' P at the truth, {@code seriesOpenInterestUsd · min(x, S) / S}, times
 *       {@code captureDistortion}) exceeds the capture's
 *       cost: the new stake that decides alone under VotingV2's rules at the stated turnout and
 *       stake ({@link SettlementCorruption#capitalToDecide}), priced at {@code umaPriceUsd ×
 *       bribeCostShare}, plus the bond. Otherwise it stays honest.
 *   <li>{@link Attacker#DELAY}: disputes every true proposal and stakes just enough not to vote
 *       ({@link SettlementCorruption#stakeToBlock}) to keep the honest answer at or below SPAT: the
 *       vote rolls until it is deleted, and the series waits for the ledger's settlement timeout,
 *       then settles by its invalid policy. The worst case of delay, played every time.
 * </ul>
 *
 * @param attacker which attacker is present
 * @param voteStakeUma the honest stakers' tokens in the vote (its cumulative stake before any attacker)
 * @param voteTurnout the share of the honest stake revealed in a round, in (0, 1]
 * @param umaPriceUsd the voting token's price
 * @param bribeCostShare what acquiring one voting token costs the attacker, as a share of its price
 *     (1: buys it and loses all of its value; below 1: rents or bribes existing stake)
 * @param seriesOpenInterestUsd the USD value of P outstanding in a series at issue (about S a unit); at
 *     settlement it is worth {@code min(x, S) / S} of that, which a wrong answer moves (the wrapper's own P is
 *     part of it)
 * @param captureDistortion the share of P's true payout a captured answer moves to N, in (0, 0.99]
 * @param settlementTimeout how long after maturity the ledger waits for a final answer before the
 *     series' invalid policy applies
 */
public record SettlementGame(Attacker attacker, double voteStakeUma, double voteTurnout, double umaPriceUsd,
    double bribeCostShare, double seriesOpenInterestUsd, double captureDistortion, Duration settlementTimeout) {

  /** Who, if anyone, attacks the settlement. */
  public enum Attacker { HONEST, CAPTURE, DELAY }

  /** The study's defaults: a rational attacker that captures when it pays; every figure stated below. */
  public static final SettlementGame DEFAULTS = new SettlementGame(Attacker.CAPTURE, 25e6, 0.8, 1.0, 1.0, 100e6, 0.5,
      OptionsLedger.DEFAULT_SETTLEMENT_TIMEOUT);

  /** VotingV2's GAT on mainnet, in tokens. */
  static final double GAT_UMA = 5e6;

  public SettlementGame {
    if (attacker == null) {
      throw new RuleViolation("settlementAttacker", "is required (HONEST, CAPTURE or DELAY)");
    }
    if (!(voteStakeUma > GAT_UMA) || voteStakeUma > 1e12) {
      throw new RuleViolation("voteStakeUma", "must be above GAT (5M tokens) and at most 1e12 (was " + voteStakeUma + ")");
    }
    if (!(voteTurnout > 0 && voteTurnout <= 1)) {
      throw new RuleViolation("voteTurnout", "must be in (0, 1] (was " + voteTurnout + ")");
    }
    if (!(umaPriceUsd > 0) || umaPriceUsd > 1e6) {
      throw new RuleViolation("umaPriceUsd", "must be positive and at most 1e6 (was " + umaPriceUsd + ")");
    }
    if (!(bribeCostShare > 0 && bribeCostShare <= 1)) {
      throw new RuleViolation("bribeCostShare", "must be in (0, 1] (was " + bribeCostShare + ")");
    }
    if (!(seriesOpenInterestUsd > 0) || seriesOpenInterestUsd > 1e15) {
      throw new RuleViolation("seriesOpenInterestUsd", "must be positive and at most 1e15 (was " + seriesOpenInterestUsd + ")");
    }
    if (!(captureDistortion > 0 && captureDistortion <= 0.99)) {
      throw new RuleViolation("captureDistortion", "must be in (0, 0.99] (was " + captureDistortion + ")");
    }
    if (settlementTimeout == null || settlementTimeout.isNegative() || settlementTimeout.isZero()
        || settlementTimeout.compareTo(Duration.ofDays(3650)) > 0) {
      throw new RuleViolation("settlementTimeout", "must be positive and at most 10 years (was " + settlementTimeout + ")");
    }
  }

  public SettlementGame withAttacker(Attacker a) {
    return new SettlementGame(a, voteStakeUma, voteTurnout, umaPriceUsd, bribeCostShare, seriesOpenInterestUsd,
        captureDistortion, settlementTimeout);
  }

  public SettlementGame withTurnout(double t) {
    return new SettlementGame(attacker, voteStakeUma, t, umaPriceUsd, bribeCostShare, seriesOpenInterestUsd,
        captureDistortion, settlementTimeout);
  }

  public SettlementGame withOpenInterest(double usd) {
    return new SettlementGame(attacker, voteStakeUma, voteTurnout, umaPriceUsd, bribeCostShare, usd, captureDistortion,
        settlementTimeout);
  }

  public SettlementGame withVoteStake(double uma) {
    return new SettlementGame(attacker, uma, voteTurnout, umaPriceUsd, bribeCostShare, seriesOpenInterestUsd,
        captureDistortion, settlementTimeout);
  }

  /** Tokens a capture stakes to decide alone against the honest stake (the infimum; it stakes one token more). */
  public double captureStakeUma() {
    return SettlementCorruption.capitalToDecide(voteStakeUma, SettlementCorruption.UMA_SPAT, voteTurnout, 0);
  }

  /** What the capture costs in USD: its stake at the token's price times the bribe share, plus the bond. */
  public double captureCostUsd(double bondUsd) {
    return captureStakeUma() * umaPriceUsd * bribeCostShare + bondUsd;
  }

  /** The value a captured answer moves at open interest {@code openInterestUsd}. */
  public double valueMovedUsd(double openInterestUsd) {
    return openInterestUsd * captureDistortion;
  }

  /** Whether a capture pays on a series whose P is worth {@code openInterestUsd} at settlement. */
  public boolean capturePays(double openInterestUsd, double bondUsd) {
    return valueMovedUsd(openInterestUsd) > captureCostUsd(bondUsd);
  }

  /** The safety margin: the open interest above which a capture starts to pay. */
  public double captureStartsToPayAtUsd(double bondUsd) {
    return captureCostUsd(bondUsd) / captureDistortion;
  }

  /** Tokens the delay attacker stakes (and leaves unvoted) to keep the honest answer at or below SPAT. */
  public double blockStakeUma() {
    return SettlementCorruption.stakeToBlock(voteStakeUma, SettlementCorruption.UMA_SPAT, voteTurnout);
  }

  /** The game's parameters with their sources, by stable name, for the assumptions table. */
  public List<Assumption> describe() {
    String vary = "assumption: vary it";
    return List.of(
        new Assumption("settlementAttacker", attacker.name(), "assumption: CAPTURE (when it pays), HONEST or DELAY "
            + "(disputes and blocks every vote); vary it"),
        new Assumption("voteStakeUma", String.format("%.0f", voteStakeUma), "assumption: ~20M UMA revealed in the March "
            + "2025 round (anchors A2: 5M was ~25%) at the stated turnout; vary it"),
        new Assumption("voteTurnout", Double.toString(voteTurnout), vary + "; under VotingV2 a vote resolves only if "
            + "more than SPAT (65%) of ALL staked tokens agree, so a turnout at or below 65% never resolves"),
        new Assumption("umaPriceUsd", Double.toString(umaPriceUsd), vary),
        new Assumption("bribeCostShare", Double.toString(bribeCostShare), vary + "; 1 = the stake is bought and "
            + "loses all its value, below 1 = existing stake is rented or bribed"),
        new Assumption("seriesOpenInterestUsd", String.format("%.0f", seriesOpenInterestUsd), vary + "; the capture "
            + "pays above " + String.format("%.0f", captureStartsToPayAtUsd(SlowOracle.UMA_BOND.toDouble()))),
        new Assumption("captureDistortion", Double.toString(captureDistortion), vary + "; a captured vote may name any x"),
        new Assumption("settlementTimeout", settlementTimeout.toString(), "the ledger's stated rule "
            + "(OptionsLedger.DEFAULT_SETTLEMENT_TIMEOUT): no final answer after this, the invalid policy applies; vary it"),
        new Assumption("vote rules", "SPAT 0.65 of all staked, GAT 5M, maxRolls 4, slash 0.001, 48 h rounds on a "
            + "fixed grid", "UMA VotingV2 / ResultComputationV2 / FixedSlashSlashingLibrary, mainnet parameters"));
  }
}
