package noliq.lab.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import noliq.lab.scenarios.OhlcReader;
import noliq.lab.scenarios.OhlcSeries;
import org.junit.jupiter.api.Test;

class CrashWindowsTest {
  /** Daily bars: flat at 100, a fall to a low of 70 on day 10, flat again, then a 20% dip (too small) on day 30. */
  private static OhlcSeries series() {
    StringBuilder csv = new StringBuilder(OhlcReader.NORMALISED_HEADER + "\n");
    Instant t0 = Instant.parse("2021-01-01T00:00:00Z");
    for (int d = 0; d < 40; d++) {
      double low = d == 10 ? 70 : d == 30 ? 80 : 99;
      csv.append(t0.plus(Duration.ofDays(d))).append(",100,101,").append(low).append(",100,1\n");
    }
    return OhlcReader.read(new StringReader(csv.toString()), "daily");
  }

  @Test
  void aFallOfAQuarterWithinAWeekOpensOneWindowAndSmallerFallsNone() {
    var windows = CrashWindows.find(series(), 0.25, Duration.ofDays(7));
    assertThat(windows).hasSize(1);
    var w = windows.get(0);
    // The first bar whose open is followed within 7 days (itself included) by a low of 75 or less: day 4.
    assertThat(w.start()).isEqualTo(Instant.parse("2021-01-05T00:00:00Z"));
    assertThat(w.end()).isEqualTo(Instant.parse("2021-01-12T00:00:00Z"));
    assertThat(w.low()).isEqualTo(70);
    assertThat(w.drawdown()).isCloseTo(0.3, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(w.series().bars()).hasSize(7);
    assertThat(w.name()).isEqualTo("history-crash-2021-01-05");
    assertThat(CrashWindows.find(series(), 0.15, Duration.ofDays(7))).hasSize(2);
  }
}
