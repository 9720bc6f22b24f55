package noliq.lab.study;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;
import noliq.lab.study.options.OptionsAssumptions;
import noliq.math.RuleViolation;

/**
 * The one registry of named, overridable assumptions: every parameter the report's assumptions
 * table prints, with its unit, its allowed range, what it is, and how a value is applied to the
 * study's parameter records ({@link StudyParameters}). {@code simulate}'s {@code "assumptions"}
 * and {@code sweep}'s grids and ranges use these names.
 *
 * <p>Most bindings are a path of record components ({@code options.market.ammPoolDepthUsd}): a
 * value is written by rebuilding each record on the path through its canonical constructor, so the
 * records' own rules (e.g. {@code bookDebtUsd >= positions x minDebtUsd}) still apply. Durations are given in the
 * binding's unit (hours, minutes...), booleans as 0 or 1, whole-number components must be whole.
 */
public final class Assumptions {
  private Assumptions() {}

  /**
   * One overridable assumption.
   *
   * @param area where it belongs (debt, oracle, roll markets, options, scenarios)
   * @param name the name the table prints and overrides use
   * @param unit the unit a value is stated in
   * @param min the least allowed value
   * @param max the greatest allowed value
   * @param whole whether values must be whole numbers
   * @param about what it is, in a few words
   * @param get reads it from parameters, in {@code unit}
   * @param set writes it into parameters, in {@code unit}
   */
  public record Binding(String area, String name, String unit, double min, double max, boolean whole, String about,
      ToDoubleFunction<StudyParameters> get, BiFunction<StudyParameters, Double, StudyParameters> set) {

    /** The value at the defaults. */
    public double defaultValue() {
      return get.applyAsDouble(StudyParameters.DEFAULTS);
    }

    /** The rule a value must satisfy, as printed. */
    public String range() {
      return "[" + format(min) + ", " + format(max) + "]" + (whole ? ", whole" : "");
    }

    /** Refuses a value outside the range (or not whole when it must be), naming {@code field} and the rule. */
    public void check(String field, double value) {
      if (!Double.isFinite(value) || value < min || value > max) {
        throw new RuleViolation(field, "must be between " + format(min) + " and " + format(max) + " " + unit + " (was "
            + format(value) + ")");
      }
      if (whole && value != Math.rint(value)) {
        throw new RuleViolation(field, "must be a whole number of " + unit + " (was " + format(value) + ")");
      }
    }
  }

  /**
   * Rows of the assumptions table that state a modelling rule rather than a number (how fair value
   * is computed, the AMM route, what happens after patience, how often marks are taken): printed,
   * not overridable.
   */
  public static final Set<String> RULES = rules();

  private static Set<String> rules() {
    Set<String> out = new java.util.LinkedHashSet<>(Set.of("valuation", "ammRoute", "afterPatience", "marking", "vote rules",
        // the makers' noise rule (the paths' implied-vol constants are bound below: inputs, not rules)
        "makerNoise",
        // the generated paths' traded-volume fit (TradedVolume; refit by TradedVolumeTest)
        "tradedVolume"));
    // The debt books' stated rules and provenance rows (lab.study.debt.DebtAssumptions).
    out.addAll(noliq.lab.study.debt.DebtAssumptions.names());
    return Set.copyOf(out);
  }

  /**
   * Rows of the assumptions table that print several parameters at once, and the bound names they
   * stand for; the table prints one row per member.
   */
  public static final Map<String, List<String>> GROUPS;

  private static final List<Binding> ALL;
  private static final Map<String, Binding> BY_NAME;

  static {
    List<Binding> b = new ArrayList<>();
    Map<String, List<String>> groups = new LinkedHashMap<>();
    String d = "debt";
    group(groups, b, "population",
        path(d, "population.positions", "population.positions", "borrowers", 1, 100_000,
            "representative borrowers in each debt book"),
        path(d, "population.bookDebtUsd", "population.bookDebtUsd", "USD", 1e6, 1e13,
            "the debt the representatives stand for (Maker mapping)"),
        path(d, "population.debtFloorUsd", "population.minDebtUsd", "USD", 1, 1e7, "smallest debt a borrower draws"),
        path(d, "population.logDebtMean", "population.fit.logDebtMean", "ln USD", 5, 20, "mean of the log of a debt"),
        path(d, "population.logDebtSd", "population.fit.logDebtSd", "log-sd", 0.01, 5, "spread of the log of a debt"),
        path(d, "population.logExcessHealthMean", "population.fit.logExcessHealthMean", "ln", -10, 3,
            "mean of ln(health - 1)"),
        path(d, "population.logExcessHealthSd", "population.fit.logExcessHealthSd", "log-sd", 0.01, 5,
            "spread of ln(health - 1)"));
    group(groups, b, "liquidators",
        path(d, "liquidators.count", "liquidators.count", "bots", 1, 1000, "liquidators or keepers per book"),
        path(d, "liquidators.minLatencySeconds", "liquidators.minLatencySeconds", "s", 0, 86_400, "fastest reaction after the feed lands"),
        path(d, "liquidators.maxLatencySeconds", "liquidators.maxLatencySeconds", "s", 0, 86_400, "slowest reaction"),
        path(d, "liquidators.gasUnits", "liquidators.gasUnits", "gas", 0, 1e8, "gas of one liquidation call or take"),
        path(d, "liquidators.minGasGwei", "liquidators.minGasGwei", "gwei", 0, 1e5, "lowest gas price a bot pays"),
        path(d, "liquidators.maxGasGwei", "liquidators.maxGasGwei", "gwei", 0, 1e5, "highest gas price a bot pays"),
        path(d, "liquidators.minCapitalUsd", "liquidators.minCapitalUsd", "USD", 1, 1e12, "smallest stablecoin float of a bot"),
        path(d, "liquidators.maxCapitalUsd", "liquidators.maxCapitalUsd", "USD", 1, 1e12, "largest stablecoin float of a bot"));
    group(groups, b, "cascade",
        path(d, "cascade.impact", "cascade.impact", "0/1", 0, 1, "whether forced sales move the price"),
        path(d, "cascade.impactSlippage", "cascade.calibration.slippagePoint.slippage", "fraction", 1e-4, 0.5,
            "slippage of the calibration size ($35M of ETH)"),
        path(d, "cascade.recoveryHalfLife", "cascade.calibration.recoveryHalfLife", "minutes", 1, 10_080,
            "half-life of the price's recovery after a forced sale"),
        path(d, "cascade.feedDeviationBps", "cascade.feed.deviationBps", "bps", 1, 5_000, "the protocol feed's deviation trigger"),
        path(d, "cascade.feedHeartbeat", "cascade.feed.heartbeat", "minutes", 1, 10_080, "the protocol feed's heartbeat"),
        path(d, "cascade.feedLatency", "cascade.feed.latency", "seconds", 0, 3_600, "from trigger to the feed landing"),
        path(d, "cascade.maxRounds", "cascade.maxRounds", "rounds", 1, 1_000, "liquidation rounds within one step"),
        path(d, "cascade.marketVolumeMultiple", "cascade.marketVolumeMultiple", "x Binance ETH/USDT", 1, 100,
            "the whole market's daily ETH volume over Binance ETH/USDT's, for forced sales' share of a day's volume"));
    b.add(path(d, "liquity.poolShare", "liquityPoolShare", "share of debt", 0.001, 10,
        "Liquity Stability Pool depth as a share of the borrowers' debt"));
    group(groups, b, "borrowers",
        path(d, "borrowers.reactShare", "behaviour.reactShare", "share", 0, 1, "borrowers who act below their threshold"),
        path(d, "borrowers.repayShare", "behaviour.repayShare", "share", 0, 1, "of those, the share who repay (the rest add collateral)"),
        path(d, "borrowers.thresholdLow", "behaviour.thresholdLow", "health", 1.0001, 10, "lowest personal threshold"),
        path(d, "borrowers.thresholdHigh", "behaviour.thresholdHigh", "health", 1.0001, 10, "highest personal threshold"),
        path(d, "borrowers.reactionDelay", "behaviour.delay", "hours", 0, 8_760, "how long below the threshold before acting"),
        path(d, "borrowers.reopenProbability", "behaviour.reopenProbability", "probability", 0, 1,
            "a liquidated borrower opens a new position"));
    group(groups, b, "interest",
        path(d, "interest.accrualInterval", "interest.accrualInterval", "hours", 1.0 / 60, 8_760, "how often the books collect interest"),
        path(d, "interest.aaveOptimalUsage", "interest.aaveOptimalUsage", "fraction", 0.01, 0.99, "Aave USDC curve's kink"),
        path(d, "interest.aaveBaseRate", "interest.aaveBaseRate", "per year", 0, 10, "Aave USDC rate at zero usage"),
        path(d, "interest.aaveSlope1", "interest.aaveSlope1", "per year", 0, 10, "Aave USDC rate added up to the kink"),
        path(d, "interest.aaveSlope2", "interest.aaveSlope2", "per year", 0, 10, "Aave USDC rate added above the kink"),
        path(d, "interest.aaveReserveFactor", "interest.aaveReserveFactor", "share", 0, 1, "Aave treasury's share of interest"),
        path(d, "interest.makerFee", "interest.makerFeePerYear", "per year", 0, 10, "Maker ETH-B stability fee"),
        path(d, "interest.liquityMedianRate", "interest.liquityMedianRate", "per year", 0, 2.5, "median Liquity v2 user-set rate"),
        path(d, "interest.liquityRateLogSd", "interest.liquityRateLogSd", "log-sd", 0, 5, "spread of Liquity v2 user-set rates"));
    String o = "oracle";
    group(groups, b, "feed manipulation",
        path(o, "feedManipulation.deviation", "feedAttack.deviation", "fraction", 0.001, 0.99, "how far the feed is pushed"),
        path(o, "feedManipulation.hold", "feedAttack.hold", "minutes", 0, 1_440, "how long the push is held"),
        path(o, "feedManipulation.twapWindow", "feedAttack.twapWindow", "minutes", 1, 1_440, "the feed's TWAP window"),
        path(o, "feedManipulation.poolDepthUsd", "feedAttack.poolDepthUsd", "USD", 1e3, 1e12, "USD each side of the pool"),
        path(o, "feedManipulation.feeRate", "feedAttack.feeRate", "fraction", 0, 0.1, "the pool's swap fee"));
    String r = "roll markets";
    String m = "options.market.";
    b.add(path(r, "ammPoolDepthUsd", m + "ammPoolDepthUsd", "USD", 1e3, 1e12, "value locked in each P/ETH pool"));
    group(groups, b, "ammFee",
        path(r, "ammBaseFeePips", m + "ammBaseFeePips", "pips", 0, 100_000, "pool fee far from maturity (1e6 pips = 100%)"),
        path(r, "ammFinalFeePips", m + "ammFinalFeePips", "pips", 0, 100_000, "pool fee at maturity"),
        path(r, "ammFeeRampWindow", m + "ammFeeRampWindow", "days", 0.01, 365, "how long before maturity the fee rises"));
    group(groups, b, "auction",
        path(r, "auctionEdgePips", m + "auctionEdgePips", "pips", 0, 500_000, "the rotation auction's largest concession"),
        path(r, "auctionRamp", m + "auctionRamp", "hours", 0.01, 720, "how long the auction takes to concede it"));
    b.add(path(r, "makerPollInterval", m + "makerPollInterval", "minutes", 0.2, 1_440, "how often a maker looks"));
    b.add(path(r, "makerCount", m + "makerCount", "makers", 1, 100, "independent makers"));
    b.add(path(r, "makerHalfSpreadBps", m + "makerHalfSpreadBps", "bps", 0, 5_000, "a maker's half-spread in a book"));
    group(groups, b, "makerEdgeBps",
        path(r, "makerMinEdgeBps", m + "makerMinEdgeBps", "bps", 0, 5_000, "auction edge a maker needs with no inventory"),
        path(r, "makerMaxEdgeBps", m + "makerMaxEdgeBps", "bps", 0, 5_000, "auction edge a maker needs with full inventory"));
    b.add(path(r, "makerInventoryUsd", m + "makerInventoryUsd", "USD", 0, 1e12, "a maker's inventory limit"));
    b.add(path(r, "patience", m + "patience", "hours", 0.01, 720, "how long resting orders wait"));
    b.add(path(r, "naturalFlowUsdPerDay", m + "naturalFlowUsdPerDay", "USD/day", 0, 1e12, "other traders' flow each way"));
    b.add(path(r, "flowInterval", m + "flowInterval", "minutes", 1, 10_080, "how often that flow arrives"));
    String re = m + "reaction.";
    b.add(path(r, "putSkew", re + "putSkew", "per unit z", 0, 5, "the smile's put skew"));
    b.add(path(r, "callSkew", re + "callSkew", "per unit z", 0, 5, "the smile's call skew"));
    b.add(path(r, "wingCap", re + "wingCap", "x atm", 1, 20, "the largest wing vol over the at-the-money vol"));
    b.add(path(r, "termMeanReversionPerYear", re + "termMeanReversionPerYear", "per year", 1e-6, 365, "the term structure's reversion"));
    b.add(path(r, "longRunVol", re + "longRunVol", "per year", 1e-3, 10, "the term structure's long end"));
    b.add(path(r, "volOfVolWeight", re + "volOfVolWeight", "per unit vol-of-vol", 0, 100, "makers' widening with vol-of-vol"));
    b.add(path(r, "ivHalfSpreadAtOneDay", re + "ivHalfSpreadAtOneDay", "vol", 0, 5, "the screen's IV half-spread at one day"));
    b.add(path(r, "tickEth", re + "tickEth", "ETH", 0, 1, "the makers' smallest half-spread"));
    b.add(path(r, "capacityCut", re + "capacityCut", "per unit jump", 0, 100, "makers' capacity cut when realised vol jumps"));
    b.add(path(r, "makerVolErrorSd", re + "makerVolErrorSd", "fraction", 0, 0.5, "each maker's error on the surface"));
    b.add(path(r, "flowVolElasticity", re + "flowVolElasticity", "power", 0, 10, "natural flow's rise with vol"));
    b.add(path(r, "flowImbalancePerVol", re + "flowImbalancePerVol", "share per unit", 0, 10, "one-sided flow when vol is high"));
    b.add(path(r, "ammDepthVolExponent", re + "ammDepthVolExponent", "power", 0, 10, "pool depth's fall with vol"));
    b.add(path(r, "ammFeeVolExponent", re + "ammFeeVolExponent", "power", 0, 10, "the dynamic fee's rise with vol (0: off)"));
    String op = "options";
    b.add(path(op, "makerVol", "options.makerVol", "per year", 0.05, 5, "the volatility makers and marks value P and N with"));
    b.add(path(op, "targetUsd", "options.targetUsd", "USD", 1, 1e12, "the P a wrapper holds at the start"));
    b.add(path(op, "nHolderUsd", "options.nHolderUsd", "USD", 1, 1e12, "what the N holder starts with"));
    b.add(path(op, "makerOutageProbability", "options.makerOutageProbability", "probability", 0, 1, "no maker watches a roll"));
    b.add(path(op, "disputeProbability", "options.disputeProbability", "probability", 0, 1, "a settlement's proposal is disputed"));
    b.add(path(op, "liveness", "options.liveness", "hours", 0.01, 720, "the optimistic oracle's liveness"));
    b.add(path(op, "voteDuration", "options.voteDuration", "hours", 0, 720, "how long the vote behind a dispute takes"));
    group(groups, b, "makerInventory",
        path(op, "makerUnwindHorizon", "options.inventory.horizon", "hours", 0, 8_760,
            "how long a maker carries a lot from a roll before unwinding it at fair value"),
        path(op, "makerHedgeShare", "options.inventory.hedgeShare", "share", 0, 1,
            "share of a lot's spot delta the maker hedges with ETH at the fill"));
    b.add(path(op, "ruinLoss", "options.ruinLoss", "fraction", 0.01, 1, "the N holder's loss that counts as ruin"));
    group(groups, b, "agentSources",
        new Binding(op, "agentSources", "sources", 1, 100, true, "the local agent's private sources",
            p -> p.options().agentSources().size(),
            (p, v) -> with(p, "options", with(p.options(), "agentSources", OptionsAssumptions.sources(v.intValue())))),
        path(op, "agentK", "options.agentK", "sources", 1, 100, "sources each reading asks"));
    String g = "oracle";
    String sg = "options.settlement.";
    b.add(path(g, "settlementAttacker", sg + "attacker", "0 honest, 1 capture, 2 delay", 0, 2,
        "which attacker plays the settlement game (SettlementGame.Attacker, in declaration order)"));
    b.add(path(g, "voteStakeUma", sg + "voteStakeUma", "UMA", 5e6 + 1, 1e12, "the honest stake in the vote"));
    b.add(path(g, "voteTurnout", sg + "voteTurnout", "share", 1e-6, 1, "share of the honest stake revealed in a round"));
    b.add(path(g, "umaPriceUsd", sg + "umaPriceUsd", "USD", 1e-6, 1e6, "the voting token's price"));
    b.add(path(g, "bribeCostShare", sg + "bribeCostShare", "share of price", 1e-6, 1, "what a voting token costs the attacker"));
    b.add(path(g, "seriesOpenInterestUsd", sg + "seriesOpenInterestUsd", "USD", 1, 1e15, "P outstanding in a series at issue"));
    b.add(path(g, "captureDistortion", sg + "captureDistortion", "share", 1e-6, 0.99, "share of P's payout a captured answer moves"));
    b.add(path(g, "settlementTimeout", sg + "settlementTimeout", "days", 0.01, 3650,
        "how long the ledger waits for a final answer before the invalid policy applies"));
    String s = "scenarios";
    // The fitted constants a path's implied-vol level is read with (ImpliedVol; refit by CalibrationRefitDataTest).
    String iv = "options.impliedVol.";
    b.add(path(s, "ivOverForwardRv", iv + "ivOverForwardRv", "ratio", 0.2, 5,
        "variance risk premium: a model path's implied level over its own 30-day vol forecast"));
    group(groups, b, "rvMap",
        path(s, "rvMapIntercept", iv + "rvMapIntercept", "ln vol", -3, 3, "intercept of ln iv on ln rv30 (mapped paths)"),
        path(s, "rvMapSlope", iv + "rvMapSlope", "per unit ln rv30", 0, 3, "slope of ln iv on ln rv30 (mapped paths)"));
    b.add(path(s, "longRunAtm", iv + "longRunAtm", "per year", 0.05, 5, "a mapped path's level before 30 days of returns"));
    b.add(path(s, "historyAtm", iv + "historyDvol", "0 mapping, 1 DVOL", 0, 1,
        "whether history reads Deribit's DVOL where it has the day"));
    b.add(path(s, "garchVolatility", "models.garchVolatility", "per year", 0.05, 5,
        "long-run volatility of the fitted GARCH (default, garch-t); persistence and tails as fitted"));
    b.add(path(s, "gbmVolatility", "models.gbmVolatility", "per year", 0.01, 5, "volatility of gbm"));
    b.add(path(s, "mertonVolatility", "models.mertonVolatility", "per year", 0.01, 5, "diffusion volatility of merton"));
    b.add(path(s, "mertonJumpsPerYear", "models.mertonJumpsPerYear", "jumps/yr", 0, 365, "merton's expected jumps a year"));
    b.add(path(s, "mertonJumpMean", "models.mertonJumpMean", "log", -1, 1, "merton's mean log jump"));
    b.add(path(s, "mertonJumpStd", "models.mertonJumpStd", "log", 0, 1, "sd of merton's log jump"));
    Map<String, Binding> byName = new LinkedHashMap<>();
    for (Binding x : b) {
      if (byName.put(x.name(), x) != null) {
        throw new IllegalStateException("assumption " + x.name() + " is bound twice");
      }
    }
    ALL = List.copyOf(b);
    BY_NAME = java.util.Collections.unmodifiableMap(byName);
    GROUPS = java.util.Collections.unmodifiableMap(groups);
  }

  /** Every binding, in table order. */
  public static List<Binding> all() {
    return ALL;
  }

  /** Every bound name, in table order. */
  public static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }

  /** The binding of {@code name}; an unknown name is refused, naming {@code field} and listing the valid names. */
  public static Binding binding(String field, String name) {
    Binding b = name == null ? null : BY_NAME.get(name);
    if (b == null) {
      throw new RuleViolation(field, "unknown assumption '" + name + "' (known: " + String.join(", ", BY_NAME.keySet()) + ")");
    }
    return b;
  }

  /** Whether {@code name} is bound. */
  public static boolean isBound(String name) {
    return BY_NAME.containsKey(name);
  }

  /**
   * The parameters with {@code overrides} applied to the defaults, in order. An unknown name, a
   * value out of range, or a combination a parameter record refuses (say {@code bookDebtUsd} below
   * {@code positions x minDebtUsd}) is refused naming {@code field.NAME} and the rule; nothing is applied.
   */
  public static StudyParameters apply(String field, Map<String, Double> overrides) {
    StudyParameters p = StudyParameters.DEFAULTS;
    if (overrides == null) {
      return p;
    }
    for (Map.Entry<String, Double> e : overrides.entrySet()) {
      String f = field + "." + e.getKey();
      Binding b = binding(f, e.getKey());
      if (e.getValue() == null) {
        throw new RuleViolation(f, "needs a number");
      }
      b.check(f, e.getValue());
      try {
        p = b.set().apply(p, e.getValue());
      } catch (RuleViolation v) {
        throw new RuleViolation(f, "refused with the other values: " + v.getMessage());
      }
    }
    return p;
  }

  /**
   * One row of the report's assumptions table: a bound assumption with its value, its default
   * beside it and whether it was overridden, or a stated rule ({@link #RULES}) with its text.
   */
  public record Row(String area, String name, String value, String defaultValue, boolean overridden, String unit,
      String range, String source) {}

  /**
   * The assumptions table of a study run with {@code overrides}: every row of
   * {@link DesignCatalog#assumptions()} in order, a group row ({@link #GROUPS}) as one row per
   * member. A row whose name is neither bound, a group nor a rule is printed with range
   * "unbound" ({@code AssumptionsTest} fails on it, so every new assumption gets its binding).
   */
  public static List<Row> table(Map<String, Double> overrides) {
    Map<String, Double> given = overrides == null ? Map.of() : overrides;
    StudyParameters p = apply("assumptions", given);
    List<Row> rows = new ArrayList<>();
    Set<String> printed = new java.util.HashSet<>();
    for (DesignCatalog.Assumption a : DesignCatalog.assumptions()) {
      List<String> members = GROUPS.get(a.name());
      if (members == null && BY_NAME.containsKey(a.name())) {
        members = List.of(a.name());
      }
      if (members != null) {
        for (String name : members) {
          if (printed.add(name)) {
            Binding b = BY_NAME.get(name);
            rows.add(new Row(a.area(), name, format(b.get().applyAsDouble(p)), format(b.defaultValue()), given.containsKey(name),
                b.unit(), b.range(), b.about() + "; " + a.source()));
          }
        }
      } else {
        rows.add(new Row(a.area(), a.name(), a.value(), "", false, "", RULES.contains(a.name()) ? "rule, not a parameter" : "unbound",
            a.source()));
      }
    }
    return rows;
  }

  /** A number as the table and the sweep print it: whole numbers without a decimal point, others in full. */
  public static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  private static void group(Map<String, List<String>> groups, List<Binding> out, String row, Binding... members) {
    groups.put(row, java.util.Arrays.stream(members).map(Binding::name).toList());
    out.addAll(List.of(members));
  }

  /** A binding to the record component at {@code path} (dot-separated, from {@link StudyParameters}), in {@code unit}. */
  private static Binding path(String area, String name, String path, String unit, double min, double max, String about) {
    String[] steps = path.split("\\.");
    Class<?> leaf = componentType(steps);
    boolean whole = leaf == int.class || leaf == long.class || leaf == boolean.class || leaf.isEnum();
    return new Binding(area, name, unit, min, max, whole, about,
        p -> toUnit(read(p, steps, 0), unit),
        (p, v) -> (StudyParameters) write(p, steps, 0, v, unit));
  }

  private static Class<?> componentType(String[] steps) {
    Class<?> type = StudyParameters.class;
    for (String step : steps) {
      type = component(type, step).getType();
    }
    return type;
  }

  private static RecordComponent component(Class<?> type, String name) {
    if (!type.isRecord()) {
      throw new IllegalStateException(type + " is not a record");
    }
    for (RecordComponent c : type.getRecordComponents()) {
      if (c.getName().equals(name)) {
        return c;
      }
    }
    throw new IllegalStateException(type.getSimpleName() + " has no component " + name);
  }

  private static Object read(Object record, String[] steps, int i) {
    try {
      Object v = component(record.getClass(), steps[i]).getAccessor().invoke(record);
      return i == steps.length - 1 ? v : read(v, steps, i + 1);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + String.join(".", steps), e);
    }
  }

  private static Object write(Object record, String[] steps, int i, double value, String unit) {
    Object current = read(record, new String[] {steps[i]}, 0);
    Object next = i == steps.length - 1 ? fromUnit(current.getClass(), component(record.getClass(), steps[i]).getType(), value, unit)
        : write(current, steps, i + 1, value, unit);
    return with(record, steps[i], next);
  }

  /** {@code record} with component {@code name} replaced by {@code value}, through the canonical constructor. */
  private static <R> R with(R record, String name, Object value) {
    RecordComponent[] cs = record.getClass().getRecordComponents();
    Object[] args = new Object[cs.length];
    Class<?>[] types = new Class<?>[cs.length];
    try {
      for (int k = 0; k < cs.length; k++) {
        types[k] = cs[k].getType();
        args[k] = cs[k].getName().equals(name) ? value : cs[k].getAccessor().invoke(record);
      }
      Constructor<?> ctor = record.getClass().getDeclaredConstructor(types);
      @SuppressWarnings("unchecked")
      R out = (R) ctor.newInstance(args);
      return out;
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot rebuild " + record.getClass().getSimpleName(), e);
    }
  }

  private static double toUnit(Object v, String unit) {
    return switch (v) {
      case Duration d -> d.toNanos() / 1e9 / seconds(unit);
      case Boolean flag -> flag ? 1 : 0;
      case Enum<?> e -> e.ordinal();
      case Number n -> n.doubleValue();
      default -> throw new IllegalStateException("not a number: " + v);
    };
  }

  private static Object fromUnit(Class<?> runtime, Class<?> declared, double v, String unit) {
    if (declared == Duration.class) {
      return Duration.ofNanos(Math.round(v * seconds(unit) * 1e9));
    }
    if (declared == boolean.class) {
      return v != 0;
    }
    if (declared.isEnum()) {
      return declared.getEnumConstants()[(int) v];
    }
    if (declared == int.class) {
      return (int) v;
    }
    if (declared == long.class) {
      return (long) v;
    }
    if (declared == double.class) {
      return v;
    }
    throw new IllegalStateException("cannot bind a " + declared + " (" + runtime + ")");
  }

  private static double seconds(String unit) {
    return switch (unit) {
      case "seconds" -> 1;
      case "minutes" -> 60;
      case "hours" -> 3600;
      case "days" -> 86_400;
      default -> throw new IllegalStateException("a duration needs a time unit, not " + unit);
    };
  }
}
