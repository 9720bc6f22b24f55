package noliq.pricing;

/**
 * Sensitivities of one leg's value in one numeraire. {@code delta} and {@code gamma} are per unit
 * of the index value x; {@code vega} is per 1.00 of volatility (divide by 100 for per vol point);
 * {@code theta} is per year of calendar time passing (divide by 365 for per day).
 */
public record Greeks(double delta, double gamma, double vega, double theta) {
  public Greeks negate() {
    return new Greeks(-delta, -gamma, -vega, -theta);
  }

  public double thetaPerDay() {
    return theta / OptionInputs.DAYS_PER_YEAR;
  }
}
