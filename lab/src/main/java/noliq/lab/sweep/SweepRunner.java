package noliq.lab.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import noliq.lab.engine.Progress;
import noliq.math.RuleViolation;

/**
 * The local engine, and what every engine shares: the output directory's layout, resuming, and
 * the final files. Each finished point is written to {@code points/point-NNNNNN.csv} atomically
 * the moment it is done; a rerun of the same sweep into the same directory skips every point
 * already there, so an interrupted sweep (Ctrl-C, kill -9) loses only the points in flight. The
 * directory's {@code sweep.json} names the sweep its points belong to; a different sweep is refused.
 * When every point is there, {@link SweepOutput} assembles {@code sweep.csv} and the analysis.
 */
public final class SweepRunner {
  public static final String MANIFEST = "sweep.json";
  public static final String POINTS = "points";

  private SweepRunner() {}

  /** What a runner tells its caller as it goes (the command line shows points done, points left and an ETA). */
  public interface Listener {
    /** Before the first point: how many there are, how many were already done, and the (scenario, design) runs shared and fresh per point. */
    void planned(int total, int alreadyDone, int sharedRuns, int freshRuns);

    /** Point {@code index} is written; {@code done} of {@code total} are now there. */
    void pointDone(int index, int done, int total);

    Listener NONE = new Listener() {
      @Override
      public void planned(int total, int alreadyDone, int sharedRuns, int freshRuns) {}

      @Override
      public void pointDone(int index, int done, int total) {}
    };
  }

  /** The file of point {@code index} in {@code out}. */
  public static Path pointFile(Path out, int index) {
    return out.resolve(POINTS).resolve(String.format("point-%06d.csv", index));
  }

  /**
   * Prepares {@code out} for {@code spec}: creates it, refuses it if it holds another sweep's
   * points, writes the manifest. Returns the points still to run, in order.
   */
  public static List<SweepSpec.Point> prepare(SweepSpec spec, Path out) {
    String manifest = spec.manifest();
    Path m = out.resolve(MANIFEST);
    try {
      if (Files.exists(m) && !Files.readString(m, StandardCharsets.UTF_8).equals(manifest)) {
        throw new RuleViolation("out", out + " holds the points of a different sweep (its " + MANIFEST
            + " differs from this config); use another --out directory");
      }
      Files.createDirectories(out.resolve(POINTS));
      // A run killed while writing leaves its temporary file (never a point file): clear them.
      try (var stale = Files.newDirectoryStream(out.resolve(POINTS), ".point-*.tmp")) {
        for (Path f : stale) {
          Files.deleteIfExists(f);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + out + ": " + e.getMessage(), e);
    }
    AtomicFiles.write(m, manifest);
    List<SweepSpec.Point> todo = new ArrayList<>();
    for (SweepSpec.Point p : spec.points()) {
      if (!Files.exists(pointFile(out, p.index()))) {
        todo.add(p);
      }
    }
    return todo;
  }

  /** Writes point {@code index}'s lines, atomically. */
  public static void writePoint(Path out, int index, List<String> lines) {
    StringBuilder b = new StringBuilder();
    for (String l : lines) {
      b.append(l).append('\n');
    }
    AtomicFiles.write(pointFile(out, index), b.toString());
  }

  /** Runs {@code spec} into {@code out} on this machine, points one after another, each on {@code threads} threads. */
  public static SweepOutput.Summary run(SweepSpec spec, Path out, int threads, Listener listener) {
    List<SweepSpec.Point> todo = prepare(spec, out);
    int total = spec.points().size();
    int done = total - todo.size();
    SweepEngine engine = SweepEngine.of(spec);
    int[] sf = engine.sharedAndFresh();
    listener.planned(total, done, sf[0], sf[1]);
    if (!todo.isEmpty()) {
      engine.computeShared(threads, Progress.none());
      for (SweepSpec.Point p : todo) {
        writePoint(out, p.index(), engine.pointLines(p, threads));
        listener.pointDone(p.index(), ++done, total);
      }
    }
    return SweepOutput.finish(spec, out);
  }
}
