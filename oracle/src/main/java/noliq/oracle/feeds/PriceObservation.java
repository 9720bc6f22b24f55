package noliq.oracle.feeds;

import java.time.Instant;
import noliq.math.Price;
import noliq.oracle.Require;

/** A price seen at a time: a pool's spot price after a block, a feed's answer, a source's quote. */
public record PriceObservation(Instant at, Price price) {
  public PriceObservation {
    Require.present(at, "at");
    Require.present(price, "price");
  }
}
