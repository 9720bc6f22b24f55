package noliq.node.feed;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import noliq.lab.scenarios.Bar;
import noliq.lab.scenarios.OhlcReader;
import noliq.lab.scenarios.OhlcSeries;
import noliq.math.RuleViolation;

/**
 * A replayed OHLC file (read by the lab's {@link OhlcReader}: the normalised format or raw Binance
 * klines). Inside a bar the price runs the usual path through the bar's extremes, so an intrabar
 * low is visited: open, then the extreme against the bar's direction, then the other, then close
 * (open → low → high → close for a rising bar, open → high → low → close for a falling one), each
 * leg a third of the bar, linearly. Before the first bar it is the first open; after the last bar
 * and in gaps, the last close.
 */
public final class OhlcReplay implements PriceSource {
  private final OhlcSeries series;
  private final List<Bar> bars;
  private final long barMillis;

  public OhlcReplay(OhlcSeries series) {
    if (series.bars().isEmpty()) {
      throw new RuleViolation("prices", "the file has no bars");
    }
    this.series = series;
    this.bars = series.bars();
    this.barMillis = series.barSize().toMillis();
  }

  public static OhlcReplay read(Path file) {
    return new OhlcReplay(OhlcReader.read(file));
  }

  /** The same file from {@code from} to {@code to} only. */
  public OhlcReplay window(Instant from, Instant to) {
    return new OhlcReplay(series.window(from, to));
  }

  @Override
  public Optional<Instant> start() {
    return Optional.of(bars.get(0).time());
  }

  public Instant end() {
    return bars.get(bars.size() - 1).time().plusMillis(barMillis);
  }

  @Override
  public Optional<Double> priceAt(Instant t) {
    long ms = t.toEpochMilli();
    int lo = 0;
    int hi = bars.size() - 1;
    if (ms < bars.get(0).time().toEpochMilli()) {
      return Optional.of(bars.get(0).open());
    }
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (bars.get(mid).time().toEpochMilli() <= ms) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    Bar b = bars.get(lo);
    double f = (ms - b.time().toEpochMilli()) / (double) barMillis;
    if (f >= 1) {
      return Optional.of(b.close());
    }
    boolean rising = b.close() >= b.open();
    double first = rising ? b.low() : b.high();
    double second = rising ? b.high() : b.low();
    double[] pts = {b.open(), first, second, b.close()};
    double pos = f * 3;
    int seg = Math.min(2, (int) pos);
    double w = pos - seg;
    return Optional.of(pts[seg] + (pts[seg + 1] - pts[seg]) * w);
  }

  @Override
  public String describe() {
    return "replay of " + series.source() + " (" + bars.size() + " bars of " + series.barSize() + " from "
        + bars.get(0).time() + ")";
  }
}
