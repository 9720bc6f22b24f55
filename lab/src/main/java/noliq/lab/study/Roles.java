package noliq.lab.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import noliq.lab.metrics.Estimate;
import noliq.lab.metrics.Figures;
import noliq.lab.study.MetricSpec.Loss;
import noliq.lab.study.MetricSpec.Role;
import noliq.lab.study.options.NHolderDesign;

/**
 * Roles, not designs, on one scale: each design's loss for a role is the metric its
 * {@link MetricSpec} marks as that role's loss ({@link MetricSpec#loss()}), in % of the position's
 * starting USD value, per path. Because every design sees the same price path, two designs' losses
 * can be paired path by path.
 */
public final class Roles {
  /** A role's loss at or beyond this is ruin, on every design alike (% of the starting value). */
  public static final double RUIN_LOSS_PCT = 50;

  private Roles() {}

  /** A column of the answer: a family of designs, on one side of the trade-off. */
  public record Family(String id, String label, String side) {}

  /** The families of the answer, in order: the debt books, then the options designs. */
  public static final List<Family> FAMILIES = List.of(
      new Family("aave", "Aave v3.3", "debt"),
      new Family("maker", "Maker Liq 2.0", "debt"),
      new Family("liquity", "Liquity", "debt"),
      new Family("wrapper", "P-wrapper vault", "options"),
      new Family("agent", "local agent", "options"),
      new Family("n-holder", "N holder", "options"));

  /** The family of design {@code id}: its first dot-separated word. */
  public static String family(String id) {
    int dot = id.indexOf('.');
    return dot < 0 ? id : id.substring(0, dot);
  }

  /** The side (debt, options, oracle) of design {@code id}. */
  public static String side(String id) {
    String f = family(id);
    return FAMILIES.stream().filter(x -> x.id().equals(f)).map(Family::side).findFirst().orElse(f);
  }

  /** The roll policy of an options design ({@code wrapper.<policy>.<mechanism>}), else "". */
  public static String policy(String id) {
    String[] p = id.split("\\.");
    if (p.length == 3 && (p[0].equals("wrapper") || p[0].equals("agent") || p[0].equals("n-holder"))) {
      return p[1];
    }
    return id.equals("n-holder") ? NHolderDesign.DEFAULT_POLICY : "";
  }

  /** The roll mechanism of an options design, else "". */
  public static String mechanism(String id) {
    String[] p = id.split("\\.");
    if (p.length == 3 && (p[0].equals("wrapper") || p[0].equals("agent") || p[0].equals("n-holder"))) {
      return p[2];
    }
    return id.equals("n-holder") ? "auction" : "";
  }

  /**
   * The design that stands for a family in the answer: the one on the N holder's policy
   * ({@link NHolderDesign#DEFAULT_POLICY}) rolling by auction if the family has it, else its first.
   * Fixed before any number is seen, so the answer does not pick the best of many; every design's
   * figures are in the role's own section.
   */
  public static String representative(List<String> ids) {
    return ids.stream().filter(i -> i.endsWith("." + NHolderDesign.DEFAULT_POLICY + ".auction")).findFirst()
        .orElse(ids.isEmpty() ? null : ids.get(0));
  }

  /** One design's loss for one role on one scenario, per path (% of the starting value). */
  public record RoleLoss(String design, Role role, MetricSpec source, double[] perPath) {}

  /** Every design's loss for {@code role} on {@code sr}, in catalogue order. */
  public static List<RoleLoss> losses(StudyRunner.StudyResult result, StudyRunner.ScenarioResult sr, Role role) {
    List<RoleLoss> out = new ArrayList<>();
    for (DesignModel d : result.designs()) {
      for (MetricSpec m : d.metrics()) {
        if (m.role() == role && m.loss() != Loss.NONE) {
          double[] v = sr.summary().metric(m.name()).values();
          double[] loss = new double[v.length];
          for (int i = 0; i < v.length; i++) {
            loss[i] = m.loss().lossOf(v[i]);
          }
          out.add(new RoleLoss(d.id(), role, m, Figures.denoised(loss)));
          break;
        }
      }
    }
    return out;
  }

  /** The representative design of each family for {@code role}, by family id. */
  public static Map<String, RoleLoss> byFamily(List<RoleLoss> losses) {
    Map<String, List<String>> ids = new LinkedHashMap<>();
    for (RoleLoss l : losses) {
      ids.computeIfAbsent(family(l.design()), k -> new ArrayList<>()).add(l.design());
    }
    Map<String, RoleLoss> out = new LinkedHashMap<>();
    ids.forEach((f, list) -> {
      String rep = representative(list);
      losses.stream().filter(l -> l.design().equals(rep)).findFirst().ifPresent(l -> out.put(f, l));
    });
    return out;
  }

  /**
   * A role's loss summarised: mean (bootstrap or t by its shape), p95, p99 (order statistics),
   * CVaR95 (the mean of the worst 5%, bootstrap) and the probability of ruin (Wilson).
   */
  public record Summary(Estimate mean, Estimate p95, Estimate p99, Estimate cvar95, Estimate ruin) {}

  public static Summary summarise(double[] loss) {
    return new Summary(Figures.mean(loss, false), Figures.quantile(loss, 0.95), Figures.quantile(loss, 0.99),
        Figures.expectedShortfall(loss, 0.95), Figures.shareAtLeast(loss, RUIN_LOSS_PCT));
  }

  /**
   * Two designs' losses for one role, paired path by path: the mean of (options loss − debt loss)
   * with its interval, and the shares of paths on which each side loses less (Wilson), ties apart.
   */
  public record Paired(String options, String debt, Role role, Estimate meanDifference, Estimate optionsBetter,
      Estimate debtBetter, Estimate ties) {}

  public static Paired pair(RoleLoss options, RoleLoss debt) {
    double[] a = options.perPath();
    double[] b = debt.perPath();
    if (a.length != b.length) {
      throw new IllegalArgumentException("paired designs must have run on the same paths (" + a.length + " and " + b.length + ")");
    }
    // only the paths on which both designs have the figure (an absent value is NaN)
    double[] d = java.util.stream.IntStream.range(0, a.length).filter(i -> !Double.isNaN(a[i]) && !Double.isNaN(b[i]))
        .mapToDouble(i -> Figures.clean(a[i] - b[i], Math.max(Math.abs(a[i]), Math.abs(b[i])))).toArray();
    if (d.length == 0) {
      Estimate none = new Estimate(Double.NaN, 0, Double.NaN, Double.NaN);
      return new Paired(options.design(), debt.design(), options.role(), none, none, none, none);
    }
    return new Paired(options.design(), debt.design(), options.role(), Figures.mean(d, false),
        Figures.shareBelow(d, 0), Figures.shareBelow(negate(d), 0), noliq.lab.metrics.Estimates.proportion(
            java.util.Arrays.stream(d).filter(x -> x == 0).count(), d.length));
  }

  private static double[] negate(double[] d) {
    double[] out = new double[d.length];
    for (int i = 0; i < d.length; i++) {
      out[i] = -d[i];
    }
    return out;
  }
}
