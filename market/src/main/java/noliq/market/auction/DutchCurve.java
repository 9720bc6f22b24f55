package noliq.market.auction;

import java.math.BigInteger;
import java.time.Duration;
import noliq.math.Exact;
import noliq.math.Price;
import noliq.math.Rounding;

/** The pure price rules of a linear Dutch auction. Prices round up: the seller never gets less than the curve. */
public final class DutchCurve {
  public static final long PIPS = 1_000_000;

  private DutchCurve() {}

  /** {@code fair * (1 - edge * min(elapsed, ramp) / ramp)}, rounded up. */
  public static Price priceAt(AuctionTerms terms, Duration elapsed) {
    long rampMs = terms.ramp().toMillis();
    long elapsedMs = Math.max(0, Math.min(elapsed.toMillis(), rampMs));
    BigInteger denominator = BigInteger.valueOf(PIPS).multiply(BigInteger.valueOf(rampMs));
    BigInteger conceded = BigInteger.valueOf(terms.maxEdgePips()).multiply(BigInteger.valueOf(elapsedMs));
    return new Price(Exact.mulDiv(terms.fairPrice().units(), denominator.subtract(conceded), denominator, Rounding.UP));
  }

  /** The lowest price the curve ever reaches, {@code fair * (1 - edge)}, rounded up. */
  public static Price floor(AuctionTerms terms) {
    return terms.fairPrice().mulDiv(BigInteger.valueOf(PIPS - terms.maxEdgePips()), BigInteger.valueOf(PIPS), Rounding.UP);
  }

  /** What a taker pays for {@code lot} at {@code price}: rounded up, in the seller's favour. */
  public static BigInteger cost(BigInteger lot, Price price) {
    return Exact.mulDiv(lot, price.units(), Exact.WAD, Rounding.UP);
  }
}
