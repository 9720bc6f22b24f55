package noliq.lab.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import noliq.lab.engine.Progress;
import noliq.lab.report.MetricRow;
import noliq.lab.report.Report;
import noliq.lab.report.ReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyReportTest {
  @TempDir Path tmp;

  private static final List<DesignModel> TOYS = List.of(ToyDesigns.debt(), ToyDesigns.book("aave"), ToyDesigns.book("maker"),
      ToyDesigns.windowed("calm", 0.02, 0.5), ToyDesigns.windowed("costly", 0.2, 3.0), ToyDesigns.nHolder());

  private static StudyConfig small(int threads, int days) {
    // 600 paths: three chunks, so two threads really interleave; the crash adds a second kind of scenario.
    return new StudyConfig("toy study", List.of("gbm", "may-2021"), 600, 20, days, 2500.0, 99L, threads, List.of(), null, 2);
  }

  private static StudyRunner.StudyResult run(StudyConfig c) {
    return StudyRunner.run(c, TOYS, n -> Progress.none());
  }

  @Test
  void theSameSeedGivesByteIdenticalFilesOnOneThreadOrTwo() throws IOException {
    Path one = ReportWriter.write(StudyReport.build(run(small(1, 2))), tmp.resolve("one"));
    Path two = ReportWriter.write(StudyReport.build(run(small(2, 2))), tmp.resolve("two"));
    for (String f : List.of("summary.json", "index.html", "metrics.csv", "paths.csv.gz", "scenario-gbm.csv")) {
      assertThat(Files.readAllBytes(two.resolve(f))).as(f).isEqualTo(Files.readAllBytes(one.resolve(f)));
    }
    assertThat(Files.readString(one.resolve("summary.json"))).doesNotContain("threads");
  }

  @Test
  void thePageOpensWithTheAnswerThenContentsAndLinksItsCharts() throws IOException {
    Path dir = ReportWriter.write(StudyReport.build(run(small(2, 2))), tmp.resolve("r"));
    String html = Files.readString(dir.resolve("index.html"));
    assertThat(html.indexOf("Who bears what")).isPositive().isLessThan(html.indexOf("Contents"));
    assertThat(html).doesNotContain("data:image/png;base64").contains("src=\"fan-gbm.png\"");
    assertThat(Files.size(dir.resolve("index.html"))).isLessThan(2_000_000);
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertThat(summary.get("schemaVersion").asInt()).isEqualTo(StudyReport.SCHEMA_VERSION);
    assertThat(summary.at("/answer/columns").toString()).isEqualTo("[\"aave\",\"maker\",\"wrapper\",\"n-holder\"]");
    assertThat(summary.at("/answer/scenario").asText()).isEqualTo("gbm");
    // every sentence comes from the numbers: three to six of them
    assertThat(summary.get("findings").size()).isBetween(3, 6);
    assertThat(summary.get("findings").toString()).contains("Stable-value holder on gbm: ").contains("Leveraged holder on gbm: ")
        .contains("No scenario here holds a year");
    for (String file : List.of("README.md", "metrics.csv", "paths.csv.gz", "fan-gbm.png", "exceedance-stable.png", "forest-window.png")) {
      assertThat(dir.resolve(file)).exists();
    }
  }

  @Test
  void theLeveragedRowIsTheRolesLossPairedPathByPath() {
    StudyRunner.StudyResult result = run(small(1, 2));
    StudyRunner.ScenarioResult gbm = result.scenarios().get(0);
    var losses = Roles.byFamily(Roles.losses(result, gbm, MetricSpec.Role.LEVERAGED_HOLDER));
    double[] borrower = losses.get("aave").perPath();
    double[] n = losses.get("n-holder").perPath();
    double[] last = gbm.summary().metric("aave.toy.borrower_pnl_pct").values();
    for (int p = 0; p < borrower.length; p++) {
      // borrower loss = -200 r, N loss = -(150 r - 5) = -0.75 * (-borrower loss) + 5, on the same path's return r
      assertThat(borrower[p]).isEqualTo(-last[p]);
      assertThat(n[p]).isCloseTo(0.75 * borrower[p] + 5, within(1e-9));
    }
    Roles.Paired paired = Roles.pair(losses.get("n-holder"), losses.get("aave"));
    double mean = 0;
    long nBetter = 0;
    for (int p = 0; p < borrower.length; p++) {
      mean += (n[p] - borrower[p]) / borrower.length;
      nBetter += n[p] < borrower[p] ? 1 : 0;
    }
    assertThat(paired.meanDifference().value()).isCloseTo(mean, within(1e-9));
    assertThat(paired.optionsBetter().value()).isEqualTo((double) nBetter / borrower.length);
    assertThat(paired.optionsBetter().value() + paired.debtBetter().value() + paired.ties().value()).isCloseTo(1, within(1e-12));
  }

  @Test
  void perYearVerdictsOnlyOnAScenarioOfAYearAndTheTidyFilesLoad() throws IOException {
    StudyConfig year = new StudyConfig("toy", List.of("gbm", "may-2021"), 24, 8, 365, 2500.0, 5L, 1, List.of(), null, 1);
    StudyRunner.StudyResult result = run(year);
    List<Claims.Claim> claims = Claims.assess(result);
    // the 365-day model gets verdicts; the crash (a few days) none, only per-window figures
    assertThat(claims).extracting(Claims.Claim::scenario).containsOnly("gbm");
    assertThat(claims).hasSize(2);
    assertThat(claims.get(0).windows()).isEqualTo(24);
    assertThat(claims.get(0).rollCostVerdict().outcome()).isEqualTo(Claims.Outcome.PASS);
    assertThat(claims.get(1).rollCostVerdict().outcome()).isEqualTo(Claims.Outcome.FAIL);
    assertThat(Claims.perWindow(result)).extracting(Claims.WindowFigures::scenario).containsOnly("may-2021");
    Report report = StudyReport.build(result);
    Path dir = ReportWriter.write(report, tmp.resolve("year"));
    List<String> metrics = Files.readAllLines(dir.resolve("metrics.csv"));
    assertThat(metrics.get(0)).isEqualTo(String.join(",", MetricRow.COLUMNS));
    assertThat(metrics).anyMatch(l -> l.startsWith("gbm,wrapper.calm.auction,wrapper,stable-value holder,calm,auction,annual_deviation_pct,%/yr,standev,"));
    assertThat(metrics).noneMatch(l -> l.startsWith("may-2021,") && l.contains("annual_deviation_pct"));
    try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("paths.csv.gz")))) {
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      assertThat(lines.get(0)).isEqualTo("scenario,path,design,metric,value");
      assertThat(lines.stream().filter(l -> l.startsWith("gbm,0,aave.toy,")).toList()).contains("gbm,0,aave.toy,borrower_pnl_pct," + StudyReport.compact(result.scenarios().get(0).summary().metric("aave.toy.borrower_pnl_pct").values()[0]));
      // constants (forced sales, roll costs) are listed once in metrics.csv, not per path
      assertThat(lines).noneMatch(l -> l.contains("forced_sales_usd"));
    }
    assertThat(Files.readString(dir.resolve("index.html"))).contains("The post&#39;s claims".replace("&#39;", "'")).contains("forest-annual.png");
  }

  @Test
  void aLiquidityProviderMetricAddsItsRowAndSentenceWithoutANameList() {
    List<DesignModel> designs = new java.util.ArrayList<>(TOYS);
    designs.add(ToyDesigns.liquidityProvider("aave.liquidators", 2, 0.5));
    designs.add(ToyDesigns.liquidityProvider("wrapper.makers", 1, 0.1));
    StudyRunner.StudyResult result = StudyRunner.run(small(1, 2), designs, n -> Progress.none());
    Report report = StudyReport.build(result);
    Report.Table answer = report.tables().get(0);
    assertThat(answer.rows()).anyMatch(r -> r.get(0).equals("liquidity provider"));
    assertThat(report.findings()).anyMatch(f -> f.startsWith("Liquidity providers, in % of the capital they commit, on gbm: Aave v3.3 (debt) earns ")
        && f.contains("P-wrapper vault (options) earns ") && f.contains("Paid most per unit of risk: "));
    assertThat(report.sections()).extracting(Report.Section::id).contains("liquidity");
  }

  /** A provider that gains on every path is never said to "lose" anywhere: its tail and its weakest scenario read as gains. */
  @Test
  void aLiquidityProviderThatAlwaysGainsIsDescribedByItsGains() {
    List<DesignModel> designs = new java.util.ArrayList<>(TOYS);
    designs.add(ToyDesigns.liquidityProvider("aave.liquidators", 50, 0));
    StudyRunner.StudyResult result = StudyRunner.run(small(1, 2), designs, n -> Progress.none());
    String sentence = StudyReport.build(result).findings().stream().filter(f -> f.startsWith("Liquidity providers")).findFirst().orElseThrow();
    assertThat(sentence).contains("Aave v3.3 (debt) earns 50% a path on average, and gains at least 50% on 95% of paths")
        .contains("gains least on").doesNotContain("loses most").doesNotContain("p95 loss of -");
  }

  @Test
  void theTerminalShowsTheAnswerAndTheSentences() {
    StudyRunner.StudyResult result = run(small(1, 2));
    String table = StudyReport.terminal(StudyReport.build(result), result);
    assertThat(table).contains("Who bears what on gbm").contains("stable-value holder").contains("- Stable-value holder on gbm");
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
    StudyRunner.StudyResult result = run(config);
    Report report = StudyReport.build(result);
    StudyRunner.ScenarioResult crashes = result.scenarios().stream().filter(sr -> sr.scenario().name().equals("history-crashes")).findFirst().orElseThrow();
    Report.Table windows = StudyReport.windowsTable(result, crashes);
    assertThat(report.tables()).extracting(Report.Table::id).contains("history-crash-windows-list").doesNotContain("history-crash-windows");
    assertThat(windows.rows()).hasSize(2);
    assertThat(windows.rows().get(0).get(0)).isEqualTo("history-crash-2021-01-05");
    assertThat(windows.columns()).contains("toydebt.min_ratio", "wrapper.calm.auction.log_deviation_pct");
    assertThat((Double) windows.rows().get(1).get(windows.columns().indexOf("toydebt.min_ratio"))).isEqualTo(0.7);
    assertThat(report.tables()).extracting(Report.Table::id).contains("gaps-history", "scenario-history-crashes");
    // sixty days of history and week-long windows: no per-year verdict anywhere
    assertThat(Claims.assess(result)).isEmpty();
    assertThat(Claims.perWindow(result)).extracting(Claims.WindowFigures::scenario).contains("history", "history-crashes");
  }

  @Test
  void histogramsCountEveryPathAndThinnedSeriesKeepTheirEnds() {
    double[] v = new double[1000];
    for (int i = 0; i < v.length; i++) {
      v[i] = i;
    }
    Report.Series h = StudyReport.histogram("h", v);
    double[] y = h.y();
    assertThat(java.util.Arrays.stream(y, 0, StudyReport.HISTOGRAM_BINS).sum()).isEqualTo(1000);
    assertThat(h.x()).hasSize(StudyReport.HISTOGRAM_BINS + 1);
    assertThat(java.util.Arrays.copyOf(y, StudyReport.HISTOGRAM_BINS)).containsOnly(25.0);
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
