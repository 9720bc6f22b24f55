package noliq.lab.scenarios;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads OHLC bars from CSV in either of two formats, told apart by the first line:
 * <ul>
 *   <li>the project's normalised format: header {@code timestamp_utc,open,high,low,close,volume},
 *       ISO-8601 UTC bar open times;</li>
 *   <li>raw Binance klines (as downloaded from data.binance.vision or the REST API): open time in
 *       epoch milliseconds (or microseconds, as Binance's spot files use from 2025), open, high, low,
 *       close, volume, then columns that are ignored; with or without the {@code open_time,...} header.</li>
 * </ul>
 * Any bar size: it is the smallest step between bars, and every step must be a whole number of
 * bars. Larger steps are gaps, reported in the series. Every malformed row is refused with a
 * {@link DataError} naming the line, the column and the rule.
 */
public final class OhlcReader {
  /** The normalised format's header. */
  public static final String NORMALISED_HEADER = "timestamp_utc,open,high,low,close,volume";

  private static final ObjectReader ROW = new CsvMapper()
      .enable(CsvParser.Feature.WRAP_AS_ARRAY)
      .enable(CsvParser.Feature.TRIM_SPACES)
      .readerFor(String[].class);

  private static final long MICROS_THRESHOLD = 100_000_000_000_000L; // later than year 5138 in ms

  private enum Format { NORMALISED, BINANCE }

  private OhlcReader() {}

  /** Reads a file; the file name is used in messages. */
  public static OhlcSeries read(Path file) {
    String name = file.getFileName().toString();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, name);
    } catch (NoSuchFileException e) {
      throw new DataError(file.toString(), 0, "no such file");
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new DataError(file.toString(), 0, "is not UTF-8 text (a binary file?)");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads CSV text; {@code source} names it in messages. */
  public static OhlcSeries read(Reader reader, String source) {
    List<Bar> bars = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    Format format = null;
    long lineNo = 0;
    try (MappingIterator<String[]> rows = ROW.readValues(reader)) {
      while (true) {
        String[] cells;
        try {
          if (!rows.hasNextValue()) {
            break;
          }
          cells = rows.nextValue();
          lineNo = rows.getParser().currentTokenLocation().getLineNr();
        } catch (JacksonException | RuntimeException e) {
          throw new DataError(source, lineNo + 1, "not a valid CSV row: " + e.getMessage());
        }
        if (cells.length == 0 || cells.length == 1 && cells[0].isBlank()) {
          continue;
        }
        if (format == null) {
          if (String.join(",", cells).equalsIgnoreCase(NORMALISED_HEADER)) {
            format = Format.NORMALISED;
            continue;
          }
          if (cells[0].equalsIgnoreCase("open_time")) {
            format = Format.BINANCE;
            continue;
          }
          if (isLong(cells[0])) {
            format = Format.BINANCE;
          } else {
            throw new DataError(source, lineNo, "header: expected '" + NORMALISED_HEADER
                + "' or Binance klines (open time in epoch ms first), found '" + String.join(",", cells) + "'");
          }
        }
        Bar bar = format == Format.NORMALISED ? normalised(cells, source, lineNo) : binance(cells, source, lineNo);
        if (!bars.isEmpty()) {
          Instant prev = bars.get(bars.size() - 1).time();
          if (!bar.time().isAfter(prev)) {
            throw new DataError(source, lineNo, "time: must be after the previous bar's " + prev + " (was " + bar.time() + ")");
          }
        }
        bars.add(bar);
        lines.add(lineNo);
      }
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new DataError(source, 0, "is not UTF-8 text (a binary file?)");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
    }
    if (bars.size() < 2) {
      throw new DataError(source, 0, "needs at least two bars to know the bar size (found " + bars.size() + ")");
    }
    return withGaps(source, bars, lines);
  }

  private static OhlcSeries withGaps(String source, List<Bar> bars, List<Long> lines) {
    Duration barSize = null;
    for (int i = 1; i < bars.size(); i++) {
      Duration step = Duration.between(bars.get(i - 1).time(), bars.get(i).time());
      if (barSize == null || step.compareTo(barSize) < 0) {
        barSize = step;
      }
    }
    List<Gap> gaps = new ArrayList<>();
    long barMillis = barSize.toMillis();
    for (int i = 1; i < bars.size(); i++) {
      Instant before = bars.get(i - 1).time();
      Instant after = bars.get(i).time();
      long stepMillis = Duration.between(before, after).toMillis();
      if (stepMillis % barMillis != 0) {
        throw new DataError(source, lines.get(i), "time: " + after + " is not a whole number of " + barSize
            + " bars after the previous bar " + before);
      }
      long missing = stepMillis / barMillis - 1;
      if (missing > 0) {
        gaps.add(new Gap(before, after, missing, lines.get(i)));
      }
    }
    return new OhlcSeries(source, barSize, bars, gaps);
  }

  private static Bar normalised(String[] c, String source, long lineNo) {
    if (c.length != 6) {
      throw new DataError(source, lineNo, "expected 6 columns (" + NORMALISED_HEADER + "), found " + c.length);
    }
    Instant time;
    try {
      time = Instant.parse(c[0]);
    } catch (DateTimeParseException e) {
      throw new DataError(source, lineNo, "timestamp_utc: must be an ISO-8601 UTC time like 2020-03-12T00:00:00Z (was '" + c[0] + "')");
    }
    return bar(time, c, source, lineNo);
  }

  private static Bar binance(String[] c, String source, long lineNo) {
    if (c.length < 6) {
      throw new DataError(source, lineNo, "expected at least 6 columns (open_time,open,high,low,close,volume,...), found " + c.length);
    }
    if (!isLong(c[0])) {
      throw new DataError(source, lineNo, "open_time: must be an epoch time in milliseconds (was '" + c[0] + "')");
    }
    long raw = Long.parseLong(c[0]);
    Instant time = raw >= MICROS_THRESHOLD
        ? Instant.ofEpochSecond(raw / 1_000_000, (raw % 1_000_000) * 1_000)
        : Instant.ofEpochMilli(raw);
    return bar(time, c, source, lineNo);
  }

  private static Bar bar(Instant time, String[] c, String source, long lineNo) {
    double open = number("open", c[1], source, lineNo);
    double high = number("high", c[2], source, lineNo);
    double low = number("low", c[3], source, lineNo);
    double close = number("close", c[4], source, lineNo);
    double volume = number("volume", c[5], source, lineNo);
    if (!(low > 0)) {
      throw new DataError(source, lineNo, "low: must be positive (was " + c[3] + ")");
    }
    if (low > Math.min(open, close)) {
      throw new DataError(source, lineNo, "low: must not be above the open or the close (was " + c[3] + ")");
    }
    if (high < Math.max(open, close)) {
      throw new DataError(source, lineNo, "high: must not be below the open or the close (was " + c[2] + ")");
    }
    if (volume < 0) {
      throw new DataError(source, lineNo, "volume: must not be negative (was " + c[5] + ")");
    }
    return new Bar(time, open, high, low, close, volume);
  }

  private static double number(String column, String text, String source, long lineNo) {
    try {
      double v = Double.parseDouble(text);
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new DataError(source, lineNo, column + ": must be a number (was '" + text + "')");
  }

  private static boolean isLong(String s) {
    if (s.isEmpty() || s.length() > 18) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
