package noliq.wrapper.port;

import java.time.Instant;
import noliq.wrapper.policy.Observation;

/**
 * The vault's own price: the spot x it values holdings, mints shares and decides rolls at, and the
 * volatility it marks P with. It is part of the vault's fixed rules, not an argument of its public
 * calls, so whoever triggers a roll cannot choose the price it is decided at. An adapter over the
 * oracle module's feed (a median, a TWAP) implements it; the lab feeds its path.
 */
@FunctionalInterface
public interface SpotFeed {
  Observation observe(Instant now);
}
