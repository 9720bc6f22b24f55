package noliq.debt.maker;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A Clipper's settings (clip.sol {@code file}).
 *
 * @param buf  multiplier on the oracle price that gives the starting price {@code top} [ray]
 * @param tail seconds after which an auction must be reset
 * @param cusp fraction of {@code top} below which an auction must be reset [ray]
 * @param chip keeper reward as a fraction of {@code tab} [wad]
 * @param tip  flat keeper reward [rad]
 * @param calc the price curve
 */
public record ClipperParams(BigInteger buf, long tail, BigInteger cusp, BigInteger chip, BigInteger tip, Abacus calc) {
  public ClipperParams {
    requireNonNegative("buf", buf);
    requireNonNegative("cusp", cusp);
    requireNonNegative("chip", chip);
    requireNonNegative("tip", tip);
    if (buf.signum() == 0) {
      throw new MakerRuleViolation(new MakerError.NonPositiveAmount("buf", buf));
    }
    if (tail < 0) {
      throw new MakerRuleViolation(new MakerError.BadParameter("tail", "must not be negative (was " + tail + ")"));
    }
    Objects.requireNonNull(calc, "calc");
  }

  /**
   * The ETH-B set adopted in July 2021 (forum, "Adjusting auction parameters for ETH vault
   * types"): buf 1.20, stairstep cut 0.99 every 60 s, tail 90 min, cusp 0.40, chip 0.1 %,
   * tip 300 DAI.
   */
  public static ClipperParams ethB() {
    return new ClipperParams(
        DssMath.ray("1.2"), 90 * 60, DssMath.ray("0.4"), DssMath.wad("0.001"), DssMath.rad("300"),
        new Abacus.StairstepExponentialDecrease(DssMath.ray("0.99"), 60));
  }

  static void requireNonNegative(String field, BigInteger v) {
    if (v == null) {
      throw new MakerRuleViolation(new MakerError.BadParameter(field, "is required"));
    }
    if (v.signum() < 0) {
      throw new MakerRuleViolation(new MakerError.NegativeAmount(field, v));
    }
  }
}
