package noliq.lab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import noliq.lab.engine.MonteCarlo;
import noliq.lab.engine.MonteCarloConfig;
import noliq.lab.engine.Progress;
import noliq.lab.engine.RunSummary;
import noliq.lab.metrics.Estimate;
import noliq.lab.metrics.Estimates;
import noliq.lab.report.Report.Chart;
import noliq.lab.report.Report.Series;
import noliq.lab.report.Report.Table;
import noliq.lab.scenarios.Gbm;
import noliq.math.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  @TempDir Path tmp;

  /** A small real study: GBM paths through the engine, summarised as a report. */
  private static Report study(int threads) {
    Gbm gbm = Gbm.hourly(0, 0.8);
    RunSummary run = MonteCarlo.run(new MonteCarloConfig(600, 7, threads), List.of("final", "min"), () -> {
      double[] path = new double[24 * 7 + 1];
      return (p, rng, out) -> {
        gbm.fill(2500, path, rng);
        double min = path[0];
        for (double x : path) {
          min = Math.min(min, x);
        }
        out[0] = path[path.length - 1];
        out[1] = min;
      };
    }, Progress.none());
    double[] x = new double[50];
    double[] y = new double[50];
    double[] sortedMin = run.metric("min").values();
    java.util.Arrays.sort(sortedMin);
    for (int i = 0; i < 50; i++) {
      x[i] = (i + 0.5) / 50;
      y[i] = noliq.lab.metrics.Quantiles.ofSorted(sortedMin, x[i]);
    }
    return Report.builder("GBM, one week")
        .input("paths", run.paths())
        .input("seed", run.seed())
        .finding("The week's low is below 2,000 on " + String.format(java.util.Locale.ROOT, "%.1f%%", 100 * run.metric("min").quantile(0.5).value() / 2500) + " of the median start.")
        .headline("final_mean_usd", run.metric("final").mean())
        .headline("min_p05_usd", run.metric("min").quantile(0.05))
        .table(new Table("per-scenario", "Per scenario <GBM>", List.of("scenario", "paths", "final", "min_p95"),
            List.of(List.of("gbm", 600, run.metric("final").mean(), run.metric("min").quantile(0.95)),
                List.of("gbm \"again\", with comma", 600, 2500.0, Estimates.proportion(3, 10)))))
        .table(Tables.metrics("metrics", "All metrics", run))
        .chart(new Chart("min-quantiles", "Quantiles of the weekly low", "probability", "USD",
            List.of(new Series("gbm", x, y), new Series("start", new double[] {0, 1}, new double[] {2500, 2500}))))
        .build();
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void writesEveryPartAndTheSameReportGivesByteIdenticalFiles() throws IOException {
    Path a = ReportWriter.write(study(1), tmp.resolve("a"));
    Path b = ReportWriter.write(study(3), tmp.resolve("b"));
    assertThat(files(a).stream().map(p -> p.getFileName().toString()))
        .containsExactly("index.html", "metrics.csv", "min-quantiles.csv", "min-quantiles.png", "per-scenario.csv", "summary.json");
    assertThat(Files.readAllLines(a.resolve("metrics.csv"))).hasSize(3)
        .first().asString().startsWith("metric,mean,mean_ci95_low,mean_ci95_high,p05,").endsWith(",min,max,n");
    for (Path f : files(a)) {
      assertThat(Files.readAllBytes(b.resolve(f.getFileName()))).as(f.getFileName().toString()).isEqualTo(Files.readAllBytes(f));
    }
  }

  @Test
  void theSummaryHoldsEveryHeadlineFigureWithItsIntervalAndN() throws IOException {
    Report r = study(2);
    Path dir = ReportWriter.write(r, tmp);
    JsonNode json = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertThat(json.get("title").asText()).isEqualTo("GBM, one week");
    assertThat(json.get("inputs").get("seed").asLong()).isEqualTo(7);
    Estimate mean = r.headline().get("final_mean_usd");
    JsonNode figure = json.get("headline").get("final_mean_usd");
    // at the report's precision: seven significant digits
    assertThat(figure.get("value").asDouble()).isEqualTo(Digits.rounded(mean.value())).isCloseTo(mean.value(), org.assertj.core.api.Assertions.withinPercentage(1e-4));
    assertThat(figure.get("n").asLong()).isEqualTo(600);
    assertThat(figure.get("ci95_low").asDouble()).isEqualTo(Digits.rounded(mean.low()));
    assertThat(json.get("tables").get("per-scenario").get("rows")).hasSize(2);
  }

  @Test
  void tablesBecomeCsvWithIntervalColumnsAndQuotedText() throws IOException {
    Path dir = ReportWriter.write(study(2), tmp);
    List<String> lines = Files.readAllLines(dir.resolve("per-scenario.csv"));
    // every row's estimates share their n: one n column ends the row
    assertThat(lines.get(0)).isEqualTo("scenario,paths,final,final_ci95_low,final_ci95_high,min_p95,min_p95_ci95_low,min_p95_ci95_high,n");
    assertThat(lines.get(1)).endsWith(",600");
    assertThat(lines.get(2)).startsWith("\"gbm \"\"again\"\", with comma\",600,2500,,,0.3,").endsWith(",10");
    // estimates of different n in a row keep an n column each
    Table mixed = new Table("mixed", "mixed", List.of("a", "b"), List.of(List.of(new Estimate(1, 5, 0.5, 1.5), new Estimate(2, 7, 1, 3))));
    assertThat(ReportWriter.tableCsv(mixed)).isEqualTo("a,a_ci95_low,a_ci95_high,a_n,b,b_ci95_low,b_ci95_high,b_n\n1,0.5,1.5,5,2,1,3,7\n");
    assertThat(Files.readAllLines(dir.resolve("min-quantiles.csv")).get(0)).isEqualTo("series,probability,USD");
    assertThat(Files.readAllLines(dir.resolve("min-quantiles.csv"))).hasSize(1 + 50 + 2);
  }

  @Test
  void seriesOnTheSameStepsAreWrittenWideAndOthersLong() {
    double[] days = {0, 0.5, 1};
    Report.Chart shared = new Report.Chart("p", "prices", "days", "USD", List.of(new Report.Series("exogenous", days, new double[] {2500, 2400.123456789, 2300}),
        new Report.Series("aave", days, new double[] {2500, 2390, Double.NaN})));
    assertThat(ReportWriter.chartCsv(shared)).isEqualTo("days,exogenous,aave\n0,2500,2500\n0.5,2400.123,2390\n1,2300,\n");
    Report.Chart apart = new Report.Chart("q", "curves", "loss", "share", List.of(new Report.Series("a", new double[] {1, 2}, new double[] {1, 0.5}),
        new Report.Series("b", new double[] {3}, new double[] {1})));
    assertThat(ReportWriter.chartCsv(apart)).isEqualTo("series,loss,share\na,1,1\na,2,0.5\nb,3,1\n");
  }

  @Test
  void theHtmlOpensOfflineAndLinksItsImagesInsteadOfInliningThem() throws IOException {
    Path dir = ReportWriter.write(study(2), tmp);
    String html = Files.readString(dir.resolve("index.html"));
    assertThat(html).contains("<h2>Findings</h2>", "src=\"min-quantiles.png\"", "Per scenario &lt;GBM&gt;");
    assertThat(html).doesNotContain("http://", "https://", "<script", "<link", "data:image");
    byte[] png = Files.readAllBytes(dir.resolve("min-quantiles.png"));
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    assertThat(ReportWriter.terminalTable(study(2))).contains("final_mean_usd", "95% interval");
  }

  @Test
  void aChartDrawsAtMostEightSeriesAndMarkers() {
    List<Report.Series> nine = new java.util.ArrayList<>();
    for (int i = 0; i < 9; i++) {
      nine.add(new Report.Series("s" + i, new double[] {0}, new double[] {i}));
    }
    assertThatThrownBy(() -> new Report.Chart("c", "t", "x", "y", nine)).isInstanceOf(noliq.math.RuleViolation.class)
        .hasMessageContaining("at most 8");
    assertThatThrownBy(() -> new Report.Chart("c", "t", "x", "y", nine.subList(0, 7), Report.ChartKind.HISTOGRAM,
        List.of(new Report.Marker("mean", 1), new Report.Marker("p95", 2)), List.of())).isInstanceOf(noliq.math.RuleViolation.class);
  }

  @Test
  void malformedReportsAreRefused() {
    assertThatThrownBy(() -> Report.builder("x").table(new Table("Bad Id", "t", List.of("a"), List.of())).build())
        .isInstanceOf(RuleViolation.class).hasMessageStartingWith("table.id: must be lower-case letters");
    assertThatThrownBy(() -> new Table("t", "t", List.of("a", "b"), List.of(List.of("x"))))
        .hasMessage("table t row 1: must have 2 cells (was 1)");
    assertThatThrownBy(() -> new Series("s", new double[2], new double[3]))
        .hasMessage("series s: x and y must have the same length (2 and 3)");
    Chart c = new Chart("same", "c", "x", "y", List.of(new Series("s", new double[1], new double[1])));
    assertThatThrownBy(() -> Report.builder("x").table(new Table("same", "t", List.of("a"), List.of())).chart(c).build())
        .hasMessage("chart.id: must be unique among tables and charts (was 'same' twice)");
  }

  @Test
  void numbersAreShownToFourSignificantDigits() {
    assertThat(ReportWriter.num(1234.5678)).isEqualTo("1235");
    assertThat(ReportWriter.num(0.0123456)).isEqualTo("0.01235");
    assertThat(ReportWriter.num(Double.NaN)).isEqualTo("n/a");
    assertThat(ReportWriter.num(12_345_678.0)).isEqualTo("1.235e+07");
  }

  /** A number that JSON writes as its text, but that has no double value for the CSV. */
  static final class Unwritable extends Number {
    private static final long serialVersionUID = 1L;

    Unwritable(int unused) {}

    @Override
    public String toString() {
      return "1";
    }

    @Override
    public int intValue() {
      throw new IllegalStateException("boom");
    }

    @Override
    public long longValue() {
      throw new IllegalStateException("boom");
    }

    @Override
    public float floatValue() {
      throw new IllegalStateException("boom");
    }

    @Override
    public double doubleValue() {
      throw new IllegalStateException("boom");
    }
  }

  @Test
  void writingIsAtomicAndAFailureLeavesTheDirectoryAsItWas() throws IOException {
    Path dir = tmp.resolve("report");
    ReportWriter.write(study(1), dir);
    List<Path> before = files(dir);
    String summary = Files.readString(dir.resolve("summary.json"));
    // A cell that cannot be written as CSV fails the write half-way, after summary.json.
    Report broken = Report.builder("broken").headline("x", Estimates.proportion(1, 2))
        .table(new Table("ok", "fine", List.of("a"), List.of(List.of(1))))
        .table(new Table("fails", "fails", List.of("a"), List.of(List.of(new Unwritable(1))))).build();
    assertThatThrownBy(() -> ReportWriter.write(broken, dir)).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    assertThat(files(dir)).isEqualTo(before);
    assertThat(Files.readString(dir.resolve("summary.json"))).isEqualTo(summary);
    assertThat(files(tmp)).containsExactly(dir); // no temporary directory left beside it
    // A previous report is replaced as a whole, by the new one.
    Report small = Report.builder("small").headline("x", Estimates.proportion(1, 2)).build();
    ReportWriter.write(small, dir);
    assertThat(files(dir)).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder("summary.json", "index.html");
    assertThat(files(tmp)).containsExactly(dir);
  }

  @Test
  void aDirectoryThatIsNotAReportIsNeverReplaced() throws IOException {
    Path mine = tmp.resolve("mine");
    Files.createDirectories(mine);
    Files.writeString(mine.resolve("notes.txt"), "keep");
    assertThatThrownBy(() -> ReportWriter.checkWritable(mine)).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("out: " + mine + " is a directory that holds other files than a noliq report");
    assertThatThrownBy(() -> ReportWriter.write(study(1), mine)).isInstanceOf(RuleViolation.class);
    assertThat(files(mine)).containsExactly(mine.resolve("notes.txt"));
    ReportWriter.checkWritable(tmp.resolve("new").resolve("deeper"));
    assertThat(tmp.resolve("new")).doesNotExist();
    ReportWriter.checkWritable(Files.createDirectories(tmp.resolve("empty")));
    assertThatThrownBy(() -> ReportWriter.checkWritable(Path.of("/proc/noliq-report"))).isInstanceOf(RuleViolation.class)
        .hasMessage("out: cannot write in /proc (no new directory can be made there)");
  }
}
