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

  @Test
  void theCommittedReactionsAreRefittedFromTheMakerEvents() {
    Path maker = TestData.shipped("maker/ethb_dai_borrows.csv").getParent();
    EthBCalibration.Reactions fit = EthBCalibration.fitReactions(maker, OhlcReader.read(TestData.shippedHourly()));
    EthBCalibration.Reactions committed = EthBCalibration.COMMITTED_REACTIONS;
    assertThat(fit.episodes()).isEqualTo(committed.episodes());
    assertThat(fit.reacted()).isEqualTo(committed.reacted());
    assertThat(fit.repaid()).isEqualTo(committed.repaid());
    assertThat(fit.liquidated()).isEqualTo(committed.liquidated());
    assertThat(fit.medianDelayHours()).isEqualTo(committed.medianDelayHours());
    assertThat(fit.healthAtReactionP10()).isCloseTo(committed.healthAtReactionP10(), within(1e-9));
    assertThat(fit.healthAtReactionP90()).isCloseTo(committed.healthAtReactionP90(), within(1e-9));
    assertThat(fit.liquidatedVaults()).isEqualTo(committed.liquidatedVaults());
    assertThat(fit.reopenedVaults()).isEqualTo(committed.reopenedVaults());
    // Owners who acted did so close to liquidation: the health at the reaction lies inside (1, 1.2).
    assertThat(fit.healthAtReactionP10()).isGreaterThan(1.0);
    assertThat(fit.healthAtReactionP90()).isLessThan(EthBCalibration.ALARM_HEALTH);
  }
}
