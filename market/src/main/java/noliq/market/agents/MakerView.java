package noliq.market.agents;

import noliq.math.RuleViolation;
import noliq.pricing.VolSurface;

/**
 * What a maker sees of the market at one moment, handed in by its caller: spot, the implied-vol
 * surface, the volatility of that surface's level, how far short-term realised volatility has jumped
 * above its longer-run level, and this maker's own relative error in reading the surface (its
 * estimate is the surface scaled by {@code 1 + volError}). The caller draws the error from its own
 * generator; the maker draws nothing.
 *
 * @param spot index units per ETH
 * @param surface the market's implied-vol surface now
 * @param volOfVol annualised volatility of the log of the 30-day at-the-money level (0 on a frozen surface)
 * @param realisedVolJump short-horizon realised vol over its longer-horizon level (1 when calm)
 * @param volError this maker's relative error on the surface's level
 */
public record MakerView(double spot, VolSurface surface, double volOfVol, double realisedVolJump, double volError) {
  public MakerView {
    if (!(spot > 0) || Double.isInfinite(spot)) {
      throw new RuleViolation("spot", "must be a positive finite number (was " + spot + ")");
    }
    if (surface == null) {
      throw new RuleViolation("surface", "is required");
    }
    if (!(volOfVol >= 0) || Double.isInfinite(volOfVol)) {
      throw new RuleViolation("volOfVol", "must be a finite non-negative number (was " + volOfVol + ")");
    }
    if (!(realisedVolJump > 0) || Double.isInfinite(realisedVolJump)) {
      throw new RuleViolation("realisedVolJump", "must be a positive finite number (was " + realisedVolJump + ")");
    }
    if (!(volError > -0.9 && volError < 10)) {
      throw new RuleViolation("volError", "must be in (-0.9, 10) (was " + volError + ")");
    }
  }

  /** A calm, frozen market at one flat vol: what a maker without a view of the market's state assumes. */
  public static MakerView calm(double spot, double vol) {
    return new MakerView(spot, VolSurface.flat(vol), 0, 1, 0);
  }

  /** The surface as this maker estimates it. */
  public VolSurface estimate() {
    return volError == 0 ? surface : surface.scaled(1 + volError);
  }

  /** The same market read by a maker with error {@code e}. */
  public MakerView withVolError(double e) {
    return new MakerView(spot, surface, volOfVol, realisedVolJump, e);
  }
}
