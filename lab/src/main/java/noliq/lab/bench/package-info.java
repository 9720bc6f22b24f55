/**
 * The benchmark kernel of {@code shared/bench/kernel-spec.md}: a rolled P wrapper and a CDP book
 * on GBM paths, specified exactly so that any implementation computes the same statistics, and
 * measured in path-steps per second. Entry point: {@link noliq.lab.bench.BenchKernel#run}.
 */
package noliq.lab.bench;
