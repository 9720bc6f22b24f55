package noliq.debt.maker;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A collateral type's settings across the Vat, Spotter, Dog and Clipper.
 *
 * @param name    the ilk, e.g. {@code ETH-B}
 * @param mat     liquidation ratio [ray] (spot = price / mat)
 * @param dust    minimum debt of a vault [rad]
 * @param chop    liquidation penalty, a multiplier such as 1.13 [wad]
 * @param hole    most DAI (tab) in this ilk's auctions at once [rad]
 * @param clipper the ilk's Clipper
 */
public record IlkParams(String name, BigInteger mat, BigInteger dust, BigInteger chop, BigInteger hole,
    ClipperParams clipper) {
  public IlkParams {
    if (name == null || name.isBlank()) {
      throw new MakerRuleViolation(new MakerError.BadParameter("ilk", "is required"));
    }
    ClipperParams.requireNonNegative("mat", mat);
    ClipperParams.requireNonNegative("dust", dust);
    ClipperParams.requireNonNegative("chop", chop);
    ClipperParams.requireNonNegative("hole", hole);
    if (mat.signum() == 0) {
      throw new MakerRuleViolation(new MakerError.NonPositiveAmount("mat", mat));
    }
    if (chop.compareTo(DssMath.WAD) < 0) {
      throw new MakerRuleViolation(new MakerError.BadParameter("chop", "must be at least 1 (a penalty multiplier; was "
          + DssMath.format(chop, 18) + ")"));
    }
    Objects.requireNonNull(clipper, "clipper");
  }

  /**
   * ETH-B as in force from July 2021, with where each value comes from and its date: dust
   * 30,000 DAI (executive spell of 2021-06-18); mat 130 %, chop 13 % and the Dog's per-ilk hole of
   * 15 M DAI as listed in the forum post "Adjusting auction parameters for ETH vault types" (July
   * 2021), which also set the Clipper values of {@link ClipperParams#ethB()}.
   */
  public static IlkParams ethB() {
    return new IlkParams("ETH-B", DssMath.ray("1.3"), DssMath.rad("30000"), DssMath.wad("1.13"),
        DssMath.rad("15000000"), ClipperParams.ethB());
  }

  /** {@code chost = wmul(dust, chop)} [rad]: the least tab a partial take may leave. */
  public BigInteger chost() {
    return DssMath.wmul(dust, chop);
  }
}
