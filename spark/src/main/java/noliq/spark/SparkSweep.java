package noliq.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import noliq.lab.engine.Parallel;
import noliq.lab.engine.Progress;
import noliq.lab.sweep.SweepEngine;
import noliq.lab.sweep.SweepOutput;
import noliq.lab.sweep.SweepRunner;
import noliq.lab.sweep.SweepSpec;
import noliq.math.RuleViolation;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * A sweep on Apache Spark: each point is one Spark task. The driver plans the sweep, runs once
 * what no swept assumption reaches (as the local engine does) and broadcasts those rows; each task
 * runs its point on one thread and returns its lines. A task writes its point file itself when it
 * sees the output directory (local mode, or a cluster whose workers share it), so an interrupted
 * sweep resumes as the local one does; the driver writes any point it collects that is not there
 * yet, then assembles the same {@code sweep.csv} the local engine writes ({@link SweepOutput}),
 * byte for byte: a point's lines do not depend on the thread or the machine that computed them.
 *
 * <p>Run by {@code noliq sweep --engine spark} (a child JVM on this module's class path), or by
 * {@code spark-submit --class noliq.spark.SparkSweep target/noliq-spark.jar --config F --out D}.
 */
public final class SparkSweep {
  private SparkSweep() {}

  /** Engines already planned in this JVM, by config text: an executor plans once for all its tasks. */
  private static final Map<String, SweepEngine> ENGINES = new ConcurrentHashMap<>();

  public static void main(String[] args) {
    String config = null;
    String out = "noliq-sweep";
    String master = null;
    boolean finish = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--config" -> config = value(args, ++i, "--config");
        case "--out" -> out = value(args, ++i, "--out");
        case "--master" -> master = value(args, ++i, "--master");
        case "--points-only" -> finish = false;
        default -> {
          System.err.println("noliq spark sweep: unknown option " + args[i] + " (known: --config FILE --out DIR [--master URL] [--points-only])");
          System.exit(2);
        }
      }
    }
    try {
      if (config == null) {
        throw new RuleViolation("--config", "is required");
      }
      Path file = Path.of(config);
      String json;
      try {
        json = Files.readString(file);
      } catch (java.io.IOException e) {
        throw new RuleViolation("--config", "cannot read " + file + ": " + e.getMessage());
      }
      SweepOutput.Summary s = run(json, file.toString(), Path.of(out), master, finish);
      if (s != null) {
        System.out.printf(Locale.ROOT, "%d points, %d rows: %s%n", s.points(), s.rows(), Path.of(out).resolve("sweep.csv"));
        s.regions().forEach(r -> System.out.println("  " + r));
      }
    } catch (RuleViolation e) {
      System.err.println("noliq sweep: " + e.getMessage());
      System.exit(2);
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new RuleViolation(option, "needs a value");
    }
    return args[i];
  }

  /**
   * Runs the sweep {@code json} into {@code out} on {@code master} (null: the one spark-submit
   * gives, else {@code local[*]}); with {@code finish}, assembles the results and returns their summary.
   */
  public static SweepOutput.Summary run(String json, String source, Path out, String master, boolean finish) {
    SweepSpec spec = SweepSpec.parse(json, source);
    List<SweepSpec.Point> todo = SweepRunner.prepare(spec, out);
    int total = spec.points().size();
    System.err.printf(Locale.ROOT, "sweep on spark: %d points, %d already done (resumed), %d left%n", total, total - todo.size(), todo.size());
    if (!todo.isEmpty()) {
      SparkSession.Builder builder = SparkSession.builder().appName("noliq sweep").config("spark.ui.enabled", "false");
      if (master != null) {
        builder.master(master);
        if (!master.startsWith("local")) {
          shipSelf(builder); // started by noliq rather than spark-submit: the executors need this jar
        }
      } else if (!new org.apache.spark.SparkConf().contains("spark.master")) {
        builder.master("local[*]");
      }
      SparkSession spark = builder.getOrCreate();
      try {
        runPoints(new JavaSparkContext(spark.sparkContext()), spec, json, source, todo, out, total);
      } finally {
        spark.stop();
      }
    }
    return finish ? SweepOutput.finish(spec, out) : null;
  }

  /** Sets spark.jars to the jar this class was loaded from, when it was loaded from one. */
  private static void shipSelf(SparkSession.Builder builder) {
    try {
      Path self = Path.of(SparkSweep.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (self.toString().endsWith(".jar")) {
        builder.config("spark.jars", self.toAbsolutePath().toString());
      }
    } catch (java.net.URISyntaxException | SecurityException e) {
      throw new IllegalStateException("cannot find the noliq-spark jar to ship to the executors", e);
    }
  }

  private static void runPoints(JavaSparkContext jsc, SweepSpec spec, String json, String source, List<SweepSpec.Point> todo, Path out,
      int total) {
    SweepEngine engine = SweepEngine.of(spec);
    HashMap<String, List<String>> shared = new HashMap<>();
    engine.computeShared(Parallel.defaultThreads(), Progress.none()).forEach((k, v) -> shared.put(k, new ArrayList<>(v)));
    Broadcast<HashMap<String, List<String>>> rows = jsc.broadcast(shared);
    ArrayList<String> scenarios = new ArrayList<>(engine.varyingScenarios());
    ArrayList<String> designs = new ArrayList<>(engine.varyingDesigns());
    String dir = out.toAbsolutePath().toString();
    List<Integer> indices = todo.stream().map(SweepSpec.Point::index).toList();
    long started = System.nanoTime();
    AtomicInteger done = new AtomicInteger(total - todo.size());
    AtomicInteger ranHere = new AtomicInteger();
    jsc.sc().addSparkListener(new SparkListener() {
      @Override
      public void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.taskInfo().successful()) {
          int d = done.incrementAndGet();
          int here = ranHere.incrementAndGet();
          double eta = (System.nanoTime() - started) / 1e9 / here * (total - d);
          System.err.printf(Locale.ROOT, "sweep on spark: %d of %d points done, %d left, ETA %.0f s%n", d, total, total - d, eta);
        }
      }
    });
    JavaRDD<Integer> points = jsc.parallelize(indices, indices.size());
    List<Tuple2<Integer, List<String>>> results = points.map(index -> {
      SweepEngine e = ENGINES.computeIfAbsent(json + "\u0000" + rows.id(), k -> {
        SweepEngine planned = SweepEngine.of(SweepSpec.parse(json, source), new LinkedHashSet<>(scenarios), new LinkedHashSet<>(designs));
        planned.useShared(rows.value());
        return planned;
      });
      List<String> lines = e.pointLines(e.spec().points().get(index - 1), 1);
      Path here = Path.of(dir);
      if (Files.isDirectory(here.resolve(SweepRunner.POINTS))) {
        SweepRunner.writePoint(here, index, lines); // finished points survive an interruption
      }
      return new Tuple2<>(index, lines);
    }).collect();
    for (Tuple2<Integer, List<String>> r : results) {
      if (!Files.exists(SweepRunner.pointFile(out, r._1()))) {
        SweepRunner.writePoint(out, r._1(), r._2());
      }
    }
  }
}
