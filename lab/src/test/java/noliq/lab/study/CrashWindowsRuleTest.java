package noliq.lab.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import noliq.lab.scenarios.OhlcReader;
import noliq.lab.scenarios.OhlcSeries;
import noliq.math.RuleViolation;
import org.junit.jupiter.api.Test;

/** The crash-window rule at its edges: a fall of exactly the stated size, ties, back-to-back windows, bad input. */
class CrashWindowsRuleTest {
  private static final Instant T0 = Instant.parse("2021-01-01T00:00:00Z");

  /** Daily bars opening at 100 with lows of 99, except the given days' lows. */
  private static OhlcSeries daily(int days, int[] lowDays, double[] lows) {
    StringBuilder csv = new StringBuilder(OhlcReader.NORMALISED_HEADER + "\n");
    for (int d = 0; d < days; d++) {
      double low = 99;
      for (int k = 0; k < lowDays.length; k++) {
        if (lowDays[k] == d) {
          low = lows[k];
        }
      }
      csv.append(T0.plus(Duration.ofDays(d))).append(",100,101,").append(low).append(",100,1\n");
    }
    return OhlcReader.read(new StringReader(csv.toString()), "daily");
  }

  @Test
  void aFallOfExactlyTheStatedSizeCounts() {
    // 100 * (1 - 0.25) = 75 exactly: a low of 75 is a fall of at least 25%, one of 75.01 is not
    assertThat(CrashWindows.find(daily(20, new int[] {10}, new double[] {75}), 0.25, Duration.ofDays(7))).hasSize(1);
    assertThat(CrashWindows.find(daily(20, new int[] {10}, new double[] {75.01}), 0.25, Duration.ofDays(7))).isEmpty();
  }

  @Test
  void theLowIsTheFirstBarToReachItAndWindowsFollowBackToBack() {
    // lows of 70 on days 10 and 11: the window's low is day 10's. The window opens on day 4 (day 10 is the
    // 7th bar from it) and runs to day 11; the search starts again at day 11, whose own low of 70 opens a
    // second window at once: the two touch and do not overlap
    var windows = CrashWindows.find(daily(30, new int[] {10, 11}, new double[] {70, 70}), 0.25, Duration.ofDays(7));
    assertThat(windows).hasSize(2);
    assertThat(windows.get(0).start()).isEqualTo(T0.plus(Duration.ofDays(4)));
    assertThat(windows.get(0).lowTime()).isEqualTo(T0.plus(Duration.ofDays(10)));
    assertThat(windows.get(0).end()).isEqualTo(T0.plus(Duration.ofDays(11)));
    assertThat(windows.get(1).start()).isEqualTo(T0.plus(Duration.ofDays(11)));
    assertThat(windows.get(1).lowTime()).isEqualTo(T0.plus(Duration.ofDays(11)));
    assertThat(windows.get(1).series().bars()).hasSize(7);
  }

  @Test
  void theRuleReadsAsItIsAppliedAndRefusesWhatIsNotAFall() {
    assertThat(CrashWindows.rule(0.25, Duration.ofDays(7))).isEqualTo("every fall of at least 25% from a bar's open "
        + "to an intrabar low within 7 days; each window runs 7 days from the first bar where that holds, and windows "
        + "do not overlap");
    OhlcSeries s = daily(5, new int[0], new double[0]);
    assertThatThrownBy(() -> CrashWindows.find(s, 0, Duration.ofDays(7))).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("drawdown:");
    assertThatThrownBy(() -> CrashWindows.find(s, 1, Duration.ofDays(7))).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("drawdown:");
    assertThatThrownBy(() -> CrashWindows.find(s, 0.25, Duration.ZERO)).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("within:");
    assertThatThrownBy(() -> CrashWindows.find(s, 0.25, Duration.ofDays(-1))).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("within:");
  }
}
