package noliq.lab.scenarios;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import noliq.math.RuleViolation;

/**
 * Historical bars as read, with the bar size (the smallest step between two bars) and every gap
 * where bars are missing. Nothing is interpolated: a replay over a gap jumps in time, and the gap
 * is in {@link #gaps()} for the report.
 *
 * @param source where the bars came from (file name), for messages and reports
 */
public record OhlcSeries(String source, Duration barSize, List<Bar> bars, List<Gap> gaps) {
  private static final double SECONDS_PER_YEAR = 365.0 * 86_400;

  public OhlcSeries {
    bars = List.copyOf(bars);
    gaps = List.copyOf(gaps);
    if (bars.isEmpty()) {
      throw new RuleViolation("bars", "must not be empty");
    }
  }

  /** The bar size in years (days / 365). */
  public double barYears() {
    return barSize.toSeconds() / SECONDS_PER_YEAR;
  }

  public Instant start() {
    return bars.get(0).time();
  }

  /** The close of the last bar: its open time plus one bar. */
  public Instant end() {
    return bars.get(bars.size() - 1).time().plus(barSize);
  }

  /** The number of missing bars over all gaps. */
  public long missingBars() {
    return gaps.stream().mapToLong(Gap::missingBars).sum();
  }

  /** Closing prices, one per bar. */
  public double[] closes() {
    return bars.stream().mapToDouble(Bar::close).toArray();
  }

  /** Intrabar lows, one per bar. */
  public double[] lows() {
    return bars.stream().mapToDouble(Bar::low).toArray();
  }

  /** Log returns close to close between consecutive bars; a return spanning a gap is left out. */
  public double[] logReturns() {
    double[] out = new double[bars.size() - 1];
    int n = 0;
    for (int i = 1; i < bars.size(); i++) {
      Bar prev = bars.get(i - 1);
      Bar bar = bars.get(i);
      if (Duration.between(prev.time(), bar.time()).equals(barSize)) {
        out[n++] = Math.log(bar.close() / prev.close());
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** The realised volatility per year: the sample standard deviation of {@link #logReturns()} over {@code sqrt(barYears)}. */
  public double realisedVolatility() {
    double[] r = logReturns();
    if (r.length < 2) {
      throw new RuleViolation("bars", "need at least two returns for a volatility (" + source + " has " + r.length + ")");
    }
    double mean = 0;
    for (double x : r) {
      mean += x;
    }
    mean /= r.length;
    double ss = 0;
    for (double x : r) {
      ss += (x - mean) * (x - mean);
    }
    return Math.sqrt(ss / (r.length - 1) / barYears());
  }

  /** The bars opened in {@code [from, to)}, with the gaps that fall inside. */
  public OhlcSeries window(Instant from, Instant to) {
    List<Bar> in = new ArrayList<>();
    for (Bar b : bars) {
      if (!b.time().isBefore(from) && b.time().isBefore(to)) {
        in.add(b);
      }
    }
    if (in.isEmpty()) {
      throw new RuleViolation("window", "no bars of " + source + " between " + from + " and " + to);
    }
    Instant first = in.get(0).time();
    Instant last = in.get(in.size() - 1).time();
    List<Gap> inGaps = gaps.stream()
        .filter(g -> !g.lastBefore().isBefore(first) && !g.firstAfter().isAfter(last))
        .toList();
    return new OhlcSeries(source, barSize, in, inGaps);
  }

  /** The lowest low of the series and the bar it is in. */
  public Bar lowestBar() {
    Bar lowest = bars.get(0);
    for (Bar b : bars) {
      if (b.low() < lowest.low()) {
        lowest = b;
      }
    }
    return lowest;
  }
}
