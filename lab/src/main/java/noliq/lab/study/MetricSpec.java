package noliq.lab.study;

import java.util.regex.Pattern;
import noliq.math.RuleViolation;

/**
 * One per-path figure a design reports. {@code name} is stable and namespaced by design
 * ({@code "aave.liquidated_usd"}); {@code unit} is for people ({@code "USD"}, {@code "%/yr"});
 * {@code headline} says how the report summarises it across paths.
 */
public record MetricSpec(String name, String unit, String description, Headline headline) {
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

  public MetricSpec {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new RuleViolation("metric", "names are lower-case words joined by . _ : - (was '" + name + "')");
    }
    if (unit == null || description == null || headline == null) {
      throw new RuleViolation("metric", name + " needs a unit, a description and a headline");
    }
  }
}
