package noliq.lab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import noliq.lab.data.RequiresData;
import noliq.lab.engine.PathRandom;
import org.junit.jupiter.api.Test;

/**
 * The committed default model. It was fitted on {@code shared/data/eth_usdt_1h.csv}, which runs past
 * the shipped bars (to 2026-07-26) and states no licence for that part, so the parameters are
 * committed with their provenance ({@link FittedModels}) and the re-fit belongs to the data suite.
 */
class FittedModelsTest {
  @Test
  @RequiresData(DataFiles.ETH_HOURLY)
  void refittingOnTheHourlyFileGivesTheCommittedParameters() {
    OhlcSeries hourly = OhlcReader.read(TestData.require(DataFiles.ETH_HOURLY));
    // the file as its README describes it
    assertThat(hourly.bars()).hasSize(78_245);
    assertThat(hourly.gaps()).hasSize(28);
    assertThat(hourly.missingBars()).isEqualTo(128);

    GarchFit fit = GarchFit.fit(hourly.logReturns(), PriceModel.HOUR_YEARS);
    GarchT committed = FittedModels.ethHourly();
    assertThat(fit.observations()).isEqualTo(FittedModels.OBSERVATIONS);
    assertThat(fit.model().mu()).isCloseTo(committed.mu(), within(1e-12));
    assertThat(fit.model().alpha()).isCloseTo(committed.alpha(), within(1e-4));
    assertThat(fit.model().beta()).isCloseTo(committed.beta(), within(1e-4));
    assertThat(fit.model().nu()).isCloseTo(committed.nu(), within(1e-3));
    assertThat(fit.model().omega() / committed.omega()).isCloseTo(1.0, within(1e-2));
    assertThat(fit.logLikelihood()).isCloseTo(FittedModels.LOG_LIKELIHOOD, within(1e-3));
    assertThat(GarchFit.logLikelihood(hourly.logReturns(), committed)).isCloseTo(FittedModels.LOG_LIKELIHOOD, within(1e-3));
  }

  @Test
  void theCommittedModelIsAPlausibleEthModel() {
    GarchT m = FittedModels.ethHourly();
    assertThat(m.alpha() + m.beta()).isBetween(0.98, 0.9999);
    assertThat(m.nu()).isBetween(2.5, 8.0);
    // ETH's realised volatility, 2017-2026, is of the order of 80-100% a year
    assertThat(m.annualVolatility()).isBetween(0.7, 1.1);
  }

  @Test
  void theCommittedModelIsRecoveredFromItsOwnSimulation() {
    GarchT m = FittedModels.ethHourly();
    double[] path = m.path(2500, 80_000, PathRandom.forPath(2026, 0));
    double[] r = new double[path.length - 1];
    for (int t = 0; t < r.length; t++) {
      r[t] = Math.log(path[t + 1] / path[t]);
    }
    GarchFit fit = GarchFit.fit(r, PriceModel.HOUR_YEARS);
    assertThat(fit.model().alpha()).isCloseTo(m.alpha(), within(0.015));
    assertThat(fit.model().alpha() + fit.model().beta()).isCloseTo(m.alpha() + m.beta(), within(0.005));
    assertThat(fit.model().nu()).isCloseTo(m.nu(), within(0.5));
  }
}
