package noliq.wrapper.policy;

import noliq.pricing.InverseOptions;
import noliq.pricing.OptionInputs;
import noliq.pricing.Valuation;

/**
 * A P position's ETH exposure, from the model (Black–Scholes in the ETH numeraire, r = q = 0).
 * {@code deltaIndex} is the post's "ETH exposure per unit of P": the change in P's index-unit value
 * per unit move of x, in ETH. {@code ethShare} is the fraction of P's value that behaves like ETH:
 * {@code deltaIndex · x / P_index}. A perfectly stable holding has both at zero.
 */
public record Exposure(double pIndex, double deltaIndex, double ethShare, double days) {

  /** The model value and exposure of one P of {@code held} at {@code obs}. */
  public static Exposure of(Position held, Observation obs) {
    double days = held.daysToMaturity(obs.now());
    double x = obs.spot().toDouble();
    Valuation v = InverseOptions.value(OptionInputs.of(x, held.strike().toDouble(), days, obs.volAt(held.strike().toDouble(), days)));
    double delta = v.pIndexGreeks().delta();
    return new Exposure(v.pIndex(), delta, v.pIndex() > 0 ? delta * x / v.pIndex() : 0.0, days);
  }
}
