package noliq.lab.study;

import java.util.regex.Pattern;
import noliq.math.RuleViolation;

/**
 * One per-path figure a design reports. {@code name} is stable and namespaced by design
 * ({@code "aave.liquidated_usd"}); {@code unit} is for people ({@code "USD"}, {@code "%/yr"});
 * {@code headline} says how the report summarises it across paths. {@code mayBeAbsent}: the design
 * may write NaN on a path where the figure does not exist (no series matured: "no settlement", never
 * 0); every other metric must be written on every path.
 */
public record MetricSpec(String name, String unit, String description, Headline headline, boolean mayBeAbsent) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.:-]*");

  /** How a metric is summarised across paths in the report's headline figures. */
  public enum Headline {
    /** The mean, with a t interval. */
    MEAN,
    /** The 95th percentile (VaR95, LaR95 and their options analogues), with an order-statistic interval. */
    P95,
    /** The share of paths where the value is at least 1 (an indicator such as ruin), with a Wilson interval. */
    SHARE
  }

  /** A metric written on every path. */
  public MetricSpec(String name, String unit, String description, Headline headline) {
    this(name, unit, description, headline, false);
  }

  /** A metric a path may leave absent (NaN): the report shows it as missing, never as 0. */
  public static MetricSpec absentWhenNone(String name, String unit, String description, Headline headline) {
    return new MetricSpec(name, unit, description, headline, true);
  }

  public MetricSpec {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new RuleViolation("metric", "names are lower-case words joined by . _ : - (was '" + name + "')");
    }
    if (unit == null || description == null || headline == null) {
      throw new RuleViolation("metric", name + " needs a unit, a description and a headline");
    }
  }
}
