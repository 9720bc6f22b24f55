package noliq.market.impact;

import noliq.math.RuleViolation;

/** A published figure: selling {@code sizeUsd} of ETH at once cost {@code slippage} (0.04 = 4%) on average. */
public record CalibrationPoint(double sizeUsd, double slippage, String source) {
  public CalibrationPoint {
    if (!(sizeUsd > 0) || Double.isInfinite(sizeUsd)) {
      throw new RuleViolation("sizeUsd", "must be a positive finite number (was " + sizeUsd + ")");
    }
    if (!(slippage > 0 && slippage < 1)) {
      throw new RuleViolation("slippage", "must be between 0 and 1, exclusive (was " + slippage + ")");
    }
  }
}
