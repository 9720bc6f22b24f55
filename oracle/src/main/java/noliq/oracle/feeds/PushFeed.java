package noliq.oracle.feeds;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import noliq.math.Price;
import noliq.oracle.OracleError;
import noliq.oracle.OracleException;
import noliq.oracle.Require;

/**
 * A Chainlink-style push feed: it watches a source and publishes a new round when the source
 * deviates from the last published answer by the threshold, or when the heartbeat runs out.
 * A round becomes readable {@code latency} after it triggered. Readers see the latest readable
 * round, so between triggers they read a stale value: the error a fast-feed attack or a fast
 * crash exploits.
 */
public final class PushFeed {
  private final PushFeedConfig config;
  private final List<FeedEvent.Published> rounds = new ArrayList<>();
  private Instant lastObserved;

  public PushFeed(PushFeedConfig config) {
    this.config = Require.present(config, "config");
  }

  public PushFeedConfig config() {
    return config;
  }

  /** Shows the feed its source's price at {@code now}; times must not go backwards. */
  public FeedEvent observe(Price source, Instant now) {
    Require.present(source, "source");
    Require.present(now, "now");
    if (lastObserved != null && now.isBefore(lastObserved)) {
      throw new OracleException(new OracleError.OutOfRange("now", "at or after the last observation " + lastObserved, now.toString()));
    }
    lastObserved = now;
    FeedEvent.Trigger trigger = trigger(source, now);
    if (trigger == null) {
      return new FeedEvent.Held(source, now);
    }
    FeedEvent.Published round = new FeedEvent.Published(rounds.size() + 1L, source, trigger, now, now.plus(config.latency()));
    rounds.add(round);
    return round;
  }

  private FeedEvent.Trigger trigger(Price source, Instant now) {
    if (rounds.isEmpty()) {
      return FeedEvent.Trigger.FIRST;
    }
    FeedEvent.Published last = rounds.getLast();
    BigInteger lastAnswer = last.answer().units();
    BigInteger move = source.units().subtract(lastAnswer).abs();
    // |source - last| / last >= bps / 10000, compared exactly.
    if (move.multiply(BigInteger.valueOf(10_000)).compareTo(lastAnswer.multiply(BigInteger.valueOf(config.deviationBps()))) >= 0) {
      return FeedEvent.Trigger.DEVIATION;
    }
    if (!now.isBefore(last.at().plus(config.heartbeat()))) {
      return FeedEvent.Trigger.HEARTBEAT;
    }
    return null;
  }

  /** The latest round readable at {@code now}, if any has landed yet. */
  public Optional<FeedEvent.Published> latest(Instant now) {
    Require.present(now, "now");
    for (int i = rounds.size() - 1; i >= 0; i--) {
      if (!rounds.get(i).visibleAt().isAfter(now)) {
        return Optional.of(rounds.get(i));
      }
    }
    return Optional.empty();
  }

  public List<FeedEvent.Published> rounds() {
    return Collections.unmodifiableList(rounds);
  }
}
