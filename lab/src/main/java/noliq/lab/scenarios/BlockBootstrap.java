package noliq.lab.scenarios;

import java.util.Arrays;
import noliq.math.RuleViolation;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A moving-block bootstrap of real log returns: a path is a concatenation of blocks of
 * {@code blockLength} consecutive returns, each starting at a uniformly drawn position, so the
 * path keeps the data's fat tails and short-range volatility clustering.
 *
 * @param logReturns the returns to resample, one per step (copied; never modified)
 * @param blockLength returns per block
 * @param stepYears the step of the data, in years
 */
public record BlockBootstrap(double[] logReturns, int blockLength, double stepYears) implements PriceModel {
  public BlockBootstrap {
    if (blockLength < 1) {
      throw new RuleViolation("blockLength", "must be at least 1 (was " + blockLength + ")");
    }
    if (logReturns.length < blockLength) {
      throw new RuleViolation("logReturns", "must hold at least one block (" + blockLength + " returns; was "
          + logReturns.length + ")");
    }
    for (int i = 0; i < logReturns.length; i++) {
      PriceModel.requireFinite("logReturns[" + i + "]", logReturns[i]);
    }
    PriceModel.requirePositive("stepYears", stepYears);
    logReturns = logReturns.clone();
  }

  /** The returns between consecutive bars of {@code series}; a return across a gap is left out. */
  public static BlockBootstrap of(OhlcSeries series, int blockLength) {
    return new BlockBootstrap(series.logReturns(), blockLength, series.barYears());
  }

  @Override
  public double[] logReturns() {
    return logReturns.clone();
  }

  @Override
  public void fill(double x0, double[] out, UniformRandomProvider rng) {
    int starts = logReturns.length - blockLength + 1;
    double logX = Math.log(x0);
    out[0] = x0;
    int t = 1;
    while (t < out.length) {
      int from = rng.nextInt(starts);
      for (int k = 0; k < blockLength && t < out.length; k++, t++) {
        logX += logReturns[from + k];
        out[t] = Math.exp(logX);
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlockBootstrap b && b.blockLength == blockLength && b.stepYears == stepYears
        && Arrays.equals(b.logReturns, logReturns);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(logReturns) + blockLength) + Double.hashCode(stepYears);
  }

  @Override
  public String toString() {
    return "BlockBootstrap[" + logReturns.length + " returns, blockLength=" + blockLength + ", stepYears=" + stepYears + "]";
  }
}
