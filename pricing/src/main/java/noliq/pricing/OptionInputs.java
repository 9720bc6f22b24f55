package noliq.pricing;

import noliq.math.RuleViolation;

/**
 * What a P/N valuation needs. {@code days} to maturity (years = days / 365), {@code vol} per year
 * (0.7 = 70%), {@code rate} the index-unit interest rate and {@code ethYield} ETH's own yield
 * (staking), both continuously compounded per year. Invalid values are refused naming the field.
 */
public record OptionInputs(double spot, double strike, double days, double vol, double rate, double ethYield) {
  public static final double DAYS_PER_YEAR = 365.0;

  public OptionInputs {
    positive("spot", spot);
    positive("strike", strike);
    finite("days", days);
    if (days < 0) {
      throw new RuleViolation("days", "must not be negative (was " + days + ")");
    }
    finite("vol", vol);
    if (vol <= 0 && days > 0) {
      throw new RuleViolation("vol", "must be positive before maturity (was " + vol + ")");
    }
    if (vol < 0) {
      throw new RuleViolation("vol", "must not be negative (was " + vol + ")");
    }
    finite("rate", rate);
    finite("eth-yield", ethYield);
  }

  /** r = q = 0, the setting of the anchors' test vectors and of the benchmark kernel. */
  public static OptionInputs of(double spot, double strike, double days, double vol) {
    return new OptionInputs(spot, strike, days, vol, 0.0, 0.0);
  }

  public double years() {
    return days / DAYS_PER_YEAR;
  }

  public OptionInputs withSpot(double newSpot) {
    return new OptionInputs(newSpot, strike, days, vol, rate, ethYield);
  }

  public OptionInputs withVol(double newVol) {
    return new OptionInputs(spot, strike, days, newVol, rate, ethYield);
  }

  public OptionInputs withDays(double newDays) {
    return new OptionInputs(spot, strike, newDays, vol, rate, ethYield);
  }

  private static void finite(String field, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      throw new RuleViolation(field, "must be a finite number (was " + v + ")");
    }
  }

  private static void positive(String field, double v) {
    finite(field, v);
    if (v <= 0) {
      throw new RuleViolation(field, "must be positive (was " + v + ")");
    }
  }
}
