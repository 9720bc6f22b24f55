package noliq.lab.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import noliq.lab.engine.Progress;
import noliq.lab.report.Report;
import noliq.lab.report.ReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyReportTest {
  @TempDir Path tmp;

  private static final List<DesignModel> TOYS = List.of(ToyDesigns.debt(), ToyDesigns.wrapper("calm", 0.5), ToyDesigns.wrapper("costly", 3.0));

  private static StudyConfig small(int threads) {
    // 600 paths: three chunks, so two threads really interleave; the crash adds a second kind of scenario.
    return new StudyConfig("toy study", List.of("gbm", "may-2021"), 600, 20, 2, 2500.0, 99L, threads, List.of(), null, 2);
  }

  private static Report report(int threads) {
    return StudyReport.build(StudyRunner.run(small(threads), TOYS, n -> Progress.none()));
  }

  @Test
  void theSameSeedGivesAByteIdenticalSummaryAndReportOnOneThreadOrTwo() throws IOException {
    Path one = ReportWriter.write(report(1), tmp.resolve("one"));
    Path two = ReportWriter.write(report(2), tmp.resolve("two"));
    byte[] summary = Files.readAllBytes(one.resolve("summary.json"));
    assertThat(Files.readAllBytes(two.resolve("summary.json"))).isEqualTo(summary);
    assertThat(Files.readAllBytes(two.resolve("index.html"))).isEqualTo(Files.readAllBytes(one.resolve("index.html")));
    assertThat(Files.readAllBytes(two.resolve("scenario-gbm.csv"))).isEqualTo(Files.readAllBytes(one.resolve("scenario-gbm.csv")));
    assertThat(new String(summary, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("threads");
  }

  @Test
  void theReportHoldsFindingsHeadlinesClaimsTablesAndCharts() throws IOException {
    Path dir = ReportWriter.write(report(2), tmp.resolve("r"));
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    // Headline figures on the primary (model) scenario, each by its own statistic, with n and an interval.
    JsonNode lar = summary.at("/headline/toydebt.liquidated_usd");
    assertThat(lar.get("n").asInt()).isEqualTo(600);
    assertThat(summary.at("/headline/toydebt.liquidated/value").asDouble()).isBetween(0.0, 1.0);
    assertThat(summary.at("/headline/wrapper.calm.auction.roll_cost_pct_per_year/value").asDouble()).isEqualTo(0.5);
    assertThat(summary.at("/inputs/seed").asLong()).isEqualTo(99L);
    assertThat(summary.at("/inputs/scenarios").toString()).contains("gbm: model, n=600, seed ").contains("may-2021: crash_bridges, n=20");
    // The claims: fixed roll costs of 0.5 and 3 %/yr have zero-width intervals; the tracking error is judged on the
    // model only (a crash lasts a day).
    JsonNode claims = summary.at("/tables/claims/rows");
    assertThat(claims).hasSize(2);
    assertThat(claims.get(0).get("wrapper").asText()).isEqualTo("wrapper.calm.auction");
    assertThat(claims.get(0).get("scenario").asText()).isEqualTo("gbm");
    assertThat(claims.get(0).get("under_2").asText()).isEqualTo("yes");
    assertThat(claims.get(1).get("under_2").asText()).isEqualTo("no");
    assertThat(summary.get("findings").get(0).asText()).startsWith("3 designs on 2 scenarios, 620 paths in all, seed 99");
    assertThat(summary.get("findings").toString()).contains("Among the crashes it is highest in may-2021: LaR95 toydebt ")
        .contains("Debt on gbm: liquidation volume at the 95th percentile (LaR95) is toydebt ")
        .contains("Rolling by auction on gbm: tracking error from ")
        .contains("The post's claims on gbm, over 2 wrappers: ")
        .contains("roll cost under 2%/yr for 1 (1 over, 0 inconclusive)");
    assertThat(summary.at("/tables/headline-by-scenario/rows/0/may-2021/n").asInt()).isEqualTo(20);
    for (String file : List.of("index.html", "claims.csv", "scenario-gbm.csv", "scenario-may-2021.csv", "price-gbm.png",
        "price-may-2021.csv", "trace-gbm-wrapper.png", "trace-gbm-wrapper.csv", "dist-toydebt-liquidated_usd.png")) {
      assertThat(dir.resolve(file)).exists();
    }
    String html = Files.readString(dir.resolve("index.html"));
    assertThat(html.indexOf("Findings")).isLessThan(html.indexOf("Headline figures"));
    assertThat(html).contains("data:image/png;base64,").doesNotContain("src=\"price-gbm.png\"");
    // The endogenous price a design traces joins the scenario's price chart.
    assertThat(Files.readString(dir.resolve("price-gbm.csv"))).contains("toydebt: price_after_sales").contains("path 1 (exogenous)");
  }

  @Test
  void historyCrashWindowsGetATableWithEveryMetricPerWindowAndGapsAreListed() throws IOException {
    Path csv = tmp.resolve("eth.csv");
    StringBuilder text = new StringBuilder("timestamp_utc,open,high,low,close,volume\n");
    java.time.Instant t0 = java.time.Instant.parse("2021-01-01T00:00:00Z");
    for (int d = 0; d < 60; d++) {
      if (d == 40) {
        continue; // a missing day
      }
      double low = d == 10 || d == 30 ? 70 : 99; // two 30% falls, three weeks apart
      text.append(t0.plus(java.time.Duration.ofDays(d))).append(",100,101,").append(low).append(",100,1\n");
    }
    Files.writeString(csv, text);
    StudyConfig config = new StudyConfig("toy", List.of("gbm", "history", "history-crashes"), 20, 5, 2, 2500.0, 1L, 1, List.of(), csv.toString(), 1);
    Report report = StudyReport.build(StudyRunner.run(config, TOYS, n -> Progress.none()));
    Report.Table windows = report.tables().stream().filter(t -> t.id().equals("history-crash-windows")).findFirst().orElseThrow();
    assertThat(windows.rows()).hasSize(2);
    assertThat(windows.rows().get(0).get(0)).isEqualTo("history-crash-2021-01-05");
    assertThat(windows.columns()).contains("toydebt.min_ratio", "wrapper.calm.auction.tracking_error_pct");
    assertThat((Double) windows.rows().get(1).get(windows.columns().indexOf("toydebt.min_ratio"))).isEqualTo(0.7);
    assertThat(report.tables()).extracting(Report.Table::id).contains("gaps-history", "scenario-history-crashes");
    // Per-year claims are judged on the model and on the whole history, never on week-long windows.
    assertThat(Claims.assess(StudyRunner.run(config, TOYS, n -> Progress.none()))).extracting(Claims.Claim::scenario)
        .containsExactly("gbm", "gbm", "history", "history");
  }

  @Test
  void theTerminalTableShowsTheHeadlineFiguresAndTheClaims() {
    StudyRunner.StudyResult result = StudyRunner.run(small(1), TOYS, n -> Progress.none());
    String table = StudyReport.terminal(StudyReport.build(result), result);
    assertThat(table).contains("toydebt.liquidated_usd").contains("95% interval")
        .contains("wrapper.costly.auction on gbm").contains("under 2%/yr: no");
  }

  @Test
  void histogramsCountEveryPathAndThinnedSeriesKeepTheirEnds() {
    noliq.lab.metrics.Sample s = new noliq.lab.metrics.Sample();
    for (int i = 0; i < 1000; i++) {
      s.add(i);
    }
    Report.Series h = StudyReport.histogram("h", s);
    assertThat(java.util.Arrays.stream(h.y()).sum()).isEqualTo(1000);
    assertThat(h.y()).hasSize(StudyReport.HISTOGRAM_BINS).containsOnly(25.0);
    double[] x = new double[3001];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
    }
    Report.Series thin = StudyReport.thin("t", x, x);
    assertThat(thin.x().length).isLessThanOrEqualTo(StudyReport.MAX_POINTS);
    assertThat(thin.x()[0]).isEqualTo(0);
    assertThat(thin.x()[thin.x().length - 1]).isEqualTo(3000);
  }
}
