package noliq.lab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import noliq.lab.engine.PathRandom;
import noliq.lab.metrics.Moments;
import noliq.math.RuleViolation;
import org.junit.jupiter.api.Test;

class ModelsTest {

  private static Moments logReturns(double[] path) {
    Moments m = new Moments();
    for (int t = 1; t < path.length; t++) {
      m.add(Math.log(path[t] / path[t - 1]));
    }
    return m;
  }

  @Test
  void gbmHasTheStatedLogReturnMomentsAndIsReproducible() {
    Gbm gbm = Gbm.hourly(0.1, 0.8);
    double[] a = gbm.path(2500, 200_000, PathRandom.forPath(1, 0));
    double[] b = gbm.path(2500, 200_000, PathRandom.forPath(1, 0));
    assertThat(a).containsExactly(b);
    assertThat(a[0]).isEqualTo(2500);
    Moments m = logReturns(a);
    double dt = 1.0 / 8760;
    double sd = 0.8 * Math.sqrt(dt);
    // mean within 4 standard errors, variance within 2%
    assertThat(m.mean()).isCloseTo((0.1 - 0.32) * dt, within(4 * sd / Math.sqrt(200_000)));
    assertThat(m.variance() / (sd * sd)).isCloseTo(1.0, within(0.02));
    assertThat(gbm.path(2500, 10, PathRandom.forPath(2, 0))).isNotEqualTo(a);
  }

  @Test
  void gbmWithoutVolatilityGrowsAtItsDrift() {
    double[] p = new Gbm(0.05, 0.0, 0.5).path(100, 4, PathRandom.forPath(3, 3));
    assertThat(p[4]).isCloseTo(100 * Math.exp(0.05 * 2), within(1e-9));
  }

  @Test
  void mertonWithoutJumpsIsGbmOnTheSameStream() {
    double[] merton = new MertonJumpDiffusion(0.02, 0.7, 0, -0.1, 0.05, 1.0 / 8760).path(2000, 1000, PathRandom.forPath(5, 1));
    double[] gbm = new Gbm(0.02, 0.7, 1.0 / 8760).path(2000, 1000, PathRandom.forPath(5, 1));
    for (int t = 0; t < gbm.length; t++) {
      assertThat(merton[t]).isCloseTo(gbm[t], within(1e-9 * gbm[t]));
    }
  }

  @Test
  void mertonJumpsAreCompensatedSoThePriceIsAMartingale() {
    // Daily steps, 5 jumps a year of -10% on average: E[x_T] = x_0 e^{drift T} all the same.
    MertonJumpDiffusion model = new MertonJumpDiffusion(0.0, 0.5, 5, -0.1, 0.05, 1.0 / 365);
    Moments terminal = new Moments();
    Moments jumpsShare = new Moments();
    for (int p = 0; p < 4_000; p++) {
      double[] path = model.path(1.0, 365, PathRandom.forPath(11, p));
      terminal.add(path[365]);
      int bigDrops = 0;
      for (int t = 1; t < path.length; t++) {
        if (Math.log(path[t] / path[t - 1]) < -0.07) {
          bigDrops++;
        }
      }
      jumpsShare.add(bigDrops);
    }
    assertThat(terminal.mean()).isCloseTo(1.0, within(4 * terminal.standardError()));
    // a -7% daily move is a 2.6-sigma diffusion event (0.3 a year) but most jumps make it (4.3 a year)
    assertThat(jumpsShare.mean()).isBetween(3.5, 6.0);
    assertThat(model.meanJump()).isCloseTo(Math.exp(-0.1 + 0.00125) - 1, within(1e-12));
  }

  @Test
  void garchReturnsHaveTheUnconditionalVarianceAndFatTails() {
    GarchT model = new GarchT(0, 2e-6, 0.08, 0.90, 5, 1.0 / 8760);
    double[] path = model.path(1, 400_000, PathRandom.forPath(21, 0));
    Moments m = logReturns(path);
    assertThat(m.variance() / model.unconditionalVariance()).isCloseTo(1.0, within(0.1));
    double fourth = 0;
    for (int t = 1; t < path.length; t++) {
      double r = Math.log(path[t] / path[t - 1]) - m.mean();
      fourth += r * r * r * r;
    }
    double kurtosis = fourth / (path.length - 1) / (m.variance() * m.variance());
    assertThat(kurtosis).isGreaterThan(5);
  }

  @Test
  void garchFitRecoversTheParametersOfASimulatedSeries() {
    GarchT truth = new GarchT(1e-5, 3e-6, 0.08, 0.90, 5, 1.0 / 8760);
    double[] path = truth.path(1, 60_000, PathRandom.forPath(33, 0));
    double[] returns = new double[path.length - 1];
    for (int t = 0; t < returns.length; t++) {
      returns[t] = Math.log(path[t + 1] / path[t]);
    }
    GarchFit fit = GarchFit.fit(returns, 1.0 / 8760);
    assertThat(fit.observations()).isEqualTo(60_000);
    assertThat(fit.model().alpha()).isCloseTo(0.08, within(0.015));
    assertThat(fit.model().beta()).isCloseTo(0.90, within(0.02));
    assertThat(fit.model().nu()).isCloseTo(5, within(0.8));
    // the reported likelihood is the model's, and a visibly different model does worse
    assertThat(GarchFit.logLikelihood(returns, fit.model())).isCloseTo(fit.logLikelihood(), within(1e-6));
    GarchT worse = new GarchT(fit.model().mu(), fit.model().omega(), 0.05, 0.93, 8, 1.0 / 8760);
    assertThat(fit.logLikelihood()).isGreaterThan(GarchFit.logLikelihood(returns, worse));
  }

  @Test
  void blockBootstrapStitchesBlocksOfRealReturns() {
    double[] returns = new double[50];
    for (int i = 0; i < returns.length; i++) {
      returns[i] = (i + 1) * 1e-4;
    }
    BlockBootstrap model = new BlockBootstrap(returns, 5, 1.0 / 8760);
    double[] path = model.path(100, 200, PathRandom.forPath(1, 9));
    for (int block = 0; block < 40; block++) {
      int first = (int) Math.round(Math.log(path[block * 5 + 1] / path[block * 5]) * 1e4);
      assertThat(first).isBetween(1, 46);
      for (int k = 1; k < 5; k++) {
        int t = block * 5 + k;
        assertThat(Math.log(path[t + 1] / path[t]) * 1e4).isCloseTo(first + k, within(1e-6));
      }
    }
    assertThat(model.logReturns()).containsExactly(returns);
  }

  @Test
  void scenariosAreFoundByNameAndAnUnknownNameIsRefused() {
    assertThat(Scenarios.model("default")).isEqualTo(FittedModels.ethHourly());
    assertThat(Scenarios.model(" GBM ")).isEqualTo(Gbm.hourly(0, 0.8));
    assertThat(Scenarios.model("merton")).isInstanceOf(MertonJumpDiffusion.class);
    assertThatThrownBy(() -> Scenarios.model("heston")).isInstanceOf(RuleViolation.class)
        .hasMessage("scenario: unknown scenario 'heston' (known: default, garch-t, gbm, merton)");
  }

  @Test
  void impossibleParametersAreRefusedNamingTheField() {
    assertThatThrownBy(() -> Gbm.hourly(0, -0.1)).isInstanceOf(RuleViolation.class)
        .hasMessage("volatility: must not be negative (was -0.1)");
    assertThatThrownBy(() -> new GarchT(0, 1e-6, 0.2, 0.8, 5, 1)).hasMessageStartingWith("alpha + beta: must be below 1");
    assertThatThrownBy(() -> new GarchT(0, 1e-6, 0.1, 0.8, 2, 1)).hasMessage("nu: must be above 2 for a finite variance (was 2.0)");
    assertThatThrownBy(() -> new MertonJumpDiffusion(0, 0.5, 10_000, 0, 0.1, 1)).hasMessageStartingWith("jumpIntensity:");
    assertThatThrownBy(() -> new BlockBootstrap(new double[3], 5, 1)).hasMessageStartingWith("logReturns: must hold at least one block");
    assertThatThrownBy(() -> Gbm.hourly(0, 0.5).path(0, 10, PathRandom.forPath(1, 1))).hasMessage("x0: must be a positive finite price (was 0.0)");
  }
}
