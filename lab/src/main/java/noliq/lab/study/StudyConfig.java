package noliq.lab.study;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import noliq.lab.scenarios.CrashEvent;
import noliq.lab.scenarios.CrashEvents;
import noliq.lab.scenarios.Scenarios;
import noliq.math.RuleViolation;

/**
 * One configurable study, as {@code noliq simulate --config FILE.json} reads it. Every field but
 * the scenarios has a default; absent fields take it.
 *
 * @param title the report's title
 * @param scenarios what to run, in order: a stochastic model of {@link Scenarios#NAMES} or
 *     {@code bootstrap} ({@code paths} paths of {@code horizonDays} hourly steps from {@code x0}); a crash id of
 *     {@link CrashEvents} or {@code crashes} for all six ({@code crashPaths} bridges each through the
 *     event's own prices, plus the hourly history of the window when {@code prices} covers it);
 *     {@code history} (the whole {@code prices} file as one path); {@code history-crashes} (every
 *     crash window found in {@code prices} by {@link CrashWindows}' rule, one path each)
 * @param paths Monte Carlo paths per stochastic scenario
 * @param crashPaths bridge paths per crash
 * @param horizonDays length of a stochastic scenario's paths
 * @param x0 the ETH price stochastic paths start from
 * @param seed the study's seed; each scenario's seed is derived from it and the scenario's name
 * @param threads worker threads (results never depend on it); null: one per core
 * @param designs the designs to run, by id or id prefix ({@code wrapper} selects every
 *     {@code wrapper.*}); null or empty: every design of the catalog
 * @param prices an OHLC CSV file for {@code history}, {@code history-crashes} and crash histories
 * @param chartedPaths how many paths of each stochastic scenario are traced for the charts
 * @param assumptions overridden assumptions by name ({@link Assumptions}); absent names keep their defaults
 */
@JsonPropertyOrder({"title", "scenarios", "paths", "crashPaths", "horizonDays", "x0", "seed", "threads", "designs", "prices", "chartedPaths",
    "assumptions"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StudyConfig(
    String title,
    List<String> scenarios,
    Integer paths,
    Integer crashPaths,
    Integer horizonDays,
    Double x0,
    Long seed,
    Integer threads,
    List<String> designs,
    String prices,
    Integer chartedPaths,
    Map<String, Double> assumptions) {

  public static final String DEFAULT_TITLE = "noliq: options instead of debt, measured";
  public static final int DEFAULT_PATHS = 1024;
  public static final int DEFAULT_CRASH_PATHS = 512;
  public static final int DEFAULT_HORIZON_DAYS = 365;
  public static final double DEFAULT_X0 = 2500;
  public static final long DEFAULT_SEED = 20261121L;
  public static final int DEFAULT_CHARTED_PATHS = 3;
  /** All six crash events. */
  public static final String CRASHES = "crashes";
  public static final String HISTORY = "history";
  public static final String HISTORY_CRASHES = "history-crashes";

  private static final int MAX_PATHS = 10_000_000;
  private static final int MAX_HORIZON_DAYS = 3650;
  private static final int MAX_CHARTED = 20;

  /** A config file is small; anything larger is refused before it is read. */
  public static final long MAX_FILE_BYTES = 1L << 20;

  /**
   * Exact JSON types: an integer field takes an integer ({@code 4}, never {@code 4.5} nor
   * {@code "4"}), a number field a number, a text field a string; a key given twice is refused.
   */
  private static final ObjectMapper JSON = strict(JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build());

  private static ObjectMapper strict(ObjectMapper mapper) {
    for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Textual, LogicalType.Boolean)) {
      mapper.coercionConfigFor(type)
          .setCoercion(CoercionInputShape.String, type == LogicalType.Textual ? CoercionAction.TryConvert : CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Integer, type == LogicalType.Integer || type == LogicalType.Float
              ? CoercionAction.TryConvert : CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, type == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, type == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    return mapper;
  }

  public StudyConfig {
    title = title == null ? DEFAULT_TITLE : title;
    scenarios = scenarios == null ? null : List.copyOf(scenarios);
    paths = paths == null ? DEFAULT_PATHS : paths;
    crashPaths = crashPaths == null ? DEFAULT_CRASH_PATHS : crashPaths;
    horizonDays = horizonDays == null ? DEFAULT_HORIZON_DAYS : horizonDays;
    x0 = x0 == null ? DEFAULT_X0 : x0;
    seed = seed == null ? DEFAULT_SEED : seed;
    designs = designs == null ? List.of() : List.copyOf(designs);
    chartedPaths = chartedPaths == null ? DEFAULT_CHARTED_PATHS : chartedPaths;
    assumptions = assumptions == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(assumptions));
    Assumptions.apply("assumptions", assumptions);
    validate(scenarios, paths, crashPaths, horizonDays, x0, threads, prices, chartedPaths);
  }

  /** A config without overridden assumptions. */
  public StudyConfig(String title, List<String> scenarios, Integer paths, Integer crashPaths, Integer horizonDays, Double x0, Long seed,
      Integer threads, List<String> designs, String prices, Integer chartedPaths) {
    this(title, scenarios, paths, crashPaths, horizonDays, x0, seed, threads, designs, prices, chartedPaths, null);
  }

  /** The parameters the designs and models are built from: the defaults with {@link #assumptions()} applied. */
  public StudyParameters parameters() {
    return Assumptions.apply("assumptions", assumptions);
  }

  /** The same study with {@code overrides} as its assumptions (replacing the ones it had). */
  public StudyConfig withAssumptions(Map<String, Double> overrides) {
    return new StudyConfig(title, scenarios, paths, crashPaths, horizonDays, x0, seed, threads, designs, prices, chartedPaths, overrides);
  }

  /** The same study with {@code charted} traced paths per scenario. */
  public StudyConfig withChartedPaths(int charted) {
    return new StudyConfig(title, scenarios, paths, crashPaths, horizonDays, x0, seed, threads, designs, prices, charted, assumptions);
  }

  /** Every name a scenario entry may be. */
  public static List<String> scenarioNames() {
    List<String> names = new ArrayList<>(Scenarios.NAMES);
    names.add("bootstrap");
    names.addAll(CrashEvents.ALL.stream().map(CrashEvent::id).toList());
    names.addAll(List.of(CRASHES, HISTORY, HISTORY_CRASHES));
    return names;
  }

  private static void validate(List<String> scenarios, int paths, int crashPaths, int horizonDays, double x0,
      Integer threads, String prices, int chartedPaths) {
    if (scenarios == null || scenarios.isEmpty()) {
      throw new RuleViolation("scenarios", "must name at least one scenario (known: " + String.join(", ", scenarioNames()) + ")");
    }
    List<String> known = scenarioNames();
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < scenarios.size(); i++) {
      String s = scenarios.get(i);
      String key = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
      if (!known.contains(key)) {
        throw new RuleViolation("scenarios[" + i + "]", "unknown scenario '" + s + "' (known: " + String.join(", ", known) + ")");
      }
      if (!seen.add(key)) {
        throw new RuleViolation("scenarios[" + i + "]", "'" + s + "' is listed twice");
      }
      if ((key.equals(HISTORY) || key.equals(HISTORY_CRASHES)) && (prices == null || prices.isBlank())) {
        throw new RuleViolation("prices", "scenario '" + key + "' needs a price history file (prices, or --prices/--data)");
      }
    }
    range("paths", paths, 1, MAX_PATHS);
    range("crashPaths", crashPaths, 1, MAX_PATHS);
    range("horizonDays", horizonDays, 1, MAX_HORIZON_DAYS);
    if (!(x0 > 0) || Double.isInfinite(x0)) {
      throw new RuleViolation("x0", "must be a positive price (was " + x0 + ")");
    }
    if (threads != null) {
      range("threads", threads, 1, 1024);
    }
    range("chartedPaths", chartedPaths, 0, MAX_CHARTED);
    if (chartedPaths > Math.min(paths, crashPaths)) {
      throw new RuleViolation("chartedPaths", "cannot exceed the paths of a scenario (paths " + paths + ", crashPaths "
          + crashPaths + "; was " + chartedPaths + ")");
    }
  }

  private static void range(String field, long value, long min, long max) {
    if (value < min || value > max) {
      throw new RuleViolation(field, "must be between " + min + " and " + max + " (was " + value + ")");
    }
  }

  /** The scenario entries, normalised to lower case, in order. */
  public List<String> scenarioKeys() {
    return scenarios.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
  }

  /** The same study on {@code newThreads} threads (the results do not change). */
  public StudyConfig withThreads(Integer newThreads) {
    return new StudyConfig(title, scenarios, paths, crashPaths, horizonDays, x0, seed, newThreads, designs, prices, chartedPaths, assumptions);
  }

  /**
   * The designs of {@code catalog} this study runs, in catalog order. Refused when there are none
   * ("no designs: ...") or when an entry of {@link #designs()} matches no design.
   */
  public List<DesignModel> select(List<DesignModel> catalog) {
    if (catalog.isEmpty()) {
      throw new RuleViolation("designs", "no designs: the design catalog (DesignCatalog.defaults()) is empty in this build, so there is nothing to compare");
    }
    Set<String> ids = new LinkedHashSet<>();
    for (DesignModel d : catalog) {
      if (!ids.add(d.id())) {
        throw new RuleViolation("designs", "the catalog lists design '" + d.id() + "' twice");
      }
    }
    if (designs.isEmpty()) {
      return List.copyOf(catalog);
    }
    List<DesignModel> chosen = new ArrayList<>();
    for (int i = 0; i < designs.size(); i++) {
      String want = designs.get(i) == null ? "" : designs.get(i).strip();
      List<DesignModel> match = catalog.stream().filter(d -> d.id().equals(want) || d.id().startsWith(want + ".")).toList();
      if (match.isEmpty()) {
        throw new RuleViolation("designs[" + i + "]", "unknown design '" + want + "' (known: " + String.join(", ", ids) + ")");
      }
    }
    for (DesignModel d : catalog) {
      if (designs.stream().map(String::strip).anyMatch(w -> d.id().equals(w) || d.id().startsWith(w + "."))) {
        chosen.add(d);
      }
    }
    return chosen;
  }

  /** Reads a config file; unknown keys, wrong types and impossible values are refused naming the field. */
  public static StudyConfig read(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      if (!a.isRegularFile()) {
        throw new RuleViolation("config", file + " is not a regular file (" + (a.isDirectory() ? "a directory" : "a device, FIFO or socket") + ")");
      }
      if (a.size() > MAX_FILE_BYTES) {
        throw new RuleViolation("config", file + " holds " + a.size() + " bytes, more than the limit of " + MAX_FILE_BYTES);
      }
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (NoSuchFileException e) {
      throw new RuleViolation("config", "no such file: " + file);
    } catch (CharacterCodingException e) {
      throw new RuleViolation("config", file + " is not UTF-8 text");
    } catch (IOException e) {
      throw new RuleViolation("config", "cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Parses config JSON; {@code source} names it in messages. */
  public static StudyConfig parse(String json, String source) {
    StudyConfig config;
    try {
      config = JSON.readValue(json, StudyConfig.class);
    } catch (UnrecognizedPropertyException e) {
      throw new RuleViolation(e.getPropertyName(), "unknown key in " + source + " (known: "
          + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")");
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof RuleViolation rule) {
        throw rule;
      }
      String field = e.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      throw new RuleViolation(field.isEmpty() ? "config" : field, "invalid value in " + source + ": " + e.getOriginalMessage());
    } catch (JacksonException e) {
      throw new RuleViolation("config", source + " is not valid JSON: " + e.getOriginalMessage());
    }
    if (config == null) {
      throw new RuleViolation("config", source + " holds null; a study is a JSON object such as {\"scenarios\": [\"default\"]}");
    }
    return config;
  }

  /** This config as JSON, as {@link #parse} reads it. */
  public String toJson() {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot write the config: " + e.getOriginalMessage(), e);
    }
  }
}
