package noliq.wrapper.port;

import java.time.Instant;

/**
 * The market's stress at a moment, beside spot and surface: the annualised volatility of the
 * implied-vol level, and short-term over longer-term realised vol. Makers widen and pull size on them.
 */
public record MarketStress(double volOfVol, double realisedVolJump) {
  public static final MarketStress CALM = new MarketStress(0, 1);

  /** The stress at each moment of the caller's clock. */
  @FunctionalInterface
  public interface Feed {
    MarketStress observe(Instant now);
  }
}
