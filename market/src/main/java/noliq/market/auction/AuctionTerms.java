package noliq.market.auction;

import java.time.Duration;
import noliq.market.Checks;
import noliq.market.MarketError;
import noliq.market.MarketException;
import noliq.math.Price;

/**
 * How a rotation auction concedes. {@code fairPrice} is the buy token per 1 sell token at the
 * start (the seller's fair value, e.g. from Black–Scholes); the accepted price falls linearly by
 * up to {@code maxEdgePips} (millionths: 20 000 = 2%) over {@code ramp}, then holds at that floor
 * until the auction expires after {@code lifetime}.
 */
public record AuctionTerms(Price fairPrice, long maxEdgePips, Duration ramp, Duration lifetime) {
  /** Kyrrui's TrackerDAO rotation auction: the rate improves linearly to a 2% edge over 1 day. */
  public static final long KYRRUI_EDGE_PIPS = 20_000;
  public static final Duration KYRRUI_RAMP = Duration.ofDays(1);

  public AuctionTerms {
    Checks.positive("fairPrice", fairPrice);
    Checks.pips("maxEdge", maxEdgePips, DutchCurve.PIPS - 1);
    if (ramp == null || ramp.isNegative() || ramp.isZero()) {
      throw new MarketException(new MarketError.NotPositive("ramp", ramp));
    }
    if (lifetime == null || lifetime.compareTo(ramp) < 0) {
      throw new MarketException(new MarketError.OutOfRange("lifetime", "at least the ramp " + ramp, lifetime));
    }
  }

  /** Kyrrui's terms at the given fair price; the auction ends when the ramp does. */
  public static AuctionTerms kyrrui(Price fairPrice) {
    return new AuctionTerms(fairPrice, KYRRUI_EDGE_PIPS, KYRRUI_RAMP, KYRRUI_RAMP);
  }
}
