package noliq.wrapper.drift;

import noliq.math.Price;

/**
 * A holder's deviation from target, {@code value - target} in index units, in three parts that add
 * up to it exactly: (1) exposure drift between rolls, (2) roll cost against fair value (slippage and
 * auction edge), (3) settlement and oracle error.
 */
public record DriftBreakdown(
    Price target, Price value, Deviation exposureDrift, Deviation rollCost, Deviation settlementError,
    Deviation total) {

  public DriftBreakdown {
    if (!exposureDrift.plus(rollCost).plus(settlementError).equals(total)
        || !Deviation.between(target, value).equals(total)) {
      throw new IllegalStateException("drift parts do not add up: " + exposureDrift + " + " + rollCost + " + "
          + settlementError + " != " + total + " = " + value + " - " + target);
    }
  }

  /** Each part and the total as a fraction of the target, for statistics. */
  public double[] fractionsOfTarget() {
    double t = target.toDouble();
    return new double[] {
        exposureDrift.toDouble() / t, rollCost.toDouble() / t, settlementError.toDouble() / t, total.toDouble() / t};
  }
}
