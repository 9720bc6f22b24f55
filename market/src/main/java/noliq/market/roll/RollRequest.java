package noliq.market.roll;

import noliq.math.RuleViolation;

/**
 * The roll to price: sell P worth {@code sizeUsd} (at Black–Scholes) of the series
 * ({@code fromStrike}, {@code fromDays}) and buy P of ({@code toStrike}, {@code toDays}), with ETH at
 * {@code spot} index units, in a market whose surface has the 30-day at-the-money level {@code vol} and
 * put skew {@code putSkew} (the rest of the smile from {@link MarketReaction}), whose level moves with
 * annualised vol-of-vol {@code volOfVol}, and whose short-term realised vol is {@code realisedVolJump}
 * times its 30-day level. Field names are the CLI's options.
 */
public record RollRequest(double sizeUsd, double spot, double fromStrike, double fromDays, double toStrike,
    double toDays, double vol, double putSkew, double volOfVol, double realisedVolJump) {

  /** A calm market with the calibrated skew. */
  public RollRequest(double sizeUsd, double spot, double fromStrike, double fromDays, double toStrike, double toDays,
      double vol) {
    this(sizeUsd, spot, fromStrike, fromDays, toStrike, toDays, vol, MarketReaction.DEFAULTS.putSkew(), 0, 1);
  }

  public RollRequest {
    positive("size-usd", sizeUsd);
    positive("spot", spot);
    positive("from-strike", fromStrike);
    positive("days", fromDays);
    positive("to-strike", toStrike);
    positive("to-days", toDays);
    positive("vol", vol);
    if (vol > 10) {
      throw new RuleViolation("vol", "must be at most 10 (1000%) (was " + vol + ")");
    }
    if (!(putSkew >= 0 && putSkew <= 5)) {
      throw new RuleViolation("skew", "must be in [0, 5] (was " + putSkew + ")");
    }
    if (!(volOfVol >= 0 && volOfVol <= 100)) {
      throw new RuleViolation("vol-of-vol", "must be in [0, 100] (was " + volOfVol + ")");
    }
    if (!(realisedVolJump > 0 && realisedVolJump <= 100)) {
      throw new RuleViolation("rv-jump", "must be in (0, 100] (was " + realisedVolJump + ")");
    }
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
    return new RollRequest(newSizeUsd, spot, fromStrike, fromDays, toStrike, toDays, vol, putSkew, volOfVol,
        realisedVolJump);
  }

  /** The same roll at 30-day level {@code newVol}. */
  public RollRequest withVol(double newVol) {
    return new RollRequest(sizeUsd, spot, fromStrike, fromDays, toStrike, toDays, newVol, putSkew, volOfVol,
        realisedVolJump);
  }
}
