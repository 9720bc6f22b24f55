package noliq.lab.study;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import noliq.lab.scenarios.Bar;
import noliq.lab.scenarios.OhlcSeries;
import noliq.math.RuleViolation;

/**
 * Crash windows found in a price history by a stated rule: a window opens at the first bar whose
 * open is followed, within {@code within} (the bar itself included), by an intrabar low at least
 * {@code drawdown} below it; the window is the {@code within} from that bar's open. The search for
 * the next window starts where this one ends, so windows never overlap. The default rule is a fall
 * of at least 25% within 7 days.
 */
public final class CrashWindows {
  public static final double DEFAULT_DRAWDOWN = 0.25;
  public static final Duration DEFAULT_WITHIN = Duration.ofDays(7);

  /** The rule in words, for the report. */
  public static String rule(double drawdown, Duration within) {
    return "every fall of at least " + Math.round(drawdown * 100) + "% from a bar's open to an intrabar low within "
        + within.toDays() + " days; each window runs " + within.toDays()
        + " days from the first bar where that holds, and windows do not overlap";
  }

  private CrashWindows() {}

  /** One window: its bars and the fall found in it. */
  public record Window(Instant start, Instant end, double open, double low, Instant lowTime, OhlcSeries series) {
    public double drawdown() {
      return 1 - low / open;
    }

    /** A name for the report: {@code history-crash-2020-03-12}. */
    public String name() {
      return "history-crash-" + start.toString().substring(0, 10);
    }
  }

  public static List<Window> find(OhlcSeries history, double drawdown, Duration within) {
    if (!(drawdown > 0 && drawdown < 1)) {
      throw new RuleViolation("drawdown", "must be between 0 and 1 (was " + drawdown + ")");
    }
    if (within.isNegative() || within.isZero()) {
      throw new RuleViolation("within", "must be positive (was " + within + ")");
    }
    List<Bar> bars = history.bars();
    List<Window> out = new ArrayList<>();
    int i = 0;
    while (i < bars.size()) {
      Bar first = bars.get(i);
      Instant end = first.time().plus(within);
      double threshold = first.open() * (1 - drawdown);
      Bar lowest = null;
      for (int j = i; j < bars.size() && bars.get(j).time().isBefore(end); j++) {
        Bar b = bars.get(j);
        if (lowest == null || b.low() < lowest.low()) {
          lowest = b;
        }
      }
      if (lowest != null && lowest.low() <= threshold) {
        out.add(new Window(first.time(), end, first.open(), lowest.low(), lowest.time(), history.window(first.time(), end)));
        while (i < bars.size() && bars.get(i).time().isBefore(end)) {
          i++;
        }
      } else {
        i++;
      }
    }
    return out;
  }
}
