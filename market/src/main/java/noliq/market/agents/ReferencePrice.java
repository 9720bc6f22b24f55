package noliq.market.agents;

import java.time.Instant;
import noliq.math.Price;

/** An external price (e.g. a CEX mid) as a function of time; the caller supplies it. */
@FunctionalInterface
public interface ReferencePrice {
  Price at(Instant time);
}
