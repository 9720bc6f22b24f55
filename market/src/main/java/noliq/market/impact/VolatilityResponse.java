package noliq.market.impact;

import noliq.math.RuleViolation;

/**
 * Post-liquidation volatility as a constant elasticity of liquidated volume: 1% more liquidated
 * debt raises volatility by {@code elasticity}% (OECD 2023: 0.017% to 0.024%), read as a log-log
 * relation, {@code vol = base * (liquidated / baseline)^elasticity}.
 */
public record VolatilityResponse(double elasticity) {
  public VolatilityResponse {
    if (!(elasticity >= 0 && elasticity < 1)) {
      throw new RuleViolation("elasticity", "must be in [0, 1) (was " + elasticity + ")");
    }
  }

  /** The factor on volatility when {@code liquidatedUsd} was liquidated instead of {@code baselineUsd}. */
  public double multiplier(double liquidatedUsd, double baselineUsd) {
    if (!(baselineUsd > 0)) {
      throw new RuleViolation("baselineUsd", "must be positive (was " + baselineUsd + ")");
    }
    if (!(liquidatedUsd >= 0)) {
      throw new RuleViolation("liquidatedUsd", "must not be negative (was " + liquidatedUsd + ")");
    }
    return liquidatedUsd == 0 ? 0.0 : Math.pow(liquidatedUsd / baselineUsd, elasticity);
  }
}
