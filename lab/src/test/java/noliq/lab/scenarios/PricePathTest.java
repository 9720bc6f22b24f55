package noliq.lab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import noliq.lab.engine.LiquidationIndex;
import noliq.lab.engine.PathRandom;
import org.junit.jupiter.api.Test;

class PricePathTest {
  @Test
  void aReplayTriggersOnTheLowAndJumpsOverGaps() {
    OhlcSeries s = OhlcReader.read(new StringReader("""
        timestamp_utc,open,high,low,close,volume
        2020-03-12T00:00:00Z,200,201,150,190,1
        2020-03-12T01:00:00Z,190,195,185,188,1
        2020-03-12T03:00:00Z,188,190,120,180,1
        """), "t.csv");
    PricePath path = PricePath.replay(s);
    assertThat(path.size()).isEqualTo(4);
    assertThat(path.time(0)).isEqualTo(Instant.parse("2020-03-12T00:00:00Z"));
    assertThat(path.price(0)).isEqualTo(200);
    assertThat(path.time(1)).isEqualTo(Instant.parse("2020-03-12T01:00:00Z"));
    assertThat(path.time(3)).isEqualTo(Instant.parse("2020-03-12T04:00:00Z"));
    assertThat(path.prices()).containsExactly(200, 190, 188, 180);
    assertThat(path.lows()).containsExactly(200, 150, 185, 120);
    assertThat(path.gaps()).hasSize(1);
    // a position liquidated below 160 goes in the first bar, though no close is below 180
    LiquidationIndex index = new LiquidationIndex();
    index.put(0, 160);
    List<Integer> liquidatedAt = new ArrayList<>();
    path.run((t, now, price, low) -> {
      if (!index.triggeredBelow(low).isEmpty()) {
        liquidatedAt.add(t);
      }
    });
    assertThat(liquidatedAt).containsExactly(1);
    assertThat(path.minimum()).isEqualTo(120);
  }

  @Test
  void generatedAndCrashPathsRunOnTheirOwnClock() {
    PricePath g = PricePath.generated("gbm", Instant.parse("2026-01-01T00:00:00Z"), Duration.ofHours(1), new double[] {1, 2, 3});
    assertThat(g.time(2)).isEqualTo(Instant.parse("2026-01-01T02:00:00Z"));
    assertThat(g.lows()).containsExactly(1, 2, 3);
    EventAnchoredCrash crash = EventAnchoredCrash.of(CrashEvents.AUG_2024);
    PricePath c = PricePath.crash(crash, crash.path(PathRandom.forPath(1, 0)));
    assertThat(c.time(0)).isEqualTo(CrashEvents.AUG_2024.open().time());
    assertThat(c.time(c.size() - 1)).isEqualTo(CrashEvents.AUG_2024.close().time());
    assertThatThrownBy(() -> PricePath.crash(crash, new double[3])).hasMessageStartingWith("prices: must hold 289 points for aug-2024");
  }
}
