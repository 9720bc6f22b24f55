package noliq.lab.study;

import java.util.List;
import noliq.lab.scenarios.PricePath;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One design in the study (the Aave book, the Maker book, the Liquity book, a P-wrapper vault with
 * a policy and a roll mechanism, a population of local agents, N holders...), simulated on a price
 * path with the real protocol objects.
 *
 * <p>A model is immutable configuration; {@link #newRun()} makes the mutable simulator one worker
 * thread uses for many paths in turn. A run must depend only on the path and the random stream it
 * is given, so that results are identical on 1 thread or N.
 */
public interface DesignModel {
  /** A short stable id, also the prefix of its metric names: {@code "aave"}, {@code "wrapper.kyrrui-tracker.auction"}. */
  String id();

  /** What the design is, in one line for the report. */
  String description();

  /** The per-path figures this design reports, in the order {@link Run#simulate} writes them. */
  List<MetricSpec> metrics();

  Run newRun();

  /**
   * The name of the random stream this design draws from on each path; designs that name the same
   * stream see the same numbers (common random numbers). By default a design's own id. The debt
   * books share one, so on every path Aave, Maker and Liquity get the same borrowers and keepers and
   * their differences are paired.
   */
  default String randomStream() {
    return id();
  }

  /** The simulator of one worker thread. */
  interface Run {
    /**
     * Simulates {@code path} from its first point to its last, writing {@code metrics().size()}
     * values into {@code out} from {@code offset}. Randomness (keeper latency, dispute outcomes,
     * source noise) comes only from {@code rng}.
     */
    void simulate(PricePath path, UniformRandomProvider rng, Trace trace, double[] out, int offset);
  }
}
