package noliq.lab.bench;

/**
 * The kernel's output, field for field the JSON object of the specification.
 *
 * @param seconds wall time of the simulation itself (no JVM start-up)
 * @param pathStepsPerSec {@code paths * steps / seconds}
 * @param wrapperLogdevStd sample standard deviation over paths of {@code ln(V_T / 1000)} (divisor
 *     n - 1; 0 for a single path, where it is undefined, so that the JSON stays valid)
 * @param rollsPerYearMean mean number of rolls per path and year (per path, for the one-year default)
 * @param liqMeanUsd mean over paths of the CDP debt liquidated
 * @param lar95Usd 95th percentile (linear interpolation) of the CDP debt liquidated
 */
public record KernelResult(
    int paths,
    int steps,
    double seconds,
    double pathStepsPerSec,
    double wrapperLogdevStd,
    double rollsPerYearMean,
    double liqMeanUsd,
    double lar95Usd) {}
