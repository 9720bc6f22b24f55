package noliq.oracle.feeds;

import java.time.Instant;
import noliq.math.Price;

/** What a push feed did with an observation of its source. */
public sealed interface FeedEvent {
  Instant at();

  /** A new round: {@code answer} triggered at {@code at}, readable from {@code visibleAt}. */
  record Published(long round, Price answer, Trigger trigger, Instant at, Instant visibleAt) implements FeedEvent {}

  /** Neither threshold was met; nothing published. */
  record Held(Price source, Instant at) implements FeedEvent {}

  enum Trigger { FIRST, DEVIATION, HEARTBEAT }
}
