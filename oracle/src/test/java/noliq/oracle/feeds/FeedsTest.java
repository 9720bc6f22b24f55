package noliq.oracle.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import noliq.math.Price;
import noliq.oracle.OracleError;
import noliq.oracle.OracleException;
import org.junit.jupiter.api.Test;

class FeedsTest {
  static final Instant T0 = Instant.parse("2026-06-02T12:00:00Z");

  @Test
  void pushFeedPublishesOnDeviationOrHeartbeatAndLandsAfterItsLatency() {
    PushFeed feed = new PushFeed(PushFeedConfig.ethUsd(Duration.ofSeconds(30)));
    assertThat(feed.observe(Price.of(2000), T0)).isInstanceOfSatisfying(FeedEvent.Published.class,
        p -> assertThat(p.trigger()).isEqualTo(FeedEvent.Trigger.FIRST));
    assertThat(feed.latest(T0.plusSeconds(29))).isEmpty();
    assertThat(feed.latest(T0.plusSeconds(30))).map(FeedEvent.Published::answer).contains(Price.of(2000));
    // 0.49% is below the 0.5% threshold; 0.5% exactly triggers.
    assertThat(feed.observe(Price.of("2009.8"), T0.plusSeconds(60))).isInstanceOf(FeedEvent.Held.class);
    var moved = (FeedEvent.Published) feed.observe(Price.of(2010), T0.plusSeconds(120));
    assertThat(moved.trigger()).isEqualTo(FeedEvent.Trigger.DEVIATION);
    assertThat(feed.latest(T0.plusSeconds(149))).map(FeedEvent.Published::answer).contains(Price.of(2000));
    assertThat(feed.latest(T0.plusSeconds(150))).map(FeedEvent.Published::answer).contains(Price.of(2010));
    // Falling 0.5% from 2010 is 10.05.
    assertThat(feed.observe(Price.of("1999.96"), T0.plusSeconds(180))).isInstanceOf(FeedEvent.Held.class);
    assertThat(feed.observe(Price.of("1999.95"), T0.plusSeconds(200))).isInstanceOf(FeedEvent.Published.class);
    // Still price: the heartbeat publishes one hour after the last round.
    assertThat(feed.observe(Price.of("1999.95"), T0.plusSeconds(200 + 3599))).isInstanceOf(FeedEvent.Held.class);
    assertThat(feed.observe(Price.of("1999.95"), T0.plusSeconds(200 + 3600))).isInstanceOfSatisfying(FeedEvent.Published.class,
        p -> assertThat(p.trigger()).isEqualTo(FeedEvent.Trigger.HEARTBEAT));
    assertThat(feed.rounds()).hasSize(4);
    assertThatThrownBy(() -> feed.observe(Price.of(1), T0)).isInstanceOf(OracleException.class)
        .hasMessageStartingWith("now: must be at or after the last observation");
    assertThat(feed.rounds()).hasSize(4);
  }

  @Test
  void pushFeedConfigIsChecked() {
    assertThatThrownBy(() -> new PushFeedConfig(0, Duration.ofHours(1), Duration.ZERO))
        .hasMessage("deviationBps: must be between 1 and 10000 (was 0)");
    assertThatThrownBy(() -> new PushFeedConfig(50, Duration.ZERO, Duration.ZERO))
        .hasMessage("heartbeat: must be a positive duration (was PT0S)");
    assertThatThrownBy(() -> new PushFeedConfig(50, Duration.ofHours(1), Duration.ofSeconds(-1)))
        .hasMessage("latency: must be zero or positive (was PT-1S)");
  }

  @Test
  void twapIsTheTimeWeightedMeanOfTheStepFunction() {
    ObservationLog log = new ObservationLog();
    log.record(Price.of(100), T0);
    log.record(Price.of(200), T0.plus(Duration.ofMinutes(30)));
    log.record(Price.of(400), T0.plus(Duration.ofMinutes(60)));
    assertThat(Twap.over(log, Duration.ofHours(1), T0.plus(Duration.ofHours(1)))).isEqualTo(Price.of(150));
    // Window [0:15, 1:15]: 15 min at 100, 30 at 200, 15 at 400 -> 225.
    assertThat(Twap.over(log, Duration.ofHours(1), T0.plus(Duration.ofMinutes(75)))).isEqualTo(Price.of(225));
    // A window inside one step is that step's price.
    assertThat(Twap.over(log, Duration.ofMinutes(10), T0.plus(Duration.ofMinutes(20)))).isEqualTo(Price.of(100));
  }

  @Test
  void twapRoundsDownAndRefusesAWindowBeyondItsHistory() {
    ObservationLog log = new ObservationLog();
    log.record(Price.ZERO, T0);
    log.record(new Price(java.math.BigInteger.ONE), T0.plusSeconds(2));
    // (0*2 + 1*1) / 3 rounds down to 0.
    assertThat(Twap.over(log, Duration.ofSeconds(3), T0.plusSeconds(3))).isEqualTo(Price.ZERO);
    assertThatThrownBy(() -> Twap.over(log, Duration.ofSeconds(4), T0.plusSeconds(3)))
        .isInstanceOfSatisfying(OracleException.class, e -> assertThat(e.error()).isInstanceOf(OracleError.NotAllowed.class))
        .hasMessageStartingWith("window: needs an observation at or before 2026-06-02T11:59:59Z");
    assertThatThrownBy(() -> Twap.over(log, Duration.ofMillis(1500), T0.plusSeconds(3)))
        .hasMessage("window: must be a whole number of seconds (was PT1.5S)");
    assertThatThrownBy(() -> log.record(Price.of(1), T0)).hasMessageStartingWith("at: must be at or after the last observation");
    assertThat(log.size()).isEqualTo(2);
  }

  static List<SourceModel> sources(int n) {
    return IntStream.range(0, n).mapToObj(i -> new SourceModel("s" + i, 0.001, Duration.ofSeconds(i * 10L), 0.1)).toList();
  }

  @Test
  void anAgentPicksKDistinctSourcesFromItsOwnRandomness() {
    PrivateMedian a = PrivateMedian.pick(sources(12), 5, new SplittableRandom(1));
    PrivateMedian b = PrivateMedian.pick(sources(12), 5, new SplittableRandom(1));
    PrivateMedian c = PrivateMedian.pick(sources(12), 5, new SplittableRandom(2));
    assertThat(a.chosen()).hasSize(5).doesNotHaveDuplicates().isEqualTo(b.chosen());
    assertThat(c.chosen()).isNotEqualTo(a.chosen());
    assertThat(a.toString()).doesNotContain("s0", "s1", "s2");
    assertThatThrownBy(() -> PrivateMedian.pick(sources(3), 4, new SplittableRandom(1)))
        .hasMessage("k: must be between 1 and the 3 sources (was 4)");
  }

  @Test
  void theMedianShrugsOffAMinorityOfCorruptedSources() {
    List<SourceModel> five = IntStream.range(0, 5).mapToObj(i -> new SourceModel("s" + i, 0, java.time.Duration.ZERO, 0)).toList();
    PrivateMedian agent = PrivateMedian.of(five);
    IndexPath truth = t -> 2000.0;
    var honest = agent.read(truth, T0, new SplittableRandom(3));
    assertThat(honest.median()).contains(Price.of(2000));
    var twoBad = agent.read(truth, T0, new SplittableRandom(3), Map.of("s0", 1000.0, "s1", 1000.0));
    assertThat(twoBad.median()).contains(Price.of(2000));
    var threeBad = agent.read(truth, T0, new SplittableRandom(3), Map.of("s0", 1000.0, "s1", 1000.0, "s2", 1000.0));
    assertThat(threeBad.median()).contains(Price.of(1000));
  }

  @Test
  void sourcesFailAndLagAsModelled() {
    List<SourceModel> flaky = List.of(new SourceModel("dead", 0, Duration.ZERO, 1.0),
        new SourceModel("late", 0, Duration.ofMinutes(5), 0), new SourceModel("live", 0, Duration.ZERO, 0));
    IndexPath rising = t -> 2000.0 + Duration.between(T0, t).toMinutes();
    var r = PrivateMedian.of(flaky).read(rising, T0.plus(Duration.ofMinutes(10)), new SplittableRandom(5));
    assertThat(r.failed()).isEqualTo(1);
    assertThat(r.quotes()).containsExactly(2005.0, 2010.0);
    assertThat(r.median()).contains(Price.of("2007.5"));
    var none = PrivateMedian.of(List.of(flaky.getFirst())).read(rising, T0, new SplittableRandom(5));
    assertThat(none.median()).isEmpty();
    assertThatThrownBy(() -> new SourceModel("x", -1, Duration.ZERO, 0)).hasMessage("noise: must be zero or positive and finite (was -1.0)");
    assertThatThrownBy(() -> new SourceModel("x", 0, Duration.ZERO, 1.5)).hasMessage("failureProbability: must be between 0.0 and 1.0 (was 1.5)");
  }

  @Test
  void noisyReadingsCentreOnTheTruth() {
    PrivateMedian agent = PrivateMedian.pick(sources(12), 7, new SplittableRandom(9));
    SplittableRandom rng = new SplittableRandom(10);
    double sum = 0;
    int n = 2_000;
    for (int i = 0; i < n; i++) {
      sum += agent.read(t -> 2000.0, T0, rng).median().orElseThrow().toDouble();
    }
    assertThat(sum / n).isCloseTo(2000.0, org.assertj.core.data.Offset.offset(0.2));
  }
}
