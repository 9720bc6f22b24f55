package noliq.lab.engine;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A study's work on one path: simulate path {@code path} drawing only from {@code rng} (its own
 * stream, see {@link PathRandom}) and write one value per metric into {@code metrics}. The engine
 * makes one simulator per chunk of paths and uses it on one thread, so it may keep scratch arrays
 * between paths; it must not keep results from one path into the next.
 */
@FunctionalInterface
public interface PathSimulator {
  void simulate(long path, UniformRandomProvider rng, double[] metrics);
}
