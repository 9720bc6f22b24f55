package noliq.node.feed;

import java.time.Instant;
import java.util.Optional;

/** Where the node's index price comes from: asked at a market time, it answers a price in USD per ETH, or nothing. */
public interface PriceSource {
  Optional<Double> priceAt(Instant marketTime);

  /** The market time the source starts at (a replay's first bar), if it has one. */
  default Optional<Instant> start() {
    return Optional.empty();
  }

  String describe();
}
