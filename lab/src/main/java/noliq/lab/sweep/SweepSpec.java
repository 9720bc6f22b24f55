package noliq.lab.sweep;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import noliq.lab.engine.PathRandom;
import noliq.lab.study.Assumptions;
import noliq.lab.study.StudyConfig;
import noliq.math.RuleViolation;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;

/**
 * A sweep as {@code noliq sweep --config FILE.json} reads it: a {@code simulate} config plus
 * exactly one of {@code "grid": {NAME: [VALUE, ...]}} (the cartesian product, the last name
 * varying fastest) or {@code "lhs": {"samples": N, "ranges": {NAME: [LOW, HIGH]}, "seed": S}}
 * (N Latin-hypercube samples; whole-number assumptions are rounded to the nearest whole number).
 * A point's other assumptions are the config's {@code assumptions}, else the defaults. Every point
 * runs the same scenarios, designs and seeds (common random numbers), so differences between
 * points are paired.
 *
 * @param study the study each point runs (its assumptions are the base of every point)
 * @param names the swept assumptions, in column order
 * @param points every point, in order
 * @param design how the points were chosen, as JSON (for the manifest)
 */
public record SweepSpec(StudyConfig study, List<String> names, List<Point> points, String design) {
  /** The most points a sweep may have. */
  public static final int MAX_POINTS = 100_000;

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /**
   * One point: its number (from 1) and the swept assumptions' values, in {@link #names} order.
   *
   * @param index the point's number, from 1
   * @param values the swept assumptions' values, in column order
   */
  public record Point(int index, Map<String, Double> values) {
    public Point {
      values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
  }

  public SweepSpec {
    names = List.copyOf(names);
    points = List.copyOf(points);
  }

  /** The study config of point {@code p}: the base assumptions with the point's values over them, no charted paths. */
  public StudyConfig configOf(Point p) {
    Map<String, Double> all = new LinkedHashMap<>(study.assumptions());
    all.putAll(p.values());
    return study.withAssumptions(all).withChartedPaths(0);
  }

  /** The manifest that identifies this sweep's results (the thread count is left out: results never depend on it). */
  public String manifest() {
    ObjectNode m = JSON.createObjectNode();
    try {
      m.set("study", JSON.readTree(study.withThreads(null).toJson()));
      m.set("sweep", JSON.readTree(design));
    } catch (JacksonException e) {
      throw new IllegalStateException(e);
    }
    m.put("points", points.size());
    m.putPOJO("columns", names);
    return m.toPrettyString() + "\n";
  }

  public static SweepSpec read(Path file) {
    try {
      return parse(Files.readString(file), file.toString());
    } catch (NoSuchFileException e) {
      throw new RuleViolation("config", "no such file: " + file);
    } catch (IOException e) {
      throw new RuleViolation("config", "cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Parses a sweep config; every bad grid, range or value is refused naming the field and the rule. */
  public static SweepSpec parse(String json, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      throw new RuleViolation("config", source + " is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new RuleViolation("config", source + " must be a JSON object");
    }
    ObjectNode rest = ((ObjectNode) root).deepCopy();
    JsonNode grid = rest.remove("grid");
    JsonNode lhs = rest.remove("lhs");
    if ((grid == null) == (lhs == null)) {
      throw new RuleViolation(grid == null ? "grid" : "lhs", "a sweep needs exactly one of \"grid\" {NAME: [VALUE, ...]} or "
          + "\"lhs\" {\"samples\": N, \"ranges\": {NAME: [LOW, HIGH]}, \"seed\": S}");
    }
    StudyConfig study = StudyConfig.parse(rest.toString(), source);
    SweepSpec spec = grid != null ? grid(study, grid) : lhs(study, lhs);
    for (Point p : spec.points) {
      Map<String, Double> all = new LinkedHashMap<>(study.assumptions());
      all.putAll(p.values());
      Assumptions.apply("point " + p.index(), all); // a combination a parameter record refuses, named by its point
    }
    return spec;
  }

  private static SweepSpec grid(StudyConfig study, JsonNode grid) {
    if (!grid.isObject() || grid.isEmpty()) {
      throw new RuleViolation("grid", "must map at least one assumption to a list of values, e.g. {\"ammPoolDepthUsd\": [1e6, 1e7]}");
    }
    List<String> names = new ArrayList<>();
    List<List<Double>> values = new ArrayList<>();
    long count = 1;
    for (Iterator<Map.Entry<String, JsonNode>> it = grid.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String field = "grid." + e.getKey();
      Assumptions.Binding b = Assumptions.binding(field, e.getKey());
      notAlsoFixed(study, field, e.getKey());
      JsonNode list = e.getValue();
      if (!list.isArray() || list.isEmpty()) {
        throw new RuleViolation(field, "must be a non-empty list of numbers");
      }
      List<Double> vs = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        JsonNode v = list.get(i);
        if (!v.isNumber()) {
          throw new RuleViolation(field + "[" + i + "]", "must be a number (was " + v + ")");
        }
        double x = v.doubleValue();
        b.check(field + "[" + i + "]", x);
        if (vs.contains(x)) {
          throw new RuleViolation(field + "[" + i + "]", Assumptions.format(x) + " is listed twice");
        }
        vs.add(x);
      }
      names.add(e.getKey());
      values.add(vs);
      count *= vs.size();
      if (count > MAX_POINTS) {
        throw new RuleViolation("grid", "the product of the lists has more than " + MAX_POINTS + " points; sweep fewer values or use lhs");
      }
    }
    List<Point> points = new ArrayList<>();
    int[] at = new int[names.size()];
    for (int k = 0; k < count; k++) {
      Map<String, Double> p = new LinkedHashMap<>();
      for (int j = 0; j < names.size(); j++) {
        p.put(names.get(j), values.get(j).get(at[j]));
      }
      points.add(new Point(k + 1, p));
      for (int j = names.size() - 1; j >= 0; j--) {
        if (++at[j] < values.get(j).size()) {
          break;
        }
        at[j] = 0;
      }
    }
    ObjectNode design = JSON.createObjectNode();
    design.set("grid", grid);
    return new SweepSpec(study, names, points, design.toString());
  }

  private static SweepSpec lhs(StudyConfig study, JsonNode lhs) {
    if (!lhs.isObject()) {
      throw new RuleViolation("lhs", "must be {\"samples\": N, \"ranges\": {NAME: [LOW, HIGH]}, \"seed\": S}");
    }
    for (Iterator<String> it = lhs.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!List.of("samples", "ranges", "seed").contains(k)) {
        throw new RuleViolation("lhs." + k, "unknown key (known: samples, ranges, seed)");
      }
    }
    JsonNode n = lhs.get("samples");
    if (n == null || !n.isIntegralNumber() || n.asLong() < 1 || n.asLong() > MAX_POINTS) {
      throw new RuleViolation("lhs.samples", "must be a whole number between 1 and " + MAX_POINTS + " (was " + n + ")");
    }
    int samples = n.asInt();
    JsonNode s = lhs.get("seed");
    if (s != null && !s.isIntegralNumber()) {
      throw new RuleViolation("lhs.seed", "must be a whole number (was " + s + ")");
    }
    long seed = s == null ? study.seed() : s.asLong();
    JsonNode ranges = lhs.get("ranges");
    if (ranges == null || !ranges.isObject() || ranges.isEmpty()) {
      throw new RuleViolation("lhs.ranges", "must map at least one assumption to [LOW, HIGH]");
    }
    List<String> names = new ArrayList<>();
    List<double[]> columns = new ArrayList<>();
    int dim = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = ranges.fields(); it.hasNext(); dim++) {
      Map.Entry<String, JsonNode> e = it.next();
      String field = "lhs.ranges." + e.getKey();
      Assumptions.Binding b = Assumptions.binding(field, e.getKey());
      notAlsoFixed(study, field, e.getKey());
      JsonNode r = e.getValue();
      if (!r.isArray() || r.size() != 2 || !r.get(0).isNumber() || !r.get(1).isNumber()) {
        throw new RuleViolation(field, "must be [LOW, HIGH] (was " + r + ")");
      }
      double lo = r.get(0).doubleValue();
      double hi = r.get(1).doubleValue();
      b.check(field + "[0]", b.whole() ? Math.ceil(lo) : lo);
      b.check(field + "[1]", b.whole() ? Math.floor(hi) : hi);
      if (!(lo < hi)) {
        throw new RuleViolation(field, "LOW must be below HIGH (was " + Assumptions.format(lo) + ", " + Assumptions.format(hi) + ")");
      }
      if (b.whole() && Math.ceil(lo) > Math.floor(hi)) {
        throw new RuleViolation(field, "holds no whole number of " + b.unit());
      }
      // Stratum i of this dimension goes to sample perm[i]: one sample in each of the N equal strata.
      UniformRandomProvider rng = PathRandom.forPath(seed, dim, 0x1a5);
      int[] perm = PermutationSampler.natural(samples);
      PermutationSampler.shuffle(rng, perm);
      double[] col = new double[samples];
      for (int i = 0; i < samples; i++) {
        double x = lo + (perm[i] + rng.nextDouble()) / samples * (hi - lo);
        col[i] = b.whole() ? Math.min(Math.floor(hi), Math.max(Math.ceil(lo), Math.rint(x))) : x;
      }
      names.add(e.getKey());
      columns.add(col);
    }
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      Map<String, Double> p = new LinkedHashMap<>();
      for (int j = 0; j < names.size(); j++) {
        p.put(names.get(j), columns.get(j)[i]);
      }
      points.add(new Point(i + 1, p));
    }
    ObjectNode design = JSON.createObjectNode();
    ObjectNode l = design.putObject("lhs");
    l.put("samples", samples);
    l.set("ranges", ranges);
    l.put("seed", seed);
    return new SweepSpec(study, names, points, design.toString());
  }

  private static void notAlsoFixed(StudyConfig study, String field, String name) {
    if (study.assumptions().containsKey(name)) {
      throw new RuleViolation(field, "is also set in \"assumptions\"; a swept assumption is stated in one place");
    }
  }

  /** Whether this sweep is a grid (a heat map needs one with two names). */
  public boolean isGrid() {
    return design.startsWith("{\"grid\"");
  }
}
