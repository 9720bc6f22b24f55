package noliq.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.hipparchus.special.Erf;
import org.junit.jupiter.api.Test;

/**
 * Cody's normal distribution function against 50-digit values of {@code Phi} (mpmath, at 1,253
 * points of [-38, 9]: {@code normal-cdf-reference.csv} and the script that wrote it), published
 * table values, and Hipparchus ({@code 0.5 erfc(-x/sqrt 2)}, the implementation it replaced) over a
 * dense grid. Measured against mpmath: at most 6.8e-16 relative error wherever {@code Phi(x)} is a
 * normal double. Hipparchus itself is off the 50-digit values by up to 6.9e-15 relative on the
 * body and 3.3e-13 in the far lower tail (its incomplete-gamma continued fraction stops at 1e-15),
 * so the comparison with it is bounded by Hipparchus's error, not ours.
 */
class NormalCdfTest {
  @Test
  void withinOnePartIn10To15OfFiftyDigitValues() throws IOException {
    int rows = 0;
    double worst = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        Objects.requireNonNull(getClass().getResourceAsStream("normal-cdf-reference.csv")), StandardCharsets.US_ASCII))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("#")) {
          continue;
        }
        String[] f = line.split(",");
        double x = Double.parseDouble(f[0]);
        java.math.BigDecimal exact = new java.math.BigDecimal(f[1]);
        double ours = NormalCdf.cdf(x);
        rows++;
        if (exact.doubleValue() >= Double.MIN_NORMAL) {
          double rel = new java.math.BigDecimal(ours).subtract(exact).abs()
              .divide(exact, java.math.MathContext.DECIMAL64).doubleValue();
          worst = Math.max(worst, rel);
          assertThat(rel).as("relative error of Phi(%s)", x).isLessThanOrEqualTo(1e-15);
        } else {
          assertThat(ours).as("Phi(%s), subnormal", x).isCloseTo(exact.doubleValue(), within(1e-320));
        }
      }
    }
    assertThat(rows).isEqualTo(1253);
    assertThat(worst).as("the measured worst case, 6.8e-16").isGreaterThan(1e-17);
  }

  private static double hipparchus(double x) {
    return 0.5 * Erf.erfc(-x / Math.sqrt(2.0));
  }

  private static double relative(double a, double b) {
    return b == 0 ? Math.abs(a) : Math.abs(a - b) / Math.abs(b);
  }

  @Test
  void agreesWithHipparchusOnADenseGrid() {
    double body = 0;
    double tail = 0;
    double previous = 0;
    for (double x = -38; x <= 9; x += 0x1p-12) {
      double ours = NormalCdf.cdf(x);
      double ref = hipparchus(x);
      if (x >= -5.657) {
        body = Math.max(body, relative(ours, ref));
      } else if (ref > Double.MIN_NORMAL) {
        tail = Math.max(tail, relative(ours, ref));
      }
      assertThat(ours).as("monotone at %s", x).isGreaterThanOrEqualTo(previous);
      previous = ours;
    }
    // Hipparchus's own error against mpmath is 6.9e-15 (body) and 3.3e-13 (tail): see the class doc.
    assertThat(body).as("body").isLessThan(8e-15);
    assertThat(tail).as("lower tail").isLessThan(4e-13);
  }

  @Test
  void reproducesPublishedValues() {
    // Phi(-k) to 17 significant digits (Abramowitz & Stegun table 26.1 / NIST DLMF 7 extended;
    // the same values as R's pnorm and Mathematica's CDF[NormalDistribution[]]).
    double[][] table = {
      {-1, 0.15865525393145705},
      {-2, 0.022750131948179207},
      {-3, 0.0013498980316300945},
      {-5, 2.866515718791939e-7},
      {-10, 7.619853024160527e-24},
    };
    for (double[] row : table) {
      assertThat(NormalCdf.cdf(row[0])).as("Phi(%s)", row[0]).isCloseTo(row[1], within(2e-15 * row[1]));
      assertThat(NormalCdf.cdf(-row[0])).as("Phi(%s)", -row[0]).isCloseTo(1 - row[1], within(1e-16));
    }
    assertThat(NormalCdf.cdf(0)).isEqualTo(0.5);
  }

  /** The tabulated Gaussian factor is the double its expression gives, at every sixteenth and past the table. */
  @Test
  void theTabulatedGaussianFactorIsTheComputedOne() {
    for (int k = 0; k <= 16 * 45; k++) {
      double y0 = k / 16.0;
      assertThat(NormalCdf.gaussianAtSixteenths(k)).as("k = %d", k).isEqualTo(Math.exp(-0.5 * y0 * y0));
    }
  }

  @Test
  void edgesAndSymmetry() {
    assertThat(NormalCdf.cdf(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
    assertThat(NormalCdf.cdf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
    assertThat(NormalCdf.cdf(Double.NaN)).isNaN();
    assertThat(NormalCdf.cdf(-40)).isEqualTo(0.0);
    assertThat(NormalCdf.cdf(40)).isEqualTo(1.0);
    for (double x = 0; x < 8; x += 0.01) {
      assertThat(NormalCdf.cdf(x) + NormalCdf.cdf(-x)).as("Phi(x) + Phi(-x) at %s", x).isCloseTo(1.0, within(3e-16));
    }
  }
}
