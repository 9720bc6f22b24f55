package noliq.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import noliq.lab.engine.Parallel;
import noliq.lab.study.Assumptions;
import noliq.lab.sweep.SweepEngine;
import noliq.lab.sweep.SweepOutput;
import noliq.lab.sweep.SweepRunner;
import noliq.lab.sweep.SweepSpec;
import noliq.math.RuleViolation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** One study per point of a grid or a Latin hypercube of assumptions, resumable, locally or on Spark. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    header = "One study per point of a grid of assumptions; resumable.",
    footerHeading = "%nExamples:%n",
    footer = {"  noliq sweep --list-assumptions", "  noliq sweep --config sweep.json --out sweep --dry-run",
        "  noliq sweep --config sweep.json --out sweep --engine spark --master local[2]"},
    description = {
        "Run one study per point of a grid or Latin hypercube of assumptions, into DIR.",
        "The config is a simulate config plus exactly one of \"grid\": {NAME: [VALUE, ...]} (the cartesian product) or",
        "\"lhs\": {\"samples\": N, \"ranges\": {NAME: [LOW, HIGH]}, \"seed\": S}. Every point runs the same scenarios, designs",
        "and seeds. Writes sweep.csv (long form), a tornado chart per headline quantity, a heat map for two-name grids and",
        "regions.txt (the post's claims as regions). Each point is written as it finishes; rerunning skips points already",
        "in DIR. Names: every assumption of the report's assumptions table (noliq sweep --list-assumptions)."
    })
final class SweepCommand implements Callable<Integer> {
  /** The JVM options Spark 4.2 needs on JDK 17+ (spark-launcher's JavaModuleOptions; the spark module's test checks they agree). */
  static final List<String> SPARK_JVM_OPTIONS = List.of("-XX:+IgnoreUnrecognizedVMOptions", "--add-modules=jdk.incubator.vector",
      "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
      "--add-opens=java.base/sun.security.action=ALL-UNNAMED", "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
      "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED", "-Dio.netty.tryReflectionSetAccessible=true",
      "-Dio.netty.allocator.type=pooled", "-Dio.netty.handler.ssl.defaultEndpointVerificationAlgorithm=NONE",
      "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED");

  /** Where the spark module's runnable classpath is found: this property, else the environment variable, else beside the project. */
  static final String SPARK_CLASSPATH_PROPERTY = "noliq.spark.classpath";
  static final String SPARK_CLASSPATH_ENV = "NOLIQ_SPARK_CLASSPATH";

  enum Engine { local, spark }

  @Spec CommandSpec spec;
  @Mixin Output output;
  @Mixin Quiet quiet;

  @Option(names = "--config", paramLabel = "FILE.json", description = "The sweep: a simulate config plus grid or lhs.")
  Path config;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "noliq-sweep", description = "Output directory (default: ${DEFAULT-VALUE}); a rerun resumes in it.")
  Path out;

  @Option(names = "--engine", paramLabel = "local|spark", defaultValue = "local", description = "Run the points here (local) or as Spark tasks (spark). Default: ${DEFAULT-VALUE}.")
  Engine engine;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master for --engine spark (default local[*]; e.g. spark://host:7077).")
  String master;

  @Option(names = "--threads", paramLabel = "T", description = "Threads per point for the local engine (results never depend on it).")
  Integer threads;

  @Option(names = "--dry-run", description = "Print the points and what they share, and run nothing.")
  boolean dryRun;

  @Option(names = "--list-assumptions", description = "List every assumption a sweep may vary, with its unit, range and default.")
  boolean list;

  /** What --dry-run prints. */
  record Plan(int points, List<String> names, List<Map<String, Object>> pointValues, int sharedRuns, int freshRunsPerPoint,
      List<String> varyingDesigns, List<String> varyingScenarios) {}

  /** What a finished sweep prints. */
  record Result(String engine, String out, int points, long rows, String primaryScenario, List<String> files, List<String> regions) {}

  @Override
  public Integer call() throws Exception {
    PrintWriter w = spec.commandLine().getOut();
    if (list) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Assumptions.Binding b : Assumptions.all()) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", b.name());
        r.put("area", b.area());
        r.put("default", Assumptions.format(b.defaultValue()));
        r.put("unit", b.unit());
        r.put("range", b.range());
        r.put("about", b.about());
        rows.add(r);
      }
      output.print(w, rows, rs -> rs.forEach(r -> w.printf(Locale.ROOT, "%-32s %-14s default %-14s %-16s %s%n", r.get("name"),
          r.get("area"), r.get("default"), r.get("range"), r.get("unit") + ": " + r.get("about"))));
      return 0;
    }
    if (config == null) {
      throw new RuleViolation("--config", "is required (a simulate config plus grid or lhs)");
    }
    if (master != null && engine != Engine.spark) {
      throw new RuleViolation("--master", "only applies with --engine spark");
    }
    if (threads != null && (threads < 1 || threads > 1024)) {
      throw new RuleViolation("--threads", "must be between 1 and 1024 (was " + threads + ")");
    }
    Limits.regularFile("--config", config, Limits.MAX_CONFIG_BYTES);
    SweepSpec sweep = SweepSpec.read(config);
    if (dryRun) {
      SweepEngine e = SweepEngine.of(sweep);
      int[] sf = e.sharedAndFresh();
      List<Map<String, Object>> pts = new ArrayList<>();
      for (SweepSpec.Point p : sweep.points()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("point", p.index());
        p.values().forEach((k, v) -> m.put(k, Assumptions.format(v)));
        pts.add(m);
      }
      Plan plan = new Plan(sweep.points().size(), sweep.names(), pts, sf[0], sf[1], List.copyOf(e.varyingDesigns()),
          List.copyOf(e.varyingScenarios()));
      output.print(w, plan, pl -> {
        w.println(String.join("\t", header(pl.names())));
        for (Map<String, Object> m : pl.pointValues()) {
          w.println(String.join("\t", m.values().stream().map(String::valueOf).toList()));
        }
        w.printf(Locale.ROOT, "%d points; each runs %d (scenario, design) pairs afresh and shares %d run once for all%n",
            pl.points(), pl.freshRunsPerPoint(), pl.sharedRuns());
        w.println("designs the swept assumptions reach: " + (pl.varyingDesigns().isEmpty() ? "none" : String.join(", ", pl.varyingDesigns())));
        w.println("scenarios whose paths they change: " + (pl.varyingScenarios().isEmpty() ? "none" : String.join(", ", pl.varyingScenarios())));
      });
      return 0;
    }
    long started = System.nanoTime();
    SweepOutput.Summary summary;
    if (engine == Engine.spark) {
      int code = runOnSpark();
      if (code != 0) {
        return code;
      }
      summary = SweepOutput.finish(sweep, out); // the same files the local engine leaves (idempotent; the driver wrote them)
    } else {
      int t = threads == null ? Parallel.defaultThreads() : threads;
      summary = SweepRunner.run(sweep, out, t, new Eta(quiet.quiet() ? new PrintWriter(java.io.Writer.nullWriter()) : spec.commandLine().getErr(), started));
    }
    Result result = new Result(engine.name(), out.toString(), summary.points(), summary.rows(), summary.primaryScenario(),
        summary.files(), summary.regions());
    output.print(w, result, r -> {
      w.printf(Locale.ROOT, "%d points, %d rows: %s%n", r.points(), r.rows(), out.resolve("sweep.csv"));
      w.println("the post's claims as regions (on " + r.primaryScenario() + "):");
      r.regions().forEach(s -> w.println("  " + s));
      w.println("charts and regions.txt in " + out);
    });
    return 0;
  }

  private static List<String> header(List<String> names) {
    List<String> h = new ArrayList<>(List.of("point"));
    h.addAll(names);
    return h;
  }

  /** Points done, points left and an ETA from the points this run has finished, on stderr. */
  static final class Eta implements SweepRunner.Listener {
    private final PrintWriter err;
    private final long started;
    private int already;
    private int ranHere;

    Eta(PrintWriter err, long started) {
      this.err = err;
      this.started = started;
    }

    @Override
    public void planned(int total, int alreadyDone, int sharedRuns, int freshRuns) {
      already = alreadyDone;
      err.printf(Locale.ROOT, "sweep: %d points, %d already done (resumed), %d left; per point %d (scenario, design) runs afresh, %d shared%n",
          total, alreadyDone, total - alreadyDone, freshRuns, sharedRuns);
      err.flush();
    }

    @Override
    public void pointDone(int index, int done, int total) {
      ranHere++;
      double elapsed = (System.nanoTime() - started) / 1e9;
      double eta = elapsed / ranHere * (total - done);
      err.printf(Locale.ROOT, "sweep: point %d done: %d of %d done, %d left, ETA %s%n", index, done, total, total - done, duration(eta));
      err.flush();
    }
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
        : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
  }

  /**
   * Runs the sweep as Spark tasks in a child JVM on the spark module's classpath (Spark stays out
   * of this jar), inheriting the terminal; returns its exit code.
   */
  private int runOnSpark() throws IOException, InterruptedException {
    String classpath = sparkClasspath();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(SPARK_JVM_OPTIONS);
    cmd.add("-cp");
    cmd.add(classpath);
    cmd.add("noliq.spark.SparkSweep");
    cmd.addAll(List.of("--config", config.toString(), "--out", out.toString(), "--master", master == null ? "local[*]" : master, "--points-only"));
    Process p = new ProcessBuilder(cmd).inheritIO().start();
    return p.waitFor();
  }

  /** The spark module's runnable classpath: its jar and its dependencies. */
  static String sparkClasspath() throws IOException {
    String given = System.getProperty(SPARK_CLASSPATH_PROPERTY, System.getenv(SPARK_CLASSPATH_ENV));
    if (given != null && !given.isBlank()) {
      return given;
    }
    // Beside the project: <root>/cli/target/noliq.jar -> <root>/spark/target/{noliq-spark.jar, spark-classpath.txt}.
    Path here;
    try {
      here = Path.of(SweepCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IOException(e);
    }
    Path root = here.toAbsolutePath().getParent().getParent().getParent();
    Path jar = root.resolve("spark/target/noliq-spark.jar");
    Path deps = root.resolve("spark/target/spark-classpath.txt");
    if (!Files.exists(jar) || !Files.exists(deps)) {
      throw new RuleViolation("--engine", "spark needs the spark module built (./mvnw -pl spark -am package -DskipTests, which "
          + "./noliq does on first use) or " + SPARK_CLASSPATH_ENV + " set to its classpath; not found: " + jar);
    }
    return jar + java.io.File.pathSeparator + Files.readString(deps, StandardCharsets.UTF_8).strip();
  }
}
