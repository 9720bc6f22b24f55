package noliq.cli;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Small OHLC histories in the project's normalised format, for tests. */
final class TestPrices {
  private TestPrices() {}

  /**
   * A calm market: {@code hours} hourly bars from 2026-03-01 that wander within about 2% of 2500, far
   * from the crash-window rule's fall of 25% within 7 days.
   */
  static String calm(int hours) {
    StringBuilder csv = new StringBuilder("timestamp_utc,open,high,low,close,volume\n");
    Instant t = Instant.parse("2026-03-01T00:00:00Z");
    double close = 2500;
    for (int i = 0; i < hours; i++) {
      double open = close;
      close = 2500 * (1 + 0.02 * Math.sin(i / 17.0));
      double high = Math.max(open, close) * 1.001;
      double low = Math.min(open, close) * 0.999;
      csv.append(String.format(java.util.Locale.ROOT, "%s,%.2f,%.2f,%.2f,%.2f,%.1f%n", t, open, high, low, close, 100.0 + i % 7));
      t = t.plus(1, ChronoUnit.HOURS);
    }
    return csv.toString();
  }
}
