package noliq.lab.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import noliq.lab.metrics.Estimate;
import noliq.lab.report.Report.Chart;
import noliq.lab.report.Report.Series;
import noliq.lab.report.Report.Table;
import noliq.math.RuleViolation;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes a {@link Report} as a directory: {@code index.html}, {@code summary.json},
 * {@code <table>.csv} per table, {@code <chart>.csv} and {@code <chart>.png} per chart. Every file
 * is a pure function of the report (no dates, no random ids, fixed number formats), so the same
 * report gives byte-identical files.
 */
public final class ReportWriter {
  /** Compact: summary.json is for programs (jq, pandas), and indentation alone made up a third of it. */
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final CsvMapper CSV = new CsvMapper();
  private static final int CHART_WIDTH = 900;
  private static final int CHART_HEIGHT = 420;

  private ReportWriter() {}

  /**
   * Writes the report as the directory {@code dir}, atomically: every file is written into a
   * temporary directory beside {@code dir}, which is moved into place only when complete. A failure
   * leaves {@code dir} as it was and no temporary files behind. {@code dir} must be new, empty, or
   * a previous report (which is replaced as a whole); see {@link #checkWritable}.
   */
  public static Path write(Report report, Path dir) {
    System.setProperty("java.awt.headless", "true");
    Path target = dir.toAbsolutePath().normalize();
    checkWritable(target);
    Path tmp = null;
    try {
      Files.createDirectories(target.getParent());
      tmp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".noliq-tmp-");
      writeFiles(report, tmp);
      replace(tmp, target);
      tmp = null;
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + dir + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        deleteTree(tmp);
      }
    }
  }

  /**
   * Refuses, before any work, a report directory that cannot be written: {@code dir} must be new,
   * an empty directory or a previous report (only {@code summary.json}, {@code index.html} and other
   * plain files), and its nearest existing parent must take a new directory. Refusals name the field
   * {@code out}.
   */
  public static void checkWritable(Path dir) {
    Path target = dir.toAbsolutePath().normalize();
    if (target.getParent() == null) {
      throw new RuleViolation("out", "cannot be the root directory");
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        throw new RuleViolation("out", dir + " exists and is not a directory");
      }
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
        boolean any = false;
        boolean report = Files.isRegularFile(target.resolve("summary.json")) && Files.isRegularFile(target.resolve("index.html"));
        for (Path e : entries) {
          any = true;
          if (!Files.isRegularFile(e, LinkOption.NOFOLLOW_LINKS)) {
            report = false;
          }
        }
        if (any && !report) {
          throw new RuleViolation("out", dir + " is a directory that holds other files than a noliq report; "
              + "give a new or empty directory, or a previous report to replace");
        }
      } catch (IOException e) {
        throw new RuleViolation("out", "cannot read the directory " + dir + " (" + e.getClass().getSimpleName() + ")");
      }
    }
    Path parent = target.getParent();
    while (parent != null && !Files.exists(parent)) {
      parent = parent.getParent();
    }
    if (parent == null || !Files.isDirectory(parent)) {
      throw new RuleViolation("out", "cannot be created: " + target.getParent() + " is not a directory");
    }
    try {
      Files.delete(Files.createTempDirectory(parent, ".noliq-probe-"));
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      throw new RuleViolation("out", "cannot write in " + parent + " (no new directory can be made there)");
    }
  }

  private static void writeFiles(Report report, Path dir) throws IOException {
    Files.writeString(dir.resolve("summary.json"), summaryJson(report) + "\n", StandardCharsets.UTF_8);
    Map<String, byte[]> pngs = new LinkedHashMap<>();
    for (Table t : report.tables()) {
      Files.writeString(dir.resolve(t.id() + ".csv"), tableCsv(t), StandardCharsets.UTF_8);
    }
    // Each chart is drawn on its own image, so they are drawn side by side (the rest of the report is one thread's work).
    List<byte[]> drawn;
    try {
      drawn = report.charts().parallelStream().map(c -> {
        try {
          return png(c);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    for (int k = 0; k < report.charts().size(); k++) {
      Chart c = report.charts().get(k);
      Files.writeString(dir.resolve(c.id() + ".csv"), chartCsv(c), StandardCharsets.UTF_8);
      Files.write(dir.resolve(c.id() + ".png"), drawn.get(k));
      pngs.put(c.id(), drawn.get(k));
    }
    for (Map.Entry<String, byte[]> f : report.files().entrySet()) {
      Files.write(dir.resolve(f.getKey()), f.getValue());
    }
    Files.writeString(dir.resolve("index.html"), html(report, pngs), StandardCharsets.UTF_8);
  }

  /** Moves the finished {@code tmp} to {@code target}; a previous report there is set aside, then deleted. */
  private static void replace(Path tmp, Path target) throws IOException {
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      return;
    }
    Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".noliq-old-");
    Files.delete(old);
    Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
      throw e;
    }
    deleteTree(old);
  }

  private static void deleteTree(Path dir) {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // best effort: what is left is a hidden temporary directory, named as such
    }
  }

  /** The compact table for the terminal: the headline figures, one per line. */
  public static String terminalTable(Report report) {
    StringBuilder out = new StringBuilder();
    int width = Math.max(10, report.headline().keySet().stream().mapToInt(String::length).max().orElse(10));
    out.append(String.format(Locale.ROOT, "%-" + width + "s %14s %27s %9s%n", "figure", "value", "95% interval", "n"));
    report.headline().forEach((name, e) -> out.append(String.format(Locale.ROOT, "%-" + width + "s %14s %27s %9d%n",
        name, num(e.value()), "[" + num(e.low()) + ", " + num(e.high()) + "]", e.n())));
    return out.toString();
  }

  /**
   * {@code summary.json}: the inputs, findings, headline figures and the tables. A report that opens with an answer
   * (the study's) keeps it a summary: its answer and further entries ({@link Report#summary()}) hold the figures in
   * machine-readable form, and {@code tableFiles} names every table with its CSV instead of copying the tables (the
   * long-form metrics.csv holds every figure once). A report without an answer holds every table of its page.
   */
  public static String summaryJson(Report report) {
    Map<String, Object> root = new LinkedHashMap<>(report.summary());
    root.put("title", report.title());
    root.put("inputs", report.inputs());
    root.put("findings", report.findings());
    Map<String, Object> headline = new LinkedHashMap<>();
    report.headline().forEach((k, v) -> headline.put(k, estimateJson(v)));
    root.put("headline", headline);
    if (report.answer() != null) {
      List<Map<String, Object>> files = new ArrayList<>();
      for (Table t : report.tables()) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", t.id());
        f.put("file", t.id() + ".csv");
        f.put("title", t.title());
        f.put("rows", t.rows().size());
        files.add(f);
      }
      root.put("tableFiles", files);
    } else {
      Map<String, Object> tables = new LinkedHashMap<>();
      for (Table t : report.tables()) {
        tables.put(t.id(), tableJson(t));
      }
      root.put("tables", tables);
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write summary.json: " + e.getOriginalMessage(), e);
    }
  }

  /** A table as JSON: its title and its rows, each a map from column to cell (an estimate as value, n and bounds). */
  public static Map<String, Object> tableJson(Table t) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (List<Object> row : t.rows()) {
      Map<String, Object> r = new LinkedHashMap<>();
      for (int i = 0; i < row.size(); i++) {
        r.put(t.columns().get(i), cellJson(row.get(i)));
      }
      rows.add(r);
    }
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("title", t.title());
    table.put("rows", rows);
    return table;
  }

  private static Object cellJson(Object cell) {
    return switch (cell) {
      case Estimate e -> estimateJson(e);
      case Report.Figure f -> {
        Map<String, Object> m = estimateJson(f.estimate());
        m.put("unit", f.unit());
        yield m;
      }
      case Double d -> finiteOrNull(d);
      case Float f -> finiteOrNull(f.doubleValue());
      default -> cell;
    };
  }

  private static Map<String, Object> estimateJson(Estimate e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("value", finiteOrNull(e.value()));
    m.put("n", e.n());
    m.put("ci95_low", finiteOrNull(e.low()));
    m.put("ci95_high", finiteOrNull(e.high()));
    return m;
  }

  /** At the report's precision ({@link Digits}); null for NaN or an infinity. */
  private static Double finiteOrNull(double d) {
    return Double.isFinite(d) ? Digits.rounded(d) : null;
  }

  /**
   * A table as CSV: an estimate's column becomes its value, {@code _ci95_low}, {@code _ci95_high} and {@code _n}; when every
   * estimate of each row has the same n (a scenario's figures are all over its paths), one {@code n} column ends the row instead.
   */
  static String tableCsv(Table t) {
    int columns = t.columns().size();
    boolean[] estimateColumn = new boolean[columns];
    boolean sharedN = true;
    for (List<Object> row : t.rows()) {
      long n = -1;
      for (int i = 0; i < columns; i++) {
        Estimate e = estimateOf(row.get(i));
        estimateColumn[i] |= e != null;
        if (e != null) {
          sharedN &= n < 0 || e.n() == n;
          n = e.n();
        }
      }
    }
    int estimates = 0;
    for (boolean b : estimateColumn) {
      estimates += b ? 1 : 0;
    }
    sharedN &= estimates > 1;
    List<List<String>> lines = new ArrayList<>();
    List<String> header = new ArrayList<>();
    for (int i = 0; i < columns; i++) {
      String c = t.columns().get(i);
      header.add(c);
      if (estimateColumn[i]) {
        header.addAll(List.of(c + "_ci95_low", c + "_ci95_high"));
        if (!sharedN) {
          header.add(c + "_n");
        }
      }
    }
    if (sharedN) {
      header.add("n");
    }
    lines.add(header);
    for (List<Object> row : t.rows()) {
      List<String> cells = new ArrayList<>();
      long n = -1;
      for (int i = 0; i < columns; i++) {
        Object cell = row.get(i);
        Estimate e = estimateOf(cell);
        if (e != null) {
          cells.addAll(List.of(csvNumber(e.value()), csvNumber(e.low()), csvNumber(e.high())));
          if (!sharedN) {
            cells.add(Long.toString(e.n()));
          }
          n = e.n();
        } else {
          cells.add(cell instanceof Number num ? csvNumber(num.doubleValue(), num) : cell.toString());
          if (estimateColumn[i]) {
            cells.addAll(sharedN ? List.of("", "") : List.of("", "", ""));
          }
        }
      }
      if (sharedN) {
        cells.add(n < 0 ? "" : Long.toString(n));
      }
      lines.add(cells);
    }
    return csv(lines);
  }

  private static Estimate estimateOf(Object cell) {
    return cell instanceof Report.Figure f ? f.estimate() : cell instanceof Estimate e ? e : null;
  }

  /**
   * A chart's data: wide (the x column, then a column a series) when its series share their x values, as the time
   * series of one path do; else long (series, x, y). Wide, no series' name is repeated on every row, which made up
   * half of a time-series chart's data.
   */
  static String chartCsv(Chart c) {
    List<List<String>> lines = new ArrayList<>();
    if (sharedX(c.series())) {
      List<String> header = new ArrayList<>(List.of(c.xLabel()));
      c.series().forEach(s -> header.add(s.name()));
      lines.add(header);
      double[] x = c.series().get(0).x();
      for (int i = 0; i < x.length; i++) {
        List<String> row = new ArrayList<>(List.of(chartNumber(x[i])));
        for (Series s : c.series()) {
          row.add(chartNumber(s.y()[i]));
        }
        lines.add(row);
      }
      return csv(lines);
    }
    lines.add(List.of("series", c.xLabel(), c.yLabel()));
    for (Series s : c.series()) {
      double[] x = s.x();
      double[] y = s.y();
      for (int i = 0; i < x.length; i++) {
        lines.add(List.of(s.name(), chartNumber(x[i]), chartNumber(y[i])));
      }
    }
    return csv(lines);
  }

  /** Whether there are two or more series, with distinct names, all on the same x values. */
  static boolean sharedX(List<Series> series) {
    if (series.size() < 2 || series.stream().map(Series::name).distinct().count() < series.size()) {
      return false;
    }
    double[] x = series.get(0).x();
    return series.stream().allMatch(s -> java.util.Arrays.equals(s.x(), x));
  }

  private static String csv(List<List<String>> lines) {
    StringBuilder out = new StringBuilder();
    try {
      for (List<String> line : lines) {
        out.append(CSV.writeValueAsString(line.toArray(new String[0])).replace("\r\n", "\n"));
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write CSV: " + e.getOriginalMessage(), e);
    }
    return out.toString();
  }

  /** A chart's data, at the report's precision ({@link Digits}): what it draws (900 px wide) needs far fewer digits. */
  static String chartNumber(double d) {
    return Digits.of(d);
  }

  private static String csvNumber(double d, Number original) {
    return original instanceof Double || original instanceof Float ? csvNumber(d) : original.toString();
  }

  /** At the report's precision ({@link Digits}); empty for NaN (a missing bound). */
  private static String csvNumber(double d) {
    return Digits.of(d);
  }

  static byte[] png(Chart c) throws IOException {
    XYChart chart = new XYChartBuilder().width(CHART_WIDTH).height(c.kind() == Report.ChartKind.FOREST ? forestHeight(c) : CHART_HEIGHT)
        .title(c.title()).xAxisTitle(c.xLabel()).yAxisTitle(c.yLabel()).build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setLegendVisible(c.series().size() + c.markers().size() > 1);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    chart.getStyler().setChartTitleFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 13));
    chart.getStyler().setXAxisTickLabelsFormattingFunction(ReportWriter::tick);
    chart.getStyler().setYAxisTickLabelsFormattingFunction(ReportWriter::tick);
    switch (c.kind()) {
      case LINE -> {
        for (Series s : c.series()) {
          chart.addSeries(s.name(), s.x(), s.y()).setMarker(SeriesMarkers.NONE);
        }
      }
      case HISTOGRAM -> {
        double top = 0;
        for (Series s : c.series()) {
          var xy = chart.addSeries(s.name(), s.x(), s.y());
          xy.setMarker(SeriesMarkers.NONE);
          xy.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.StepArea);
          for (double y : s.y()) {
            top = Math.max(top, y);
          }
        }
        for (Report.Marker m : c.markers()) {
          chart.addSeries(m.name(), new double[] {m.x(), m.x()}, new double[] {0, top}).setMarker(SeriesMarkers.NONE);
        }
      }
      case FOREST -> {
        List<String> labels = c.rowLabels();
        // each row is named just above its point (axis ticks cannot be placed on rows)
        chart.getStyler().setYAxisTicksVisible(false);
        chart.getStyler().setYAxisMin(-0.7);
        chart.getStyler().setYAxisMax(labels.size() - 0.3);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        double[] points = c.series().get(c.series().size() - 1).x();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : c.series()) {
          for (double x : s.x()) {
            if (Double.isFinite(x)) {
              lo = Math.min(lo, x);
              hi = Math.max(hi, x);
            }
          }
        }
        for (Report.Marker m : c.markers()) {
          lo = Math.min(lo, m.x());
          hi = Math.max(hi, m.x());
        }
        double margin = 0.2 * (hi - lo);
        for (int i = 0; i < labels.size() && i < points.length; i++) {
          double x = hi - lo > 0 ? Math.min(hi - margin, Math.max(lo + margin, points[i])) : points[i];
          chart.addAnnotation(new org.knowm.xchart.AnnotationText(labels.get(i), x, i + 0.38, false));
        }
        chart.getStyler().setPlotGridHorizontalLinesVisible(false);
        for (Series s : c.series()) {
          var xy = chart.addSeries(s.name(), s.x(), s.y());
          if (s.name().startsWith("interval")) {
            xy.setMarker(SeriesMarkers.NONE);
          } else {
            xy.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
          }
        }
        for (Report.Marker m : c.markers()) {
          chart.addSeries(m.name(), new double[] {m.x(), m.x()}, new double[] {-0.7, labels.size() - 0.3}).setMarker(SeriesMarkers.NONE);
        }
      }
    }
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    if (!javax.imageio.ImageIO.write(indexed(BitmapEncoder.getBufferedImage(chart)), "png", png)) {
      throw new IllegalStateException("no PNG writer in this Java runtime");
    }
    return png.toByteArray();
  }

  /**
   * The chart in at most 256 colours: the image's own most frequent colours (its background, grid, text and series), every
   * other (an anti-aliased edge's blend) drawn in the nearest of them, without dithering. A chart keeps its look, and its
   * PNG is two fifths smaller than in 24-bit colour. Deterministic: ties in frequency go to the smaller RGB value.
   */
  static java.awt.image.BufferedImage indexed(java.awt.image.BufferedImage rgb) {
    int w = rgb.getWidth();
    int h = rgb.getHeight();
    int[] pixels = rgb.getRGB(0, 0, w, h, null, 0, w);
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] &= 0xffffff;
    }
    // The distinct colours and their counts from the pixels sorted (a grey's RGB hashes to few buckets: a map of boxed
    // colours spent most of a chart's time in its collisions).
    int[] sorted = pixels.clone();
    Arrays.sort(sorted);
    int distinct = 0;
    int[] colour = new int[sorted.length];
    int[] count = new int[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        colour[distinct++] = sorted[i];
      }
      count[distinct - 1]++;
    }
    // The palette: the most frequent first, ties to the smaller RGB value.
    Integer[] byFrequency = new Integer[distinct];
    for (int i = 0; i < distinct; i++) {
      byFrequency[i] = i;
    }
    Arrays.sort(byFrequency, (a, b) -> count[a] != count[b] ? Integer.compare(count[b], count[a]) : Integer.compare(colour[a], colour[b]));
    int n = Math.min(256, distinct);
    int[] palette = new int[n];
    byte[] r = new byte[n];
    byte[] g = new byte[n];
    byte[] b = new byte[n];
    // By distinct colour: its palette index, or the nearest palette colour's.
    int[] indexOf = new int[distinct];
    Arrays.fill(indexOf, -1);
    for (int i = 0; i < n; i++) {
      int c = colour[byFrequency[i]];
      palette[i] = c;
      r[i] = (byte) (c >> 16);
      g[i] = (byte) (c >> 8);
      b[i] = (byte) c;
      indexOf[byFrequency[i]] = i;
    }
    for (int d = 0; d < distinct; d++) {
      if (indexOf[d] < 0) {
        indexOf[d] = nearest(colour[d], palette);
      }
    }
    java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_BYTE_INDEXED,
        new java.awt.image.IndexColorModel(8, n, r, g, b));
    java.awt.image.WritableRaster raster = out.getRaster();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        raster.setSample(x, y, 0, indexOf[Arrays.binarySearch(colour, 0, distinct, pixels[y * w + x])]);
      }
    }
    return out;
  }

  /** The index of the palette colour nearest to {@code c} (squared RGB distance; the first on a tie). */
  private static int nearest(int c, int[] palette) {
    int best = 0;
    long bestDistance = Long.MAX_VALUE;
    for (int i = 0; i < palette.length; i++) {
      int p = palette[i];
      long dr = ((p >> 16) & 255) - ((c >> 16) & 255);
      long dg = ((p >> 8) & 255) - ((c >> 8) & 255);
      long db = (p & 255) - (c & 255);
      long d = dr * dr + dg * dg + db * db;
      if (d < bestDistance) {
        bestDistance = d;
        best = i;
      }
    }
    return best;
  }

  private static int forestHeight(Chart c) {
    return Math.max(CHART_HEIGHT, 140 + 36 * c.rowLabels().size());
  }

  /** Axis ticks as people write them: 1,500 and 2.5M, never 1.5E3. */
  static String tick(double v) {
    double a = Math.abs(v);
    if (a >= 1e9) {
      return Human.plain(v / 1e9) + "B";
    }
    if (a >= 1e6) {
      return Human.plain(v / 1e6) + "M";
    }
    if (a >= 1e4) {
      return Human.plain(v / 1e3) + "K";
    }
    return Human.plain(v);
  }

  static String html(Report r, Map<String, byte[]> pngs) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        .append(esc(r.title())).append("</title>\n<style>\n")
        .append("body{font-family:system-ui,sans-serif;max-width:1180px;margin:1em auto;padding:0 1em;color:#222;line-height:1.4}\n")
        .append("h1{font-size:1.4em;margin:.1em 0}h2{margin-top:1.6em;border-bottom:1px solid #ddd}\n")
        .append("section{overflow-x:auto}.wrap{overflow-x:auto;max-width:100%}\n")
        .append("table{border-collapse:collapse;margin:.6em 0;font-size:90%}td,th{border:1px solid #ccc;padding:3px 6px;text-align:right;vertical-align:top;overflow-wrap:anywhere}\n")
        .append("th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}.ci{color:#777;font-size:85%}\n")
        .append("table.answer{font-size:80%;line-height:1.15}table.answer th{font-size:92%}table.answer td{padding:2px 4px}table.answer .ci{white-space:nowrap}table.answer td:first-child{overflow-wrap:normal;min-width:6.5em}.answer-text li{margin:.2em 0}\n")
        .append("img{max-width:100%;border:1px solid #eee}nav ol{columns:2}.note{color:#555;font-size:90%}\n")
        .append("</style>\n</head>\n<body>\n<h1>").append(esc(r.title())).append("</h1>\n");
    Map<String, Table> tables = new LinkedHashMap<>();
    r.tables().forEach(t -> tables.put(t.id(), t));
    Map<String, Chart> charts = new LinkedHashMap<>();
    r.charts().forEach(c -> charts.put(c.id(), c));
    if (r.answer() != null) {
      Table answer = tables.get(r.answer());
      // the answer's CSV is linked from its caption, not from a line of its own, so the sentences stay on the first screen
      h.append("<section id=\"answer\">\n<p style=\"margin:.3em 0\"><b>").append(esc(answer.title())).append("</b> <span class=\"note\">(<a href=\"")
          .append(esc(answer.id())).append(".csv\">").append(esc(answer.id())).append(".csv</a>)</span></p>\n");
      tableRows(h, answer, "answer");
      if (!r.findings().isEmpty()) {
        h.append("<ul class=\"answer-text\">\n");
        r.findings().forEach(f -> h.append("<li>").append(esc(f)).append("</li>\n"));
        h.append("</ul>\n");
      }
      h.append("</section>\n");
    } else if (!r.findings().isEmpty()) {
      h.append("<h2>Findings</h2>\n<ul class=\"findings\">\n");
      r.findings().forEach(f -> h.append("<li>").append(esc(f)).append("</li>\n"));
      h.append("</ul>\n");
    }
    // the report's own files, so a paragraph that names one links it
    java.util.Set<String> files = new java.util.HashSet<>(r.files().keySet());
    r.tables().forEach(t -> files.add(t.id() + ".csv"));
    r.charts().forEach(c -> files.add(c.id() + ".csv"));
    if (!r.sections().isEmpty()) {
      h.append("<nav>\n<h2>Contents</h2>\n<ol>\n");
      for (Report.Section sec : r.sections()) {
        h.append("<li><a href=\"#").append(esc(sec.id())).append("\">").append(esc(sec.title())).append("</a></li>\n");
      }
      h.append("</ol>\n</nav>\n");
      for (Report.Section sec : r.sections()) {
        h.append("<section id=\"").append(esc(sec.id())).append("\">\n<h2>").append(esc(sec.title())).append("</h2>\n");
        sec.paragraphs().forEach(p -> h.append("<p>").append(linked(esc(p), files)).append("</p>\n"));
        for (String item : sec.items()) {
          if (tables.containsKey(item)) {
            Table t = tables.get(item);
            h.append("<h3>").append(esc(t.title())).append("</h3>\n");
            table(h, t, "");
          } else {
            chart(h, charts.get(item));
          }
        }
        h.append("</section>\n");
      }
    } else {
      if (!r.headline().isEmpty()) {
        h.append("<h2>Headline figures</h2>\n<table>\n<tr><th>figure</th><th>value</th><th>95% interval</th><th>n</th></tr>\n");
        r.headline().forEach((name, e) -> h.append("<tr><td>").append(esc(name)).append("</td><td>").append(num(e.value()))
            .append("</td><td class=\"ci\">[").append(num(e.low())).append(", ").append(num(e.high()))
            .append("]</td><td>").append(e.n()).append("</td></tr>\n"));
        h.append("</table>\n");
      }
      for (Table t : r.tables()) {
        h.append("<h2>").append(esc(t.title())).append("</h2>\n");
        table(h, t, "");
      }
      for (Chart c : r.charts()) {
        chart(h, c);
      }
      if (!r.inputs().isEmpty()) {
        h.append("<h2>Inputs</h2>\n<table>\n");
        r.inputs().forEach((k, v) -> h.append("<tr><td>").append(esc(k)).append("</td><td>").append(esc(String.valueOf(v))).append("</td></tr>\n"));
        h.append("</table>\n");
      }
    }
    h.append("<p class=\"note\">Every figure: value [95% interval]; n is in the CSVs. Data: <a href=\"summary.json\">summary.json</a>");
    for (String f : r.files().keySet()) {
      h.append(", <a href=\"").append(esc(f)).append("\">").append(esc(f)).append("</a>");
    }
    h.append(".</p>\n</body>\n</html>\n");
    return h.toString();
  }

  private static final java.util.regex.Pattern FILE_NAME = java.util.regex.Pattern.compile("\\b[a-z0-9][a-z0-9_.-]*\\.csv(\\.gz)?\\b");

  /** {@code escaped} with every name of one of the report's {@code files} made a link to it. */
  static String linked(String escaped, java.util.Set<String> files) {
    return FILE_NAME.matcher(escaped).replaceAll(m -> files.contains(m.group())
        ? "<a href=\"" + java.util.regex.Matcher.quoteReplacement(m.group()) + "\">" + java.util.regex.Matcher.quoteReplacement(m.group()) + "</a>"
        : java.util.regex.Matcher.quoteReplacement(m.group()));
  }

  private static void table(StringBuilder h, Table t, String cssClass) {
    tableRows(h, t, cssClass);
    h.append("<p class=\"note\"><a href=\"").append(esc(t.id())).append(".csv\">").append(esc(t.id())).append(".csv</a></p>\n");
  }

  private static void tableRows(StringBuilder h, Table t, String cssClass) {
    h.append("<div class=\"wrap\"><table").append(cssClass.isEmpty() ? "" : " class=\"" + cssClass + "\"").append(">\n<tr>");
    t.columns().forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
    h.append("</tr>\n");
    for (List<Object> row : t.rows()) {
      h.append("<tr>");
      for (Object cell : row) {
        // the answer's cells keep value and interval on one line where they fit, so the table stays on the first screen
        String html = htmlCell(cell);
        h.append("<td>").append(cssClass.equals("answer") ? html.replace("<br>", " ") : html).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table></div>\n");
  }

  private static void chart(StringBuilder h, Chart c) {
    h.append("<figure><img loading=\"lazy\" alt=\"").append(esc(c.title())).append("\" src=\"").append(esc(c.id()))
        .append(".png\" width=\"").append(CHART_WIDTH).append("\"><figcaption class=\"note\">").append(esc(c.title()))
        .append(" (<a href=\"").append(esc(c.id())).append(".csv\">data</a>)</figcaption></figure>\n");
  }

  private static String htmlCell(Object cell) {
    return switch (cell) {
      case Report.Figure f -> {
        Estimate e = f.estimate();
        String value = esc(Human.of(e.value(), f.unit()));
        yield Double.isFinite(e.low()) || Double.isFinite(e.high())
            ? value + "<br><span class=\"ci\">[" + esc(Human.of(e.low(), f.unit())) + ", " + esc(Human.of(e.high(), f.unit())) + "]</span>"
            : value;
      }
      case Estimate e -> num(e.value()) + " <span class=\"ci\">[" + num(e.low()) + ", " + num(e.high()) + "] n=" + e.n() + "</span>";
      case Double d -> num(d);
      case Float f -> num(f);
      case Number n -> n.toString();
      default -> esc(cell.toString());
    };
  }

  /** Four significant digits, fixed locale; "n/a" for NaN. */
  public static String num(double d) {
    if (Double.isNaN(d)) {
      return "n/a";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return "0";
    }
    double a = Math.abs(d);
    if (a >= 1e-3 && a < 1e7) {
      String s = new java.math.BigDecimal(d).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
      return s;
    }
    return String.format(Locale.ROOT, "%.3e", d);
  }

  private static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }
}
