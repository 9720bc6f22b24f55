package noliq.lab.study.options;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import noliq.lab.metrics.OptionsRisk;
import noliq.lab.scenarios.PricePath;
import noliq.lab.study.Claims;
import noliq.lab.study.MetricSpec;
import noliq.lab.study.MetricSpec.Headline;
import noliq.lab.study.MetricSpec.Loss;
import noliq.lab.study.MetricSpec.Role;
import noliq.lab.study.MetricSpec.Support;
import noliq.lab.study.Trace;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.wrapper.drift.DriftAccount;
import noliq.wrapper.drift.DriftBreakdown;
import noliq.wrapper.venue.AmmVenue;
import noliq.wrapper.venue.MakerInventory;

/**
 * What a P-wrapper (vault or agent) reports on one path: its value against target at every mark,
 * the {@link DriftAccount} splitting the deviation into exposure drift, roll cost and settlement
 * error (exact, so they add up), and the counts behind the roll figures. Values are model marks in
 * USD; the target is the first mark (what the holder started with).
 */
final class WrapperTracker {
  private static final long YEAR_SECONDS = 365L * 86_400;
  private final String prefix;
  private final Trace trace;
  private final Instant start;
  private final Duration markEvery;
  private final DriftAccount drift;
  private final double target;
  private final List<Double> values = new ArrayList<>();
  /** Seconds from the start of each mark in {@link #values}. */
  private final List<Long> markSeconds = new ArrayList<>();
  /** Per mark, each part's change since the previous mark, as a fraction of target: they add up to the value's change. */
  private final List<double[]> partSteps = new ArrayList<>();
  private double[] partsBefore = {0, 0, 0};
  private Instant nextMark;
  private double valueSum;
  private int rolls;
  private int unfilled;
  private int settlements;
  private int captured;
  private int lapsed;
  private int disputes;
  private int voteRounds;
  private double latencyHours;
  private double rollVolumeUsd;
  private double forcedSalesUsd;
  /** Sums over filled rolls of each part of the cost against fair value at the decision, and of the value rolled, ETH. */
  private double spreadEth;
  private double feeEth;
  private double impactEth;
  private double moveEth;
  private double rolledEth;
  private double unfilledShares;
  private int measuredRolls;
  private double makerEdgeUsd;
  /** Pools: fees, LVR, loss versus holding, deposits, arbitrageurs' float (USD). */
  private double[] lp = {0, 0, 0, 0, 0};

  WrapperTracker(String prefix, Trace trace, PricePath path, double startValue) {
    this.prefix = prefix;
    this.trace = trace;
    this.start = path.time(0);
    this.markEvery = markInterval(path);
    this.target = startValue;
    this.drift = new DriftAccount(usd(startValue), start);
    this.nextMark = start.plus(markEvery);
    record(start, startValue);
  }

  /** Daily, or span / 64 on paths shorter than 64 days, so every path has enough marks for a tracking error. */
  static Duration markInterval(PricePath path) {
    Duration span = Duration.between(path.time(0), path.time(path.size() - 1));
    Duration perMark = span.dividedBy(64);
    Duration day = Duration.ofDays(1);
    return perMark.compareTo(day) < 0 && !perMark.isZero() ? perMark : day;
  }

  static List<MetricSpec> specs(String prefix) {
    return List.of(
        new MetricSpec(prefix + ".tracking_error_pct", "%/yr", "daily tracking volatility: annualised std of the change in ln(value / target) between marks (a steady loss does not count; the post's drift is the standev of the annual deviation)", Headline.MEAN)
            .as(Role.STABLE_HOLDER).within(Support.NON_NEGATIVE),
        new MetricSpec(prefix + ".deviation_pct", "%", "(final value - target) / target; = drift + roll cost + settlement", Headline.MEAN)
            .lossOf(Role.STABLE_HOLDER, Loss.GAIN),
        new MetricSpec(prefix + ".drift_pct", "%", "part of the deviation from ETH exposure between rolls", Headline.MEAN).as(Role.STABLE_HOLDER),
        new MetricSpec(prefix + ".roll_cost_pct", "%", "part of the deviation from rolls against fair value (negative: a cost)", Headline.MEAN).as(Role.STABLE_HOLDER),
        new MetricSpec(prefix + ".settlement_pct", "%", "part of the deviation from settlement and oracle error", Headline.MEAN).as(Role.STABLE_HOLDER),
        new MetricSpec(prefix + ".te_drift_share", "share", "drift's Euler share of the variance of the value's change between marks (the three shares add up to 1; 0 if it never moved)", Headline.MEAN),
        new MetricSpec(prefix + ".te_roll_share", "share", "roll cost's Euler share of that variance", Headline.MEAN),
        new MetricSpec(prefix + ".te_settlement_share", "share", "settlement and oracle error's Euler share of that variance", Headline.MEAN),
        new MetricSpec(prefix + ".roll_cost_pct_per_year", "%/yr", "roll cost against fair value per year, over the average value", Headline.MEAN).as(Role.STABLE_HOLDER),
        new MetricSpec(prefix + ".shortfall_pct", "%", "final shortfall against target (0 when at or above it)", Headline.P95)
            .as(Role.STABLE_HOLDER).within(Support.NON_NEGATIVE),
        new MetricSpec(prefix + ".roll_volume_usd", "USD", "fair value given up in rolls over the path", Headline.P95).as(Role.SYSTEM).within(Support.NON_NEGATIVE),
        new MetricSpec(prefix + ".rolls", "count", "filled rolls (re-entries from ETH included)", Headline.MEAN).as(Role.SYSTEM).within(Support.NON_NEGATIVE),
        new MetricSpec(prefix + ".unfilled_rolls", "count", "rolls nobody filled by the deadline", Headline.MEAN).as(Role.SYSTEM).within(Support.NON_NEGATIVE),
        new MetricSpec(prefix + ".forced_sales_usd", "USD", "P missing against the wrapper's own rolls and redemptions, at fair value: 0 by construction (checked)", Headline.MEAN)
            .as(Role.SYSTEM).within(Support.NON_NEGATIVE),
        new MetricSpec(prefix + ".settlements", "count", "series held to maturity and settled by the slow oracle", Headline.MEAN).within(Support.NON_NEGATIVE),
        new MetricSpec(prefix + ".settlement_latency_h", "h", "mean time from maturity to redemption over the path's settlements (0 if none)", Headline.MEAN).within(Support.NON_NEGATIVE),
        new MetricSpec(prefix + ".settlements_captured", "count", "settlements whose vote the attacker captured (the settlement game's CAPTURE, when it pays)", Headline.MEAN).as(Role.SYSTEM).within(Support.NON_NEGATIVE),
        new MetricSpec(prefix + ".settlements_lapsed", "count", "settlements the oracle never answered: the vote was deleted (or never resolved) and the ledger's timeout applied the invalid policy", Headline.MEAN).as(Role.SYSTEM).within(Support.NON_NEGATIVE),
        new MetricSpec(prefix + ".settlement_disputes", "count", "settlements whose proposal was disputed and escalated to the vote (a wrong first proposal, a capture or a delay attack)", Headline.MEAN).as(Role.SYSTEM).within(Support.NON_NEGATIVE),
        new MetricSpec(prefix + ".settlement_disputed", "indicator", "1 when any settlement on the path was disputed", Headline.SHARE).as(Role.SYSTEM),
        new MetricSpec(prefix + ".settlement_vote_rounds", "count", "vote rounds the path's disputes took (a round that rolls for lack of turnout or agreement adds one)", Headline.MEAN).as(Role.SYSTEM).within(Support.NON_NEGATIVE),
        new MetricSpec(prefix + Claims.LOG_DEVIATION, "%", "100 ln(final value / target) over the whole path: the path's one window (not annualised)", Headline.MEAN)
            .as(Role.STABLE_HOLDER),
        new MetricSpec(prefix + Claims.YEAR_WINDOWS, "count", "complete year-long windows on the path (non-overlapping, from its start)", Headline.MEAN).within(Support.NON_NEGATIVE),
        new MetricSpec(prefix + Claims.ANNUAL_SUM, "%", "sum over the path's year windows of d = 100 ln(value at the window's end / value at its start): the post's annual deviation, the target reset each year", Headline.MEAN),
        new MetricSpec(prefix + Claims.ANNUAL_SUM_OF_SQUARES, "%^2", "sum over the path's year windows of d squared", Headline.MEAN).within(Support.NON_NEGATIVE),
        new MetricSpec(prefix + ".roll_cost_bps", "bps", "cost per roll against fair value at the decision, weighted by value rolled: sum of costs / sum of fair value given (= spread + fees + impact + move; 0 if none)", Headline.MEAN).as(Role.STABLE_HOLDER).within(Support.SIGNED),
        new MetricSpec(prefix + ".roll_spread_bps", "bps", "per roll, value-weighted: spread or auction edge paid against fair value at each fill", Headline.MEAN).as(Role.STABLE_HOLDER),
        new MetricSpec(prefix + ".roll_fee_bps", "bps", "per roll, value-weighted: pool fees", Headline.MEAN).as(Role.STABLE_HOLDER).within(Support.NON_NEGATIVE),
        new MetricSpec(prefix + ".roll_impact_bps", "bps", "per roll, value-weighted: pool price impact", Headline.MEAN).as(Role.STABLE_HOLDER),
        new MetricSpec(prefix + ".roll_move_bps", "bps", "per roll, value-weighted: the market's move while waiting (fair value at the fills against at the decision)", Headline.MEAN).as(Role.STABLE_HOLDER),
        new MetricSpec(prefix + ".roll_unfilled_share", "share", "mean share of each roll's amount not traded (an unfilled roll counts 1; wei-level re-entries left out)", Headline.MEAN).as(Role.SYSTEM).within(Support.NON_NEGATIVE),
        new MetricSpec(prefix + ".maker_edge_usd", "USD", "makers' (or pools') take from the wrapper's rolls: spread, edge, fees and impact against fair value at the fills (the makers' inventory after the fills is maker_inventory_usd)", Headline.MEAN).as(Role.LIQUIDITY_PROVIDER),
        new MetricSpec(prefix + ".lp_fees_usd", "USD", "AMM liquidity providers' fees over the path, all traders (0 without pools)", Headline.MEAN).as(Role.LIQUIDITY_PROVIDER).within(Support.NON_NEGATIVE),
        new MetricSpec(prefix + ".lp_lvr_usd", "USD", "AMM liquidity providers' loss to arbitrageurs at fair value, rebalanced daily (loss-versus-rebalancing): the arbitrageurs' profit after the fees they pay (0 without pools)", Headline.MEAN).as(Role.LIQUIDITY_PROVIDER),
        new MetricSpec(prefix + ".lp_loss_vs_hold_usd", "USD", "AMM liquidity providers' pools against holding what they seeded, at the end, fees included (negative: a gain; 0 without pools)", Headline.MEAN).as(Role.LIQUIDITY_PROVIDER),
        new MetricSpec(prefix + ".lp_pnl_pct_capital", "%", "the liquidity providers this design's rolls trade with, P&L in % of the capital they commit: by auction or book the makers "
            + "(edge at the fills plus inventory P&L, over the peak fair value they paid for the lots open at once); by AMM the pools' LPs (pools against holding "
            + "their seeds: fees in, loss to arbitrage out, over the seeds' value); 0 on a path where they committed nothing", Headline.MEAN)
            .lossOf(Role.LIQUIDITY_PROVIDER, Loss.GAIN),
        new MetricSpec(prefix + ".maker_inventory_usd", "USD", "makers' inventory P&L: each lot from a fill marked on the path's surface until its unwind (makerUnwindHorizon, "
            + "or its legs' maturity), hedge included (negative: a loss when the market moves during and after the roll)", Headline.MEAN).as(Role.LIQUIDITY_PROVIDER),
        new MetricSpec(prefix + ".maker_pnl_usd", "USD", "makers' P&L: edge at the fills (fair value bought less paid) plus inventory P&L", Headline.MEAN).as(Role.LIQUIDITY_PROVIDER),
        new MetricSpec(prefix + ".maker_pnl_pct_capital", "%", "makers' P&L in % of their committed capital (peak fair value paid for the lots open at once; 0 if none)", Headline.MEAN)
            .as(Role.LIQUIDITY_PROVIDER),
        new MetricSpec(prefix + ".maker_capital_usd", "USD", "makers' committed capital: the peak over the path of the fair value they paid for the lots open at once", Headline.MEAN)
            .within(Support.NON_NEGATIVE),
        new MetricSpec(prefix + ".maker_worst_lot_usd", "USD", "the worst single lot's inventory P&L on the path (0 if none lost)", Headline.MEAN),
        new MetricSpec(prefix + ".amm_lp_pnl_pct_capital", "%", "AMM liquidity providers' pools against holding their seeds, in % of the seeds' value at seeding (0 without pools)", Headline.MEAN)
            .as(Role.LIQUIDITY_PROVIDER),
        new MetricSpec(prefix + ".lp_capital_usd", "USD", "AMM liquidity providers' deposits: each pool's seed at fair value when seeded (0 without pools)", Headline.MEAN)
            .within(Support.NON_NEGATIVE),
        new MetricSpec(prefix + ".arb_pnl_pct_capital", "%", "arbitrageurs' profit (lp_lvr_usd) in % of their float (ammPoolDepthUsd of ETH and as much of each pool's leg; 0 without pools)", Headline.MEAN)
            .as(Role.LIQUIDITY_PROVIDER));
  }

  /** Marks if a mark is due at {@code now}; {@code value} is asked only then. */
  void maybeMark(Instant now, java.util.function.DoubleSupplier value) {
    if (now.isBefore(nextMark)) {
      return;
    }
    mark(now, value.getAsDouble());
    while (!nextMark.isAfter(now)) {
      nextMark = nextMark.plus(markEvery);
    }
  }

  void mark(Instant now, double value) {
    drift.mark(usd(value), now);
    double[] parts = drift.breakdown().fractionsOfTarget();
    partSteps.add(new double[] {parts[0] - partsBefore[0], parts[1] - partsBefore[1], parts[2] - partsBefore[2]});
    partsBefore = parts;
    record(now, value);
  }

  void rolled(Instant now, double before, double after, double volumeUsd) {
    drift.roll(usd(before), usd(after), now);
    rolls++;
    rollVolumeUsd += volumeUsd;
  }

  /** The venue's breakdown of a filled roll's cost. */
  void execution(noliq.wrapper.port.ExecutionCost c) {
    spreadEth += c.spreadEth();
    feeEth += c.feeEth();
    impactEth += c.impactEth();
    moveEth += c.moveEth();
    rolledEth += c.givenFairEth();
    if (c.givenFairEth() >= DUST_ETH) {
      unfilledShares += c.unfilledShare();
      measuredRolls++;
    }
    makerEdgeUsd += c.executionEth() * spotAt.getAsDouble();
  }

  /** Re-entries of wei-level idle ETH are rolls too, but too small to count in a per-roll share. */
  static final double DUST_ETH = 1e-6;

  private java.util.function.DoubleSupplier spotAt = () -> 0;

  /** Where the tracker reads the spot that turns an execution's ETH into USD. */
  void spotFrom(java.util.function.DoubleSupplier spot) {
    spotAt = spot;
  }

  /**
   * The liquidity providers' side at the end: the makers' totals, and the pools' report when the
   * venue has pools (null otherwise). Which of them the design's rolls trade with follows the mechanism.
   */
  void liquidity(noliq.wrapper.port.Mechanism mechanism, MakerInventory.Totals makerTotals, AmmVenue.LpReport pools) {
    makers = makerTotals;
    this.mechanism = mechanism;
    if (pools != null) {
      lp = new double[] {pools.feesUsd(), pools.lvrUsd(), pools.lossVersusHoldingUsd(), pools.depositsUsd(), pools.arbitrageurFloatUsd()};
    }
  }

  private MakerInventory.Totals makers = new MakerInventory.Totals(0, 0, 0, 0, 0, 0, 0);
  private noliq.wrapper.port.Mechanism mechanism = noliq.wrapper.port.Mechanism.DUTCH_AUCTION;

  /** {@code 100 pnl / capital}, 0 when nothing was committed. */
  static double pctOf(double pnl, double capital) {
    return capital > 0 ? 100 * pnl / capital : 0;
  }

  void forcedSale(double usd) {
    forcedSalesUsd += usd;
  }

  void unfilled() {
    unfilled++;
  }

  void settled(Instant now, double fairAtMaturity, double after, Instant maturity) {
    drift.settle(usd(fairAtMaturity), usd(after), now);
    settlements++;
    latencyHours += Duration.between(maturity, now).toSeconds() / 3600.0;
  }

  /** The settlement just recorded came from a captured vote. */
  void captured() {
    captured++;
  }

  /** The settlement just recorded was disputed and went through {@code rounds} vote rounds. */
  void disputed(int rounds) {
    disputes++;
    voteRounds += rounds;
  }

  /** The settlement just recorded lapsed: no final answer by the ledger's timeout. */
  void lapsed() {
    lapsed++;
  }

  DriftBreakdown breakdown() {
    return drift.breakdown();
  }

  /** Writes the metrics in {@link #specs} order; the final mark must have been taken. */
  void write(Instant end, double[] out, int offset) {
    if (forcedSalesUsd != 0) {
      throw new IllegalStateException(prefix + ": a P wrapper never sells by force, yet " + forcedSalesUsd + " was");
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    double[] t = new double[v.length];
    java.util.Arrays.fill(t, target);
    double years = Duration.between(start, end).toSeconds() / (365.0 * 86_400);
    double stepYears = markEvery.toSeconds() / (365.0 * 86_400);
    double[] parts = drift.breakdown().fractionsOfTarget();
    double finalValue = v[v.length - 1];
    double rollCost = -drift.breakdown().rollCost().toDouble();
    int i = offset;
    out[i++] = v.length >= 3 ? OptionsRisk.trackingError(v, t, stepYears) * 100 : 0;
    out[i++] = parts[3] * 100;
    out[i++] = parts[0] * 100;
    out[i++] = parts[1] * 100;
    out[i++] = parts[2] * 100;
    double[][] shares = shares(stepYears);
    out[i++] = shares[0][0];
    out[i++] = shares[0][1];
    out[i++] = shares[0][2];
    out[i++] = years > 0 ? OptionsRisk.rollCostPerYear(rollCost, valueSum / v.length, years) * 100 : 0;
    out[i++] = OptionsRisk.shortfall(finalValue, target) * 100;
    out[i++] = rollVolumeUsd;
    out[i++] = rolls;
    out[i++] = unfilled;
    out[i++] = forcedSalesUsd;
    out[i++] = settlements;
    out[i++] = settlements == 0 ? 0 : latencyHours / settlements;
    out[i++] = captured;
    out[i++] = lapsed;
    out[i++] = disputes;
    out[i++] = disputes > 0 ? 1 : 0;
    out[i++] = voteRounds;
    out[i++] = 100 * Math.log(finalValue / target);
    double[] windows = annualDeviations(v, markSeconds.stream().mapToLong(Long::longValue).toArray(), Duration.between(start, end).toSeconds());
    double sum = 0;
    double squares = 0;
    for (double d : windows) {
      sum += d;
      squares += d * d;
    }
    out[i++] = windows.length;
    out[i++] = sum;
    out[i++] = squares;
    double perRoll = rolledEth > 0 ? 10_000 / rolledEth : 0;
    out[i++] = (spreadEth + feeEth + impactEth + moveEth) * perRoll;
    out[i++] = spreadEth * perRoll;
    out[i++] = feeEth * perRoll;
    out[i++] = impactEth * perRoll;
    out[i++] = moveEth * perRoll;
    out[i++] = measuredRolls + unfilled == 0 ? 0 : (unfilledShares + unfilled) / (measuredRolls + unfilled);
    out[i++] = makerEdgeUsd;
    out[i++] = lp[0];
    out[i++] = lp[1];
    out[i++] = lp[2];
    double lpPct = pctOf(-lp[2], lp[3]);
    double makerPct = pctOf(makers.pnlUsd(), makers.peakCapitalUsd());
    out[i++] = mechanism == noliq.wrapper.port.Mechanism.AMM_SWAP ? lpPct : makerPct;
    out[i++] = makers.inventoryUsd();
    out[i++] = makers.pnlUsd();
    out[i++] = makerPct;
    out[i++] = makers.peakCapitalUsd();
    out[i++] = makers.worstLotUsd();
    out[i++] = lpPct;
    out[i++] = lp[3];
    out[i] = pctOf(lp[1], lp[4]);
  }

  /**
   * The deviation of each complete year window, in %: {@code 100 ln(V(end of year k) / V(start of
   * year k))}, V read at the last mark at or before each boundary. A path of 365 days has one
   * window; one of 90 days none (its figure is the whole path's, never annualised).
   */
  static double[] annualDeviations(double[] value, long[] seconds, long spanSeconds) {
    int years = (int) (spanSeconds / YEAR_SECONDS);
    double[] d = new double[years];
    double startValue = value[0];
    int m = 0;
    for (int k = 1; k <= years; k++) {
      long boundary = k * YEAR_SECONDS;
      while (m + 1 < seconds.length && seconds[m + 1] <= boundary) {
        m++;
      }
      d[k - 1] = 100 * Math.log(value[m] / startValue);
      startValue = value[m];
    }
    return d;
  }

  /** The Euler shares of the three parts in the variance of the per-mark change (OptionsRisk.decompose). */
  private double[][] shares(double stepYears) {
    int n = partSteps.size();
    if (n < 2) {
      return new double[][] {{0, 0, 0}};
    }
    double[] d = new double[n];
    double[] r = new double[n];
    double[] s = new double[n];
    for (int k = 0; k < n; k++) {
      d[k] = partSteps.get(k)[0];
      r[k] = partSteps.get(k)[1];
      s[k] = partSteps.get(k)[2];
    }
    OptionsRisk.TrackingDecomposition t = OptionsRisk.decompose(d, r, s, stepYears);
    if (Double.isNaN(t.deltaDriftShare())) {
      return new double[][] {{0, 0, 0}};
    }
    return new double[][] {{t.deltaDriftShare(), t.rollSlippageShare(), t.settlementShare()}};
  }

  int rolls() {
    return rolls;
  }

  private void record(Instant now, double value) {
    values.add(value);
    markSeconds.add(Duration.between(start, now).toSeconds());
    valueSum += value;
    if (trace.enabled()) {
      double y = Duration.between(start, now).toSeconds() / (365.0 * 86_400);
      trace.record(prefix + ".value_usd", y, value);
      trace.record(prefix + ".target_usd", y, target);
    }
  }

  private static Price usd(double v) {
    return Price.fromDouble(Math.max(0, v), Rounding.DOWN);
  }
}
