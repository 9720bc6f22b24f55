package noliq.lab.scenarios;

import java.time.Instant;

/**
 * One OHLC bar. {@code open} is the bar's open time (UTC). The reader checks
 * {@code 0 < low <= min(open, close)} and {@code max(open, close) <= high}; a mechanism that cares
 * about intrabar extremes (a liquidation triggers on the low) uses {@link #low()}.
 */
public record Bar(Instant time, double open, double high, double low, double close, double volume) {}
