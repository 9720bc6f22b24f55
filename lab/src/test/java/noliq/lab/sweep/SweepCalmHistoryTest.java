package noliq.lab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import noliq.lab.engine.Progress;
import noliq.math.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep over a calm history: the crash-window scenario finds no window by the rule, so it has
 * no path and no rows, and the history itself still runs at every point (as {@code compare} and
 * {@code simulate} report such a history rather than refusing it).
 */
class SweepCalmHistoryTest {
  @TempDir Path tmp;

  @Test
  void aHistoryWithNoCrashWindowSweepsTheHistoryAlone() throws Exception {
    Path prices = tmp.resolve("calm.csv");
    Files.writeString(prices, calm(24 * 20));
    String json = "{\"scenarios\": [\"history\", \"history-crashes\"], \"prices\": \"" + prices + "\", \"seed\": 3, "
        + "\"designs\": [\"wrapper.kyrrui-tracker.auction\"], \"grid\": {\"makerMinEdgeBps\": [5, 40]}}";
    SweepEngine engine = SweepEngine.of(SweepSpec.parse(json, "calm"));
    engine.computeShared(1, Progress.none());
    SweepSpec spec = SweepSpec.parse(json, "calm");
    List<String> lines = engine.pointLines(spec.points().get(0), 1);
    assertThat(lines).isNotEmpty().allMatch(l -> l.contains("history") && !l.contains("history-crashes"));
  }

  @Test
  void aSweepWhoseOnlyScenarioHasNoPathIsRefused() throws Exception {
    Path prices = tmp.resolve("calm.csv");
    Files.writeString(prices, calm(24 * 20));
    String json = "{\"scenarios\": [\"history-crashes\"], \"prices\": \"" + prices + "\", \"seed\": 3, "
        + "\"designs\": [\"wrapper.kyrrui-tracker.auction\"], \"grid\": {\"makerMinEdgeBps\": [5, 40]}}";
    assertThatThrownBy(() -> SweepEngine.of(SweepSpec.parse(json, "calm"))).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("scenarios: nothing to run");
  }

  /** Hourly bars wandering within about 2% of 2,500: far from a 25% fall within 7 days. */
  private static String calm(int hours) {
    StringBuilder csv = new StringBuilder("timestamp_utc,open,high,low,close,volume\n");
    Instant t = Instant.parse("2026-03-01T00:00:00Z");
    double close = 2500;
    for (int i = 0; i < hours; i++) {
      double open = close;
      close = 2500 * (1 + 0.02 * Math.sin(i / 17.0));
      csv.append(String.format(Locale.ROOT, "%s,%.2f,%.2f,%.2f,%.2f,%.1f%n", t, open, Math.max(open, close) * 1.001,
          Math.min(open, close) * 0.999, close, 100.0));
      t = t.plus(1, ChronoUnit.HOURS);
    }
    return csv.toString();
  }
}
