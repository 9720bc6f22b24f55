package noliq.lab.study;

import java.util.regex.Pattern;
import noliq.math.RuleViolation;

/**
 * One per-path figure a design reports. {@code name} is stable and namespaced by design
 * ({@code "aave.liquidated_usd"}); {@code unit} is for people ({@code "USD"}, {@code "%/yr"});
 * {@code headline} says how the report summarises it across paths.
 *
 * <p>The rest is metadata the report reads instead of name lists, so a new metric plugs into the
 * answer by saying what it is: {@code role} (whose figure it is), {@code support} (which values it
 * can take: an interval on a {@link Support#NON_NEGATIVE} figure never goes below 0) and
 * {@code loss} (whether, and with which sign, it is the role's loss as a % of the position's
 * starting USD value: the one scale every role is compared on). {@code mayBeAbsent}: the design
 * may write NaN on a path where the figure does not exist (no series matured: "no settlement", never
 * 0); every other metric must be written on every path.
 */
public record MetricSpec(String name, String unit, String description, Headline headline, boolean mayBeAbsent, Role role,
    Support support, Loss loss) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.:-]*");

  /** How a metric is summarised across paths in the report's headline figures. */
  public enum Headline {
    /** The mean, with a t interval (a bootstrap interval when the sample is skewed). */
    MEAN,
    /** The 95th percentile (VaR95, LaR95 and their options analogues), with an order-statistic interval. */
    P95,
    /** The share of paths where the value is at least 1 (an indicator such as ruin), with a Wilson interval. */
    SHARE
  }

  /** Whose figure it is, in the study's table of roles (DESIGN.md). */
  public enum Role {
    /** Wants stable value: the stablecoin holder of a debt design, the P-wrapper holder. */
    STABLE_HOLDER("stable-value holder"),
    /** Wants leveraged ETH: the borrower, the N holder. */
    LEVERAGED_HOLDER("leveraged holder"),
    /** Provides liquidity: liquidators and keepers, stability-pool depositors, market makers, LPs, arbitrageurs. */
    LIQUIDITY_PROVIDER("liquidity provider"),
    /** The system: forced sales, cascades, bad debt; rolls, unfilled rolls, settlement disputes. */
    SYSTEM("system"),
    /** The oracle: what manipulating the fast feed extracts, what corrupting the slow settlement costs. */
    ORACLE("oracle"),
    /** A design's own detail (counts, decompositions, inputs of other figures). */
    DETAIL("detail");

    private final String label;

    Role(String label) {
      this.label = label;
    }

    /** The role's name for people. */
    public String label() {
      return label;
    }
  }

  /** Which values a metric can take. */
  public enum Support {
    /** Any real number. */
    SIGNED,
    /** Zero or more: USD volumes, counts, shortfalls, losses to bad debt. */
    NON_NEGATIVE,
    /** 0 or 1 per path. */
    INDICATOR
  }

  /** Whether the metric is its role's loss as a % of the position's starting USD value. */
  public enum Loss {
    /** It is not. */
    NONE,
    /** It is the loss itself (positive: a loss). */
    LOSS,
    /** It is a P&amp;L or a deviation: its negative is the loss. */
    GAIN;

    /** The loss a value of this metric means (NaN for {@link #NONE}). */
    public double lossOf(double value) {
      return switch (this) {
        case NONE -> Double.NaN;
        case LOSS -> value;
        case GAIN -> -value;
      };
    }
  }

  public MetricSpec {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new RuleViolation("metric", "names are lower-case words joined by . _ : - (was '" + name + "')");
    }
    if (unit == null || description == null || headline == null || role == null || support == null || loss == null) {
      throw new RuleViolation("metric", name + " needs a unit, a description, a headline, a role, a support and a loss kind");
    }
    if (headline == Headline.SHARE && support != Support.INDICATOR) {
      throw new RuleViolation("metric", name + ": a share of paths is a headline of indicators only");
    }
    if (loss != Loss.NONE && (role == Role.DETAIL || !unit.equals("%"))) {
      throw new RuleViolation("metric", name + ": a role's loss is in % of the position's starting value and names its role");
    }
  }

  /** A design's own detail, written on every path: role {@link Role#DETAIL}, indicators for shares, otherwise signed, not a loss. */
  public MetricSpec(String name, String unit, String description, Headline headline) {
    this(name, unit, description, headline, false);
  }

  /** A design's own detail that may be absent ({@code mayBeAbsent}) on a path. */
  public MetricSpec(String name, String unit, String description, Headline headline, boolean mayBeAbsent) {
    this(name, unit, description, headline, mayBeAbsent, Role.DETAIL, headline == Headline.SHARE ? Support.INDICATOR : Support.SIGNED, Loss.NONE);
  }

  /** A metric a path may leave absent (NaN): the report shows it as missing, never as 0. */
  public static MetricSpec absentWhenNone(String name, String unit, String description, Headline headline) {
    return new MetricSpec(name, unit, description, headline, true);
  }

  /** This figure with role {@code r}. */
  public MetricSpec as(Role r) {
    return new MetricSpec(name, unit, description, headline, mayBeAbsent, r, support, loss);
  }

  /** This figure with support {@code s}. */
  public MetricSpec within(Support s) {
    return new MetricSpec(name, unit, description, headline, mayBeAbsent, role, s, loss);
  }

  /** This figure marked as its role's loss ({@link Loss#LOSS}) or P&amp;L ({@link Loss#GAIN}) in % of the starting value. */
  public MetricSpec lossOf(Role r, Loss kind) {
    return new MetricSpec(name, unit, description, headline, mayBeAbsent, r, support, kind);
  }

  /** The design's id: the name up to its last dot-separated word. */
  public String design() {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(0, dot);
  }

  /** The metric's own word, after the design's id. */
  public String shortName() {
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
