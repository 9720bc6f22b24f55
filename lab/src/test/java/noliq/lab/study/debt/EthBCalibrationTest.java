package noliq.lab.study.debt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import noliq.lab.scenarios.DataFiles;
import noliq.lab.scenarios.OhlcReader;
import noliq.lab.scenarios.TestData;
import org.junit.jupiter.api.Test;

/** The committed population fit is what the real ETH-B events give today. */
class EthBCalibrationTest {
  @Test
  void theCommittedFitIsRefittedFromTheMakerEvents() {
    Path maker = TestData.shipped("maker/ethb_dai_borrows.csv").getParent();
    Path hourly = TestData.shippedHourly();
    EthBCalibration.Fit fit = EthBCalibration.fit(maker, OhlcReader.read(hourly));
    EthBCalibration.Fit committed = EthBCalibration.COMMITTED;
    assertThat(fit.observations()).isEqualTo(committed.observations());
    assertThat(fit.logDebtMean()).isCloseTo(committed.logDebtMean(), within(1e-5));
    assertThat(fit.logDebtSd()).isCloseTo(committed.logDebtSd(), within(1e-5));
    assertThat(fit.logExcessHealthMean()).isCloseTo(committed.logExcessHealthMean(), within(1e-5));
    assertThat(fit.logExcessHealthSd()).isCloseTo(committed.logExcessHealthSd(), within(1e-5));
    // ETH-B was the leveraged vault type (mat 130%): half its borrows left a health under 1.25.
    assertThat(fit.medianHealth()).isBetween(1.1, 1.3);
    assertThat(fit.medianDebt()).isBetween(100_000.0, 1_000_000.0);
  }
}
