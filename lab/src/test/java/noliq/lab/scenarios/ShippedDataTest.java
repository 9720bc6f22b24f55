package noliq.lab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The project's shipped data/ folder as its notice and the data's README describe it. */
class ShippedDataTest {
  @Test
  void theFolderHoldsTheRedistributableFilesWithTheirNoticeAndNothingElse() throws IOException {
    Path dir = DataFiles.shipped().orElseThrow();
    assertThat(Files.readString(dir.resolve(DataFiles.NOTICE))).contains("MIT").contains("IamSTEINI/crypto-strategy-playground");
    List<String> files;
    long bytes;
    try (Stream<Path> all = Files.walk(dir)) {
      List<Path> regular = all.filter(Files::isRegularFile).sorted().toList();
      files = regular.stream().map(p -> dir.relativize(p).toString().replace('\\', '/')).toList();
      bytes = 0;
      for (Path p : regular) {
        bytes += Files.size(p);
      }
    }
    assertThat(files).containsExactly("NOTICE.md", "README.md", "aave_v3_ethereum_liquidation_events_2025.csv",
        "eth_dvol_daily_deribit.csv", "eth_usdt_1h_2017-2025.csv", "maker/ethb_dai_borrows.csv", "maker/ethb_dai_repayments.csv",
        "maker/ethb_vault_creations.csv", "maker/ethb_vault_deposits.csv", "maker/ethb_vault_liquidations.csv",
        "maker/ethb_vault_withdrawals.csv");
    assertThat(bytes).isLessThan(9_000_000); // the repository stays small
  }

  @Test
  void theHourlyBarsAreTheNoticedSpanWithTheReadmesGapsAndSpotChecks() {
    OhlcSeries h = OhlcReader.read(TestData.shippedHourly());
    // NOTICE.md: 72,583 bars, 2017-08-17T04:00Z to 2025-12-02T18:00Z; README: 28 gaps, 128 missing hours, none after 2023-03-24
    assertThat(h.bars()).hasSize(72_583);
    assertThat(h.start()).isEqualTo(Instant.parse("2017-08-17T04:00:00Z"));
    assertThat(h.bars().get(h.bars().size() - 1).time()).isEqualTo(Instant.parse("2025-12-02T18:00:00Z"));
    assertThat(h.gaps()).hasSize(28);
    assertThat(h.missingBars()).isEqualTo(128);
    // README spot checks: daily lows and closes
    assertThat(day(h, "2020-03-13").lowestBar().low()).isEqualTo(86.00);
    assertThat(day(h, "2020-03-12").bars().get(23).close()).isEqualTo(107.82);
    assertThat(day(h, "2021-05-19").lowestBar().low()).isEqualTo(1888.00);
    assertThat(day(h, "2021-05-19").bars().get(23).close()).isEqualTo(2438.92);
    assertThat(day(h, "2022-06-18").lowestBar().low()).isEqualTo(881.56);
    assertThat(day(h, "2024-08-05").lowestBar().low()).isEqualTo(2111.00);
    assertThat(day(h, "2025-10-10").lowestBar().low()).isEqualTo(3435.00);
    assertThat(day(h, "2025-10-10").bars().get(23).close()).isEqualTo(3829.72);
  }

  private static OhlcSeries day(OhlcSeries h, String date) {
    Instant start = Instant.parse(date + "T00:00:00Z");
    return h.window(start, start.plusSeconds(86_400));
  }
}
