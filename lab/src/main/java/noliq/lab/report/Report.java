package noliq.lab.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import noliq.lab.metrics.Estimate;
import noliq.math.RuleViolation;

/**
 * Everything a report shows. Build one with {@link #builder(String)}; write it with
 * {@link ReportWriter#write}. Nothing in it depends on the clock: a run's date, if wanted, is an input.
 *
 * @param title the study's name
 * @param inputs the settings that produced it (seed, paths, scenario, ...), shown and saved as given
 * @param findings the summary at the top, one sentence each
 * @param headline the headline figures, by name, each with n and a 95% interval
 * @param tables the per-scenario tables
 * @param charts the charts
 * @param answer the answer that opens the page: the id of its table (null: none); the findings are its sentences
 * @param sections the page's sections by question, in order: each names the tables and charts it shows
 * @param files further files of the report directory (tidy outputs such as {@code metrics.csv}), by name
 * @param summary further top-level entries of {@code summary.json} (e.g. {@code schemaVersion}, the answer table)
 */
public record Report(
    String title,
    Map<String, Object> inputs,
    List<String> findings,
    Map<String, Estimate> headline,
    List<Table> tables,
    List<Chart> charts,
    String answer,
    List<Section> sections,
    Map<String, byte[]> files,
    Map<String, Object> summary) {

  /** Series (markers included) a chart may draw: more cannot be told apart. */
  public static final int MAX_SERIES = 8;
  private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  /** A report without sections, answer or extra files (every table and chart shown in order). */
  public Report(String title, Map<String, Object> inputs, List<String> findings, Map<String, Estimate> headline,
      List<Table> tables, List<Chart> charts) {
    this(title, inputs, findings, headline, tables, charts, null, List.of(), Map.of(), Map.of());
  }

  /**
   * One section of the page, answering one question: its paragraphs (generated text), then the
   * tables and charts it names, in order.
   */
  public record Section(String id, String title, List<String> paragraphs, List<String> items) {
    public Section {
      if (id == null || !ID.matcher(id).matches()) {
        throw new RuleViolation("section.id", "must be lower-case letters, digits, '-' or '_' (was '" + id + "')");
      }
      paragraphs = List.copyOf(paragraphs);
      items = List.copyOf(items);
    }
  }

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

  public Report {
    inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    findings = List.copyOf(findings);
    headline = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headline));
    tables = List.copyOf(tables);
    charts = List.copyOf(charts);
    sections = List.copyOf(sections);
    files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
    summary = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(summary));
    Set<String> ids = new HashSet<>();
    for (Table t : tables) {
      checkId("table", t.id(), ids);
    }
    for (Chart c : charts) {
      checkId("chart", c.id(), ids);
    }
    if (answer != null && tables.stream().noneMatch(t -> t.id().equals(answer))) {
      throw new RuleViolation("answer", "names no table of the report (was '" + answer + "')");
    }
    Set<String> sectionIds = new HashSet<>();
    for (Section sec : sections) {
      if (!sectionIds.add(sec.id())) {
        throw new RuleViolation("section.id", "must be unique (was '" + sec.id() + "' twice)");
      }
      for (String item : sec.items()) {
        if (!ids.contains(item)) {
          throw new RuleViolation("section " + sec.id(), "names no table or chart '" + item + "'");
        }
      }
    }
    for (String name : files.keySet()) {
      if (!FILE.matcher(name).matches()) {
        throw new RuleViolation("files", "names a file in the report directory: letters, digits, '.', '-', '_' (was '" + name + "')");
      }
    }
  }

  private static void checkId(String kind, String id, Set<String> seen) {
    if (!ID.matcher(id).matches()) {
      throw new RuleViolation(kind + ".id", "must be lower-case letters, digits, '-' or '_' (it names a file; was '" + id + "')");
    }
    if (!seen.add(id)) {
      throw new RuleViolation(kind + ".id", "must be unique among tables and charts (was '" + id + "' twice)");
    }
  }

  /**
   * A table. Cells are strings, numbers or {@link Estimate}s; an estimate column becomes four
   * columns in the CSV (value, 95% low, 95% high, n).
   */
  public record Table(String id, String title, List<String> columns, List<List<Object>> rows) {
    public Table {
      columns = List.copyOf(columns);
      List<List<Object>> copy = new ArrayList<>();
      for (int r = 0; r < rows.size(); r++) {
        List<Object> row = rows.get(r);
        if (row.size() != columns.size()) {
          throw new RuleViolation("table " + id + " row " + (r + 1), "must have " + columns.size() + " cells (was " + row.size() + ")");
        }
        for (Object cell : row) {
          if (!(cell instanceof String || cell instanceof Number || cell instanceof Estimate || cell instanceof Figure)) {
            throw new RuleViolation("table " + id + " row " + (r + 1), "cells must be text, numbers, estimates or figures (was " + cell + ")");
          }
        }
        copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
      }
      rows = List.copyOf(copy);
    }
  }

  /**
   * A figure with its unit, shown as people write it ({@link Human}): {@code $18.9M [17.1M, 20.2M]};
   * in CSV it is four columns like an estimate. A figure without an interval (a constant, an exact
   * count) shows none.
   */
  public record Figure(Estimate estimate, String unit) {
    public Figure {
      if (estimate == null || unit == null) {
        throw new RuleViolation("figure", "needs an estimate and a unit");
      }
    }

    public static Figure exact(double value, long n, String unit) {
      return new Figure(new Estimate(value, n, Double.NaN, Double.NaN), unit);
    }
  }

  /** How a chart draws its series. */
  public enum ChartKind {
    /** Lines sharing the axes. */
    LINE,
    /** Bars: each series' points are bin edges and counts (drawn as steps filled to 0); markers are vertical lines. */
    HISTOGRAM,
    /**
     * A forest plot: one row per label; series "interval" holds each row's segment (low, row) to
     * (high, row) separated by NaN, series "estimate" each row's point.
     */
    FOREST
  }

  /** A vertical line at {@code x} (the mean, the 95th percentile...). */
  public record Marker(String name, double x) {}

  /**
   * A chart of one or more series sharing the axes, at most {@link #MAX_SERIES} with its markers.
   * {@code rowLabels} name a forest plot's rows (row i at y = i).
   */
  public record Chart(String id, String title, String xLabel, String yLabel, List<Series> series, ChartKind kind,
      List<Marker> markers, List<String> rowLabels) {
    public Chart {
      series = List.copyOf(series);
      markers = List.copyOf(markers);
      rowLabels = List.copyOf(rowLabels);
      if (series.isEmpty()) {
        throw new RuleViolation("chart " + id, "needs at least one series");
      }
      if (series.size() + markers.size() > MAX_SERIES) {
        throw new RuleViolation("chart " + id, "draws at most " + MAX_SERIES + " series and markers (was " + (series.size() + markers.size()) + ")");
      }
    }

    /** A line chart. */
    public Chart(String id, String title, String xLabel, String yLabel, List<Series> series) {
      this(id, title, xLabel, yLabel, series, ChartKind.LINE, List.of(), List.of());
    }
  }

  /** One line: points {@code (x[i], y[i])}. */
  public record Series(String name, double[] x, double[] y) {
    public Series {
      if (x.length != y.length) {
        throw new RuleViolation("series " + name, "x and y must have the same length (" + x.length + " and " + y.length + ")");
      }
      if (x.length == 0) {
        throw new RuleViolation("series " + name, "needs at least one point");
      }
      x = x.clone();
      y = y.clone();
    }

    @Override
    public double[] x() {
      return x.clone();
    }

    @Override
    public double[] y() {
      return y.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Series s && s.name.equals(name) && Arrays.equals(s.x, x) && Arrays.equals(s.y, y);
    }

    @Override
    public int hashCode() {
      return name.hashCode() * 31 + Arrays.hashCode(x) * 17 + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
      return "Series[" + name + ", " + x.length + " points]";
    }
  }

  public static Builder builder(String title) {
    return new Builder(title);
  }

  /** Collects a report's parts in the order they are added. */
  public static final class Builder {
    private final String title;
    private final Map<String, Object> inputs = new LinkedHashMap<>();
    private final List<String> findings = new ArrayList<>();
    private final Map<String, Estimate> headline = new LinkedHashMap<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<Chart> charts = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, Object> summary = new LinkedHashMap<>();
    private String answer;

    private Builder(String title) {
      this.title = title;
    }

    public Builder input(String name, Object value) {
      inputs.put(name, value);
      return this;
    }

    public Builder finding(String sentence) {
      findings.add(sentence);
      return this;
    }

    public Builder headline(String name, Estimate figure) {
      headline.put(name, figure);
      return this;
    }

    public Builder table(Table table) {
      tables.add(table);
      return this;
    }

    public Builder chart(Chart chart) {
      charts.add(chart);
      return this;
    }

    /** The table that opens the page, with the findings as its sentences. */
    public Builder answer(String tableId) {
      answer = tableId;
      return this;
    }

    public Builder section(Section section) {
      sections.add(section);
      return this;
    }

    public Builder file(String name, byte[] content) {
      files.put(name, content.clone());
      return this;
    }

    public Builder summary(String key, Object value) {
      summary.put(key, value);
      return this;
    }

    public Report build() {
      return new Report(title, inputs, findings, headline, tables, charts, answer, sections, files, summary);
    }
  }
}
