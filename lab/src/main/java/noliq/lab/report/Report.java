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
 */
public record Report(
    String title,
    Map<String, Object> inputs,
    List<String> findings,
    Map<String, Estimate> headline,
    List<Table> tables,
    List<Chart> charts) {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

  public Report {
    inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    findings = List.copyOf(findings);
    headline = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headline));
    tables = List.copyOf(tables);
    charts = List.copyOf(charts);
    Set<String> ids = new HashSet<>();
    for (Table t : tables) {
      checkId("table", t.id(), ids);
    }
    for (Chart c : charts) {
      checkId("chart", c.id(), ids);
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
          if (!(cell instanceof String || cell instanceof Number || cell instanceof Estimate)) {
            throw new RuleViolation("table " + id + " row " + (r + 1), "cells must be text, numbers or estimates (was " + cell + ")");
          }
        }
        copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
      }
      rows = List.copyOf(copy);
    }
  }

  /** A line chart of one or more series sharing the axes. */
  public record Chart(String id, String title, String xLabel, String yLabel, List<Series> series) {
    public Chart {
      series = List.copyOf(series);
      if (series.isEmpty()) {
        throw new RuleViolation("chart " + id, "needs at least one series");
      }
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

    public Report build() {
      return new Report(title, inputs, findings, headline, tables, charts);
    }
  }
}
