package noliq.market.impact;

import noliq.math.RuleViolation;

/**
 * How much selling moves the ETH price. Sizes are USD notional at the undisturbed price. A curve
 * gives the marginal price deviation {@link #impact(double)} after a cumulative sale {@code v}, and
 * the total shortfall {@link #shortfall(double)} of selling {@code q} at once (the integral of the
 * impact), so {@code slippage(q) = shortfall(q) / q} is the average execution cost. Splitting a
 * sale at one moment costs the same as selling it whole.
 */
public sealed interface ImpactCurve {
  /** The curve shapes on offer. */
  enum Shape { SQUARE_ROOT, CONSTANT_PRODUCT }

  /** The price's relative deviation below the undisturbed price after selling {@code v} (0 <= impact < 1). */
  double impact(double v);

  /** The cumulative sale that leaves the price {@code impact} below the undisturbed price. */
  double volumeAt(double impact);

  /** Total USD shortfall of selling {@code q} into an undisturbed market. */
  double shortfall(double q);

  /** The average execution cost of selling {@code q} at once, as a fraction. */
  default double slippage(double q) {
    return q <= 0 ? 0.0 : shortfall(q) / q;
  }

  /**
   * The square-root law (Almgren et al.; Bouchaud): average cost {@code c * sqrt(q)}; the price
   * after the sale sits {@code 1.5 c sqrt(q)} lower (the derivative of the total cost
   * {@code c q^1.5}), capped below 100%.
   */
  record SquareRoot(double coefficient) implements ImpactCurve {
    public SquareRoot {
      if (!(coefficient > 0) || Double.isInfinite(coefficient)) {
        throw new RuleViolation("coefficient", "must be a positive finite number (was " + coefficient + ")");
      }
    }

    @Override
    public double impact(double v) {
      return Math.min(1.5 * coefficient * Math.sqrt(Math.max(v, 0)), MAX_IMPACT);
    }

    @Override
    public double volumeAt(double impact) {
      double x = Math.min(Math.max(impact, 0), MAX_IMPACT) / (1.5 * coefficient);
      return x * x;
    }

    @Override
    public double shortfall(double q) {
      return q <= 0 ? 0.0 : Math.min(coefficient * Math.sqrt(q), MAX_IMPACT) * q;
    }
  }

  /**
   * Selling into a constant-product pool holding {@code depthUsd} of USD (and as much ETH) at the
   * undisturbed price: average cost {@code q / (D + q)}; the price after is {@code (D / (D + q))^2}
   * of the undisturbed.
   */
  record ConstantProduct(double depthUsd) implements ImpactCurve {
    public ConstantProduct {
      if (!(depthUsd > 0) || Double.isInfinite(depthUsd)) {
        throw new RuleViolation("depthUsd", "must be a positive finite number (was " + depthUsd + ")");
      }
    }

    @Override
    public double impact(double v) {
      double r = depthUsd / (depthUsd + Math.max(v, 0));
      return 1 - r * r;
    }

    @Override
    public double volumeAt(double impact) {
      double i = Math.min(Math.max(impact, 0), MAX_IMPACT);
      return depthUsd / Math.sqrt(1 - i) - depthUsd;
    }

    @Override
    public double shortfall(double q) {
      return q <= 0 ? 0.0 : q * q / (depthUsd + q);
    }
  }

  /** Impact stays below this: the price never reaches zero. */
  double MAX_IMPACT = 0.999;

  /** The curve of the given shape through a calibration point. */
  static ImpactCurve calibrated(Shape shape, CalibrationPoint point) {
    double q = point.sizeUsd();
    double s = point.slippage();
    return switch (shape) {
      case SQUARE_ROOT -> new SquareRoot(s / Math.sqrt(q));
      case CONSTANT_PRODUCT -> new ConstantProduct(q * (1 - s) / s);
    };
  }
}
