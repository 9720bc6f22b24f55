package noliq.lab.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import noliq.lab.engine.Progress;
import noliq.lab.report.Report;

/**
 * A written study report's size, and the size of the same study at the default preset's paths
 * (1,024 model paths, 512 bridges per crash, {@link StudyScenario#REPLAY_POPULATIONS} populations per
 * replayed crash), by arithmetic: only {@code paths.csv.gz} grows with the paths (one row per path and
 * varying figure), and the exceedance curves up to {@link StudyReport#MAX_POINTS} points a series; every
 * other file has a row per figure, scenario, bin or kept step, and the time series are capped at
 * {@link StudyReport#MAX_POINTS} points whatever the horizon. Each scenario's rows of the per-path dump
 * are compressed on their own (a little more than their share of the whole file: gzip finds fewer matches
 * in less text) and scaled by the default's paths over the report's.
 */
record ReportSize(long indexHtml, long total, long pathsGz, long exceedance, Map<String, Scenario> scenarios, long projectedPathsGz,
    long projectedExceedance) {

  /** One scenario of the report: its kind, paths, rows of the per-path dump and those rows compressed alone. */
  record Scenario(String kind, long paths, long rows, long compressedAlone, long defaultPaths, java.util.Set<String> figures) {}

  private static final Pattern SCENARIO = Pattern.compile("(.+): ([a-z_]+), n=(\\d+), seed -?\\d+");

  /** The budget: the page at most 2 MB (it links its images), the whole report at most 20 MB. */
  static final long PAGE_BUDGET = 2_000_000;
  static final long REPORT_BUDGET = 20_000_000;

  /** The report the size and browser tests check in the normal build: every default design on a few short paths of the model and a crash. */
  static Report smallStudy(String title) {
    StudyConfig config = new StudyConfig(title, List.of("default", "may-2021"), 8, 8, 3, 2500.0, 5L, 2, null, null, 1,
        Map.of());
    return StudyReport.build(StudyRunner.run(config, DesignCatalog.defaults(), n -> Progress.none()));
  }

  /** The default preset's size of the report, in bytes. */
  long projectedTotal() {
    return total - pathsGz - exceedance + projectedPathsGz + projectedExceedance;
  }

  static ReportSize of(Path dir) throws IOException {
    long total;
    long exceedance = 0;
    try (var files = Files.list(dir)) {
      total = 0;
      for (Path f : files.toList()) {
        total += Files.size(f);
        String name = f.getFileName().toString();
        if (name.startsWith("exceedance-") && name.endsWith(".csv")) {
          exceedance += Files.size(f);
        }
      }
    }
    JsonNode inputs = new ObjectMapper().readTree(dir.resolve("summary.json").toFile()).get("inputs");
    Map<String, String> kinds = new LinkedHashMap<>();
    Map<String, Long> paths = new LinkedHashMap<>();
    for (JsonNode s : inputs.get("scenarios")) {
      Matcher m = SCENARIO.matcher(s.asText());
      if (!m.matches()) {
        throw new IllegalStateException("a scenario input this check cannot read: " + s.asText());
      }
      kinds.put(m.group(1), m.group(2));
      paths.put(m.group(1), Long.parseLong(m.group(3)));
    }
    Map<String, StringBuilder> rowsText = new LinkedHashMap<>();
    Map<String, Long> rows = new LinkedHashMap<>();
    Map<String, java.util.Set<String>> figures = new LinkedHashMap<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("paths.csv.gz")))) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      boolean header = true;
      for (String line : text.split("\n")) {
        if (header) {
          header = false;
          continue;
        }
        String scenario = line.substring(0, line.indexOf(','));
        rowsText.computeIfAbsent(scenario, k -> new StringBuilder()).append(line).append('\n');
        rows.merge(scenario, 1L, Long::sum);
        String[] cells = line.split(",", 5);
        figures.computeIfAbsent(scenario, k -> new java.util.TreeSet<>()).add(cells[2] + "," + cells[3]);
      }
    }
    Map<String, Scenario> scenarios = new LinkedHashMap<>();
    long projected = 0;
    for (Map.Entry<String, String> e : kinds.entrySet()) {
      String name = e.getKey();
      long n = paths.get(name);
      long at = defaultPaths(e.getValue(), n);
      long alone = rowsText.containsKey(name) ? deflated(rowsText.get(name).toString()) : 0;
      scenarios.put(name, new Scenario(e.getValue(), n, rows.getOrDefault(name, 0L), alone, at, figures.getOrDefault(name, java.util.Set.of())));
      projected += n == 0 ? 0 : Math.round((double) alone * at / n);
    }
    long pathsGz = Files.size(dir.resolve("paths.csv.gz"));
    // the exceedance curves are on the primary (model) scenario: a point a path up to the cap
    long modelPaths = scenarios.values().stream().filter(s -> s.kind().equals("model")).mapToLong(Scenario::paths).findFirst().orElse(1);
    long modelDefault = scenarios.values().stream().filter(s -> s.kind().equals("model")).mapToLong(Scenario::defaultPaths).findFirst().orElse(1);
    long projectedExceedance = Math.round((double) exceedance * Math.min(modelDefault, StudyReport.MAX_POINTS)
        / Math.min(modelPaths, StudyReport.MAX_POINTS));
    return new ReportSize(Files.size(dir.resolve("index.html")), total, pathsGz, exceedance, scenarios, projected, projectedExceedance);
  }

  /**
   * The default's size from two reports, as the default study is too long to run for a check: {@code paths}, a report
   * of the default's scenarios (the quick preset's, say: 90 days), projected to the default's paths as {@link #of}
   * does; and {@code horizon}, a few paths of the model over the default's horizon (a year). The model's rows a path at
   * the default are the figures varying in either (a year adds the year-window figures; many paths make rare ones vary),
   * each at the first report's compressed bytes a row; the model's time series (more steps, up to the cap) are the
   * second's.
   */
  static long composed(ReportSize paths, Path pathsDir, ReportSize horizon, Path horizonDir) throws IOException {
    String model = paths.scenarios().entrySet().stream().filter(e -> e.getValue().kind().equals("model")).map(Map.Entry::getKey)
        .findFirst().orElseThrow(() -> new IllegalStateException("the paths report has no model scenario"));
    Scenario short_ = paths.scenarios().get(model);
    Scenario year = horizon.scenarios().get(model);
    if (year == null) {
      throw new IllegalStateException("the horizon report has no scenario " + model);
    }
    java.util.Set<String> either = new java.util.TreeSet<>(short_.figures());
    either.addAll(year.figures());
    double bytesARow = (double) short_.compressedAlone() / short_.rows();
    long total = paths.projectedTotal();
    total -= Math.round((double) short_.compressedAlone() * short_.defaultPaths() / short_.paths());
    total += Math.round(bytesARow * either.size() * short_.defaultPaths());
    for (String chart : java.util.List.of("prices-", "liquidations-", "wrappers-")) {
      for (String ext : java.util.List.of(".csv", ".png")) {
        Path a = pathsDir.resolve(chart + model + ext);
        Path b = horizonDir.resolve(chart + model + ext);
        total += (Files.exists(b) ? Files.size(b) : 0) - (Files.exists(a) ? Files.size(a) : 0);
      }
    }
    return total;
  }

  /** A scenario's paths in the default preset, by its kind. */
  static long defaultPaths(String kind, long paths) {
    return switch (kind) {
      case "model" -> StudyPresets.COMPARE_PATHS;
      case "crash_bridges" -> StudyPresets.COMPARE_CRASH_PATHS;
      case "crash_as_it_happened" -> StudyScenario.REPLAY_POPULATIONS;
      default -> paths; // the whole history (one path) and its crash windows (one each) do not change with the preset
    };
  }

  private static long deflated(String text) {
    Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
    try {
      d.setInput(text.getBytes(StandardCharsets.UTF_8));
      d.finish();
      byte[] buffer = new byte[1 << 16];
      long out = 0;
      while (!d.finished()) {
        out += d.deflate(buffer);
      }
      return out + 18; // gzip's header and trailer
    } finally {
      d.end();
    }
  }

  /** A table of the figures, for the test's log and the README. */
  String describe() {
    StringBuilder s = new StringBuilder(String.format(java.util.Locale.ROOT,
        "report %,d bytes (index.html %,d, paths.csv.gz %,d, exceedance CSVs %,d); at the default preset: paths.csv.gz %,d, exceedance %,d, "
            + "whole report %,d%n", total, indexHtml, pathsGz, exceedance, projectedPathsGz, projectedExceedance, projectedTotal()));
    scenarios.forEach((name, sc) -> s.append(String.format(java.util.Locale.ROOT, "  %-22s %-22s paths %5d -> %5d, rows %,9d, alone %,9d bytes (%.2f a row)%n",
        name, sc.kind(), sc.paths(), sc.defaultPaths(), sc.rows(), sc.compressedAlone(), sc.rows() == 0 ? 0 : (double) sc.compressedAlone() / sc.rows())));
    return s.toString();
  }
}
