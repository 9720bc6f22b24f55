package noliq.lab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OhlcReaderTest {
  private static OhlcSeries read(String text) {
    return OhlcReader.read(new StringReader(text), "t.csv");
  }

  @Test
  void readsTheNormalisedFormatAndReportsGaps() {
    OhlcSeries s = read("""
        timestamp_utc,open,high,low,close,volume
        2020-03-12T00:00:00Z,194.61,195.55,190,191,10
        2020-03-12T01:00:00Z,191,192,180,185,11
        2020-03-12T04:00:00Z,185,186,150,160,12
        2020-03-12T05:00:00Z,160,170,155,168,13
        """);
    assertThat(s.barSize()).isEqualTo(Duration.ofHours(1));
    assertThat(s.bars()).hasSize(4);
    assertThat(s.gaps()).containsExactly(new Gap(Instant.parse("2020-03-12T01:00:00Z"), Instant.parse("2020-03-12T04:00:00Z"), 2, 4));
    assertThat(s.missingBars()).isEqualTo(2);
    assertThat(s.lows()).containsExactly(190, 180, 150, 155);
    assertThat(s.closes()).containsExactly(191, 185, 160, 168);
    // the return across the gap is left out, not spread over the missing bars
    assertThat(s.logReturns()).containsExactly(Math.log(185 / 191.0), Math.log(168 / 160.0));
    assertThat(s.lowestBar().time()).isEqualTo(Instant.parse("2020-03-12T04:00:00Z"));
    assertThat(s.end()).isEqualTo(Instant.parse("2020-03-12T06:00:00Z"));
  }

  @Test
  void readsRawBinanceKlinesWithAnyBarSize() {
    // 15-minute klines, no header, 12 columns, epoch milliseconds
    OhlcSeries ms = read("""
        1728518400000,2400.1,2410,2390,2405,100.5,1728519299999,241000,500,50,120000,0
        1728519300000,2405,2420,2401,2419,80,1728520199999,193000,400,40,96000,0
        """);
    assertThat(ms.barSize()).isEqualTo(Duration.ofMinutes(15));
    assertThat(ms.start()).isEqualTo(Instant.parse("2024-10-10T00:00:00Z"));
    // with Binance's header, and microsecond open times (spot files from 2025 on)
    OhlcSeries us = read("""
        open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore
        1735689600000000,3330,3340,3320,3335,1,1735689659999999,3333,10,0.5,1666,0
        1735689660000000,3335,3336,3300,3310,2,1735689719999999,6630,12,1,3310,0
        1735689840000000,3310,3311,3305,3306,3,1735689899999999,9918,15,1,3306,0
        """);
    assertThat(us.barSize()).isEqualTo(Duration.ofMinutes(1));
    assertThat(us.start()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(us.gaps()).singleElement().extracting(Gap::missingBars, Gap::line).containsExactly(2L, 4L);
  }

  @Test
  void malformedRowsAreRefusedNamingTheLine() {
    String header = "timestamp_utc,open,high,low,close,volume\n";
    String ok = "2020-03-12T00:00:00Z,10,11,9,10,1\n";
    assertThatThrownBy(() -> read(header + ok + "2020-03-12T01:00:00Z,10,11,9,abc,1\n"))
        .isInstanceOf(DataError.class).hasMessage("t.csv line 3: close: must be a number (was 'abc')");
    assertThatThrownBy(() -> read(header + ok + "2020-03-12T01:00:00Z,10,11,9,10\n"))
        .hasMessage("t.csv line 3: expected 6 columns (timestamp_utc,open,high,low,close,volume), found 5");
    assertThatThrownBy(() -> read(header + ok + "12/03/2020 01:00,10,11,9,10,1\n"))
        .hasMessageStartingWith("t.csv line 3: timestamp_utc: must be an ISO-8601 UTC time");
    assertThatThrownBy(() -> read(header + ok + "2020-03-12T01:00:00Z,10,11,10.5,10,1\n"))
        .hasMessage("t.csv line 3: low: must not be above the open or the close (was 10.5)");
    assertThatThrownBy(() -> read(header + ok + "2020-03-12T01:00:00Z,10,9.5,9,10,1\n"))
        .hasMessage("t.csv line 3: high: must not be below the open or the close (was 9.5)");
    assertThatThrownBy(() -> read(header + ok + ok))
        .hasMessage("t.csv line 3: time: must be after the previous bar's 2020-03-12T00:00:00Z (was 2020-03-12T00:00:00Z)");
    assertThatThrownBy(() -> read(header + ok + "2020-03-12T01:00:00Z,10,11,9,10,1\n2020-03-12T01:30:00Z,10,11,9,10,1\n2020-03-12T02:45:00Z,10,11,9,10,1\n"))
        .hasMessageStartingWith("t.csv line 5: time: 2020-03-12T02:45:00Z is not a whole number of PT30M bars");
    assertThatThrownBy(() -> read("date,close\n2020-03-12,10\n"))
        .hasMessageStartingWith("t.csv line 1: header: expected 'timestamp_utc,open,high,low,close,volume'");
    assertThatThrownBy(() -> read(header + ok)).hasMessage("t.csv: needs at least two bars to know the bar size (found 1)");
    assertThatThrownBy(() -> read("1728518400000,2400.1,2410,2390,2405,-1\n1728519300000,2405,2420,2401,2419,80\n"))
        .hasMessage("t.csv line 1: volume: must not be negative (was -1)");
    assertThatThrownBy(() -> OhlcReader.read(Path.of("/nonexistent/x.csv"))).hasMessage("/nonexistent/x.csv: no such file");
  }

  @Test
  void blankLinesAreSkippedAndTheLineNumbersStayTrue() {
    OhlcSeries s = read("timestamp_utc,open,high,low,close,volume\n\n2020-03-12T00:00:00Z,10,11,9,10,1\n\n2020-03-12T02:00:00Z,10,11,9,10,1\n2020-03-12T03:00:00Z,10,11,9,10,1\n");
    assertThat(s.gaps()).singleElement().extracting(Gap::line).isEqualTo(5L);
  }
}
