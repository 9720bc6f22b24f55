package noliq.market.roll;

import noliq.math.RuleViolation;

/**
 * The roll to price: sell P worth {@code sizeUsd} (at Black–Scholes) of the series
 * ({@code fromStrike}, {@code fromDays}) and buy P of ({@code toStrike}, {@code toDays}), with ETH at
 * {@code spot} index units and volatility {@code vol}. Field names are the CLI's options.
 */
public record RollRequest(double sizeUsd, double spot, double fromStrike, double fromDays, double toStrike,
    double toDays, double vol) {
  public RollRequest {
    positive("size-usd", sizeUsd);
    positive("spot", spot);
    positive("from-strike", fromStrike);
    positive("days", fromDays);
    positive("to-strike", toStrike);
    positive("to-days", toDays);
    positive("vol", vol);
    if (fromStrike == toStrike && fromDays == toDays) {
      throw new RuleViolation("to-strike", "must differ from the from-strike, or the days from to-days: "
          + "otherwise both are the same series and there is nothing to roll");
    }
    if (sizeUsd > 1e12) {
      throw new RuleViolation("size-usd", "must be at most 1e12 (was " + sizeUsd + ")");
    }
  }

  private static void positive(String field, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      throw new RuleViolation(field, "must be a finite number (was " + v + ")");
    }
    if (v <= 0) {
      throw new RuleViolation(field, "must be positive (was " + v + ")");
    }
  }

  public RollRequest withSize(double newSizeUsd) {
    return new RollRequest(newSizeUsd, spot, fromStrike, fromDays, toStrike, toDays, vol);
  }
}
