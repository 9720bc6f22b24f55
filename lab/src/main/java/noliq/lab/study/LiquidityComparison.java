package noliq.lab.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import noliq.lab.report.Human;
import noliq.lab.study.MetricSpec.Role;

/**
 * Which side's liquidity providers are paid more per unit of risk, and where they lose: the
 * liquidity row of the answer turned into words, scenario by scenario.
 *
 * <p>Each family's figure is its representative design's P&amp;L in % of the capital its liquidity
 * providers commit ({@link Roles}). Paid per unit of risk is the mean gain over CVaR95 (the mean
 * loss of the worst 5% of paths): a tail measure, because the crash windows are where the liquidity
 * side is tested. A family whose worst 5% of paths still gain on average is paid with no tail risk on
 * this scale and ranks above any finite ratio; one whose figure is 0 on every path committed nothing.
 * A side's figure on a scenario is its best family's (each side's best, stated as such). Where a
 * side loses is the scenario with its largest CVaR95.
 */
public final class LiquidityComparison {
  private LiquidityComparison() {}

  /** One family's liquidity providers on one scenario. */
  public record Row(String scenario, boolean crash, String family, String label, String side, Roles.Summary summary) {
    /** Mean P&amp;L, % of committed capital (the summary holds the loss). */
    public double gain() {
      return -summary.mean().value();
    }

    /** CVaR95 of the loss, %. */
    public double risk() {
      return summary.cvar95().value();
    }

    /** Whether nothing was at stake: the figure is 0 on every path. */
    public boolean idle() {
      return summary.mean().value() == 0 && summary.cvar95().value() == 0 && summary.p95().value() == 0;
    }

    /**
     * Mean gain per unit of CVaR95; +∞ when the worst 5% still gain on average and the mean is a
     * gain; NaN when nothing was at stake.
     */
    public double perRisk() {
      if (idle()) {
        return Double.NaN;
      }
      double risk = risk();
      if (risk > 0) {
        return gain() / risk;
      }
      return gain() > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    }
  }

  /** Every family's row on every scenario, from the study's results. */
  static List<Row> rows(StudyRunner.StudyResult result,
      BiFunction<StudyRunner.ScenarioResult, Roles.RoleLoss, Roles.Summary> summarise) {
    List<Row> out = new ArrayList<>();
    for (StudyRunner.ScenarioResult sr : result.scenarios()) {
      boolean crash = isCrash(sr.scenario().kind());
      for (Map.Entry<String, Roles.RoleLoss> e : Roles.byFamily(Roles.losses(result, sr, Role.LIQUIDITY_PROVIDER)).entrySet()) {
        out.add(new Row(sr.scenario().name(), crash, e.getKey(), label(e.getKey()), Roles.side(e.getKey()),
            summarise.apply(sr, e.getValue())));
      }
    }
    return out;
  }

  static boolean isCrash(StudyScenario.Kind kind) {
    return kind == StudyScenario.Kind.CRASH_BRIDGES || kind == StudyScenario.Kind.CRASH_AS_IT_HAPPENED
        || kind == StudyScenario.Kind.HISTORY_CRASHES;
  }

  /** Per scenario, each side's best-paid family and which side is paid more per unit of risk. */
  public record Verdict(String scenario, boolean crash, Row debt, Row options, String paidMore) {}

  public static List<Verdict> verdicts(List<Row> rows) {
    Map<String, List<Row>> byScenario = new LinkedHashMap<>();
    rows.forEach(r -> byScenario.computeIfAbsent(r.scenario(), k -> new ArrayList<>()).add(r));
    List<Verdict> out = new ArrayList<>();
    byScenario.forEach((sc, list) -> {
      Row debt = best(list, "debt");
      Row options = best(list, "options");
      String more = "";
      if (debt != null && options != null) {
        int c = compare(options, debt);
        more = c > 0 ? "options" : c < 0 ? "debt" : "";
      }
      out.add(new Verdict(sc, list.get(0).crash(), debt, options, more));
    });
    return out;
  }

  /** The family of {@code side} paid most per unit of risk (rows with nothing at stake only if no other). */
  static Row best(List<Row> rows, String side) {
    Row best = null;
    for (Row r : rows) {
      if (r.side().equals(side) && (best == null || compare(r, best) > 0)) {
        best = r;
      }
    }
    return best;
  }

  /** Orders by paid per unit of risk: a NaN ratio (nothing at stake) is below every number, ties by mean gain. */
  static int compare(Row a, Row b) {
    double x = a.perRisk();
    double y = b.perRisk();
    if (Double.isNaN(x) || Double.isNaN(y)) {
      return Double.isNaN(x) == Double.isNaN(y) ? 0 : Double.isNaN(x) ? -1 : 1;
    }
    int c = Double.compare(x, y);
    return c != 0 ? c : Double.compare(a.gain(), b.gain());
  }

  /**
   * The sentence: each side's figures on {@code primary}, which side is paid more per unit of risk
   * there and on how many scenarios, and where each side loses most (its worst CVaR95, named as a
   * crash window when it is one). Empty when no family reports the role.
   */
  public static Optional<String> sentence(List<Row> rows, String primary) {
    List<Row> first = rows.stream().filter(r -> r.scenario().equals(primary)).toList();
    if (first.isEmpty()) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    for (Row r : first) {
      parts.add(describe(r, rows));
    }
    StringBuilder t = new StringBuilder("Liquidity providers, in % of the capital they commit, on ").append(primary).append(": ")
        .append(String.join("; ", parts)).append(".");
    List<Verdict> verdicts = verdicts(rows);
    Verdict here = verdicts.stream().filter(v -> v.scenario().equals(primary)).findFirst().orElseThrow();
    Row top = best(first, "debt") == null ? best(first, "options") : best(first, "options") == null ? best(first, "debt")
        : compare(best(first, "options"), best(first, "debt")) >= 0 ? best(first, "options") : best(first, "debt");
    if (top != null && !Double.isNaN(top.perRisk())) {
      t.append(" Paid most per unit of risk: ").append(top.label()).append(" (").append(top.side()).append(").");
    }
    List<Verdict> compared = verdicts.stream().filter(v -> !v.paidMore().isEmpty()).toList();
    if (!compared.isEmpty()) {
      List<String> optionsWins = compared.stream().filter(v -> v.paidMore().equals("options")).map(Verdict::scenario).toList();
      List<String> debtWins = compared.stream().filter(v -> v.paidMore().equals("debt")).map(Verdict::scenario).toList();
      t.append(" Per unit of risk (mean gain / CVaR95, each side's best family), the ")
          .append(here.paidMore().isEmpty() ? "two sides tie" : here.paidMore() + " side's are paid more").append(" on ").append(primary)
          .append("; over ").append(compared.size()).append(compared.size() == 1 ? " scenario" : " scenarios").append(", the options side's on ")
          .append(count(optionsWins)).append(" and the debt side's on ").append(count(debtWins));
      long crashes = compared.stream().filter(Verdict::crash).count();
      if (crashes > 0) {
        long optionsCrashWins = compared.stream().filter(v -> v.crash() && v.paidMore().equals("options")).count();
        t.append(" (the options side's on ").append(optionsCrashWins).append(" of the ").append(crashes).append(" crash windows)");
      }
      t.append(".");
    }
    List<String> where = new ArrayList<>();
    for (String side : List.of("debt", "options")) {
      Row worst = null;
      for (Row r : rows) {
        if (r.side().equals(side) && (worst == null || r.risk() > worst.risk())) {
          worst = r;
        }
      }
      if (worst != null && worst.risk() > 0) {
        where.add("the " + side + " side's on " + worst.scenario() + (worst.crash() ? " (a crash window)" : "") + ", " + worst.label()
            + " with a CVaR95 of " + Human.of(worst.risk(), "%") + " and a mean " + (worst.gain() >= 0 ? "gain of " + Human.of(worst.gain(), "%")
            : "loss of " + Human.of(-worst.gain(), "%")));
      } else if (worst != null) {
        where.add("the " + side + " side's nowhere: even their worst 5% of paths gain on every scenario");
      }
    }
    if (!where.isEmpty()) {
      t.append(" They lose most: ").append(String.join("; ", where)).append(".");
    }
    return Optional.of(t.toString());
  }

  private static String describe(Row r, List<Row> rows) {
    if (r.idle()) {
      return r.label() + " (" + r.side() + ") commits nothing on every path";
    }
    double gain = r.gain();
    double p95 = r.summary().p95().value();
    String tail = p95 > 0 ? " against a p95 loss of " + Human.of(p95, "%") + " (CVaR95 " + Human.of(r.risk(), "%") + ")"
        : ", and gains at least " + Human.of(-p95, "%") + " on 95% of paths";
    double ratio = r.perRisk();
    String perRisk = Double.isInfinite(ratio) ? ", with no loss on its worst 5% of paths"
        : Double.isFinite(ratio) ? ", " + Human.plain(ratio) + " per unit of risk" : "";
    // where this family loses: its scenario with the largest mean loss (or, if it gains everywhere, the smallest gain)
    Row weakest = r;
    for (Row o : rows) {
      if (o.family().equals(r.family()) && o.gain() < weakest.gain()) {
        weakest = o;
      }
    }
    // a mean within rounding of 0 is no loss
    String where = weakest.gain() < -1e-9 ? ", and loses most on " + weakest.scenario() + (weakest.crash() ? ", a crash window," : "")
        + " (mean loss " + Human.of(-weakest.gain(), "%") + ")"
        : ", and gains least on " + weakest.scenario() + " (mean gain " + Human.of(weakest.gain(), "%") + ")";
    return r.label() + " (" + r.side() + ") " + (gain >= 0 ? "earns " + Human.of(gain, "%") : "loses " + Human.of(-gain, "%"))
        + " a path on average" + tail + perRisk + ruin(r) + where;
  }

  private static String ruin(Row r) {
    double ruin = r.summary().ruin().value();
    return ruin > 0 ? ", ruined (losing ≥ " + Human.plain(Roles.RUIN_LOSS_PCT) + "%) on " + Human.of(ruin, "share") + " of paths" : "";
  }

  private static String count(List<String> scenarios) {
    if (scenarios.isEmpty()) {
      return "none";
    }
    String names = String.join(", ", scenarios.subList(0, Math.min(3, scenarios.size())));
    return scenarios.size() + " (" + names + (scenarios.size() > 3 ? ", …" : "") + ")";
  }

  private static String label(String family) {
    return Roles.FAMILIES.stream().filter(f -> f.id().equals(family)).map(Roles.Family::label).findFirst().orElse(family);
  }
}
