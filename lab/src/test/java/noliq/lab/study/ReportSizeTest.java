package noliq.lab.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import noliq.lab.report.Report;
import noliq.lab.report.ReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The size budget: {@code index.html} at most 2 MB and the whole default report (1,024 paths of a
 * year, 512 bridges per crash, the history's scenarios) at most 20 MB. The default study is too long for
 * a test, so the budget is checked by arithmetic ({@link ReportSize}): only the per-path dump grows with
 * the paths, and no chart's data grows with the horizon past {@link StudyReport#MAX_POINTS} points a
 * series. Every design of the default catalog runs on a few short paths of the model and of a crash; the
 * report and its projection to the default's paths must fit. {@code -Dnoliq.report=DIR} checks a report
 * already written instead ({@code ./noliq compare --quick}'s, whose scenarios are the default's), and with
 * {@code -Dnoliq.report.horizon=DIR2} (a few paths of the model over a year) composes the default's size from both.
 */
class ReportSizeTest {
  @TempDir Path tmp;

  @Test
  void theReportAndItsProjectionToTheDefaultPathsFitTheBudget() throws IOException {
    String given = System.getProperty("noliq.report", "");
    Path dir;
    if (given.isBlank()) {
      Report report = ReportSize.smallStudy("size check");
      dir = ReportWriter.write(report, tmp.resolve("report"));
      // no chart draws more than MAX_SERIES series of MAX_POINTS points
      for (Report.Chart c : report.charts()) {
        assertThat(c.series().size()).as(c.id() + ": series").isLessThanOrEqualTo(Report.MAX_SERIES);
        for (Report.Series s : c.series()) {
          assertThat(s.x().length).as(c.id() + " " + s.name() + ": points").isLessThanOrEqualTo(StudyReport.MAX_POINTS);
        }
      }
    } else {
      dir = Path.of(given);
    }
    ReportSize size = ReportSize.of(dir);
    System.out.print(size.describe());
    assertThat(size.indexHtml()).as("index.html, bytes").isLessThanOrEqualTo(ReportSize.PAGE_BUDGET);
    assertThat(size.total()).as("the report, bytes").isLessThanOrEqualTo(ReportSize.REPORT_BUDGET);
    assertThat(size.projectedTotal()).as("the report at the default's paths, bytes").isLessThanOrEqualTo(ReportSize.REPORT_BUDGET);
    // -Dnoliq.report.horizon=DIR: a few model paths over the default's year, whose model rows and time series replace the first's
    String horizon = System.getProperty("noliq.report.horizon", "");
    if (!horizon.isBlank()) {
      long composed = ReportSize.composed(size, dir, ReportSize.of(Path.of(horizon)), Path.of(horizon));
      System.out.printf(java.util.Locale.ROOT, "composed with the year-long model of %s: the default report %,d bytes%n", horizon, composed);
      assertThat(composed).as("the default report (its paths, its horizon), bytes").isLessThanOrEqualTo(ReportSize.REPORT_BUDGET);
    }
    // the per-path dump: a row (scenario, path, design, metric, value at 7 digits) costs a few bytes once compressed
    long rows = size.scenarios().values().stream().mapToLong(ReportSize.Scenario::rows).sum();
    assertThat(rows).isPositive();
    assertThat((double) size.pathsGz() / rows).as("paths.csv.gz, bytes a row").isLessThanOrEqualTo(ROW_BYTES);
  }

  /** Compressed bytes a row of paths.csv.gz may take; a quick report's rows take about 5.6. */
  private static final double ROW_BYTES = 8;

  @Test
  void noChartDataGrowsWithTheHorizonOrThePathsPastTheCap() {
    // a year of hourly steps, and a million paths' losses: each drawn with at most MAX_POINTS points, ends kept
    double[] hours = new double[365 * 24 + 1];
    for (int i = 0; i < hours.length; i++) {
      hours[i] = i / 24.0;
    }
    Report.Series year = StudyReport.thin("value", hours, hours);
    assertThat(year.x().length).isLessThanOrEqualTo(StudyReport.MAX_POINTS);
    assertThat(year.x()[year.x().length - 1]).isEqualTo(365.0);
    double[] losses = new java.util.Random(3).doubles(1_000_000).toArray();
    Report.Series curve = StudyReport.exceedance("loss", losses);
    assertThat(curve.x().length).isLessThanOrEqualTo(StudyReport.MAX_POINTS);
    assertThat(curve.x()[curve.x().length - 1]).isEqualTo(java.util.Arrays.stream(losses).max().orElseThrow());
    assertThat(curve.y()[0]).isEqualTo(1.0);
    Report.Series bars = StudyReport.histogram("loss", losses);
    assertThat(bars.x().length).isEqualTo(StudyReport.HISTOGRAM_BINS + 1);
    // the projection: a model scenario grows to the default's paths, a crash to its bridges, a history stays
    Map<String, Long> at = new HashMap<>();
    for (String kind : List.of("model", "crash_bridges", "crash_as_it_happened", "history", "history_crashes")) {
      at.put(kind, ReportSize.defaultPaths(kind, 7));
    }
    assertThat(at).containsEntry("model", (long) StudyPresets.COMPARE_PATHS).containsEntry("crash_bridges", (long) StudyPresets.COMPARE_CRASH_PATHS)
        .containsEntry("crash_as_it_happened", (long) StudyScenario.REPLAY_POPULATIONS).containsEntry("history", 7L).containsEntry("history_crashes", 7L);
  }

  @Test
  void theProjectionScalesEachScenariosRowsByItsDefaultPaths(@TempDir Path dir) throws IOException {
    // a hand-made report: 4 model paths and 2 crash bridges, every row alike, so compressed size scales with the rows
    StringBuilder csv = new StringBuilder("scenario,path,design,metric,value\n");
    java.util.Random r = new java.util.Random(1);
    for (int p = 0; p < 4; p++) {
      csv.append("default,").append(p).append(",aave,loss,").append(r.nextInt(1000)).append('\n');
    }
    for (int p = 0; p < 2; p++) {
      csv.append("mar-2020,").append(p).append(",aave,loss,").append(r.nextInt(1000)).append('\n');
    }
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(dir.resolve("paths.csv.gz")))) {
      out.write(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    Files.writeString(dir.resolve("index.html"), "<html></html>");
    Files.writeString(dir.resolve("summary.json"), "{\"inputs\":{\"scenarios\":[\"default: model, n=4, seed 1\","
        + "\"mar-2020: crash_bridges, n=2, seed -2\",\"history: history, n=1, seed 3\"]}}");
    ReportSize size = ReportSize.of(dir);
    assertThat(size.scenarios().get("default").rows()).isEqualTo(4);
    assertThat(size.scenarios().get("mar-2020").rows()).isEqualTo(2);
    assertThat(size.scenarios().get("history").rows()).isZero();
    long model = size.scenarios().get("default").compressedAlone();
    long crash = size.scenarios().get("mar-2020").compressedAlone();
    assertThat(size.projectedPathsGz()).isEqualTo(Math.round(model * 1024.0 / 4) + Math.round(crash * 512.0 / 2));
    assertThat(size.projectedTotal()).isEqualTo(size.total() - size.pathsGz() + size.projectedPathsGz());
  }
}
