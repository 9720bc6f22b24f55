package noliq.oracle.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.TreeSet;
import noliq.math.Price;
import noliq.oracle.RequestKey;
import org.junit.jupiter.api.Test;

/**
 * Identities the feeds and requests hand out: Chainlink-style round ids count 1, 2, 3; two series
 * on the same index and maturity are different requests (UMA tells them apart by ancillary data),
 * also in a sorted map; a TWAP refused for a short history says where the history starts.
 */
class FeedIdentityTest {
  static final Instant T0 = Instant.parse("2026-06-02T12:00:00Z");

  @Test
  void roundIdsCountFromOne() {
    PushFeed feed = new PushFeed(PushFeedConfig.ethUsd(Duration.ofSeconds(30)));
    assertThat(((FeedEvent.Published) feed.observe(Price.of(2000), T0)).round()).isEqualTo(1);
    assertThat(((FeedEvent.Published) feed.observe(Price.of(2100), T0.plusSeconds(60))).round()).isEqualTo(2);
    assertThat(((FeedEvent.Published) feed.observe(Price.of(2200), T0.plusSeconds(120))).round()).isEqualTo(3);
  }

  @Test
  void seriesOnTheSameIndexAndMaturityAreDistinctKeys() {
    RequestKey a = new RequestKey("ETH/USD", T0, "P-2000");
    RequestKey b = new RequestKey("ETH/USD", T0, "N-2000");
    assertThat(a.compareTo(b)).isPositive(); // "P" sorts after "N"
    assertThat(b.compareTo(a)).isNegative();
    assertThat(new TreeSet<>(java.util.List.of(a, b))).hasSize(2);
    // earlier maturity first, whatever the series
    RequestKey earlier = new RequestKey("ETH/USD", T0.minusSeconds(1), "Z");
    assertThat(earlier.compareTo(a)).isNegative();
  }

  @Test
  void aTwapOverAWindowBeforeTheHistorySaysWhereItStarts() {
    ObservationLog log = new ObservationLog();
    PriceObservationAssert.recorded(log.record(Price.of(100), T0), T0);
    assertThatThrownBy(() -> Twap.over(log, Duration.ofHours(1), T0.plusSeconds(60)))
        .hasMessageContaining("history starts " + T0);
    assertThatThrownBy(() -> Twap.over(new ObservationLog(), Duration.ofHours(1), T0))
        .hasMessageContaining("history starts nowhere");
  }

  /** The log hands back what it recorded. */
  static final class PriceObservationAssert {
    static void recorded(PriceObservation o, Instant at) {
      assertThat(o).isNotNull();
      assertThat(o.at()).isEqualTo(at);
      assertThat(o.price()).isEqualTo(Price.of(100));
    }
  }
}
