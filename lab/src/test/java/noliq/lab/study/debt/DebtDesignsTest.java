package noliq.lab.study.debt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import noliq.lab.engine.PathRandom;
import noliq.lab.study.DesignModel;
import noliq.lab.study.MetricSpec;
import noliq.math.RuleViolation;
import org.junit.jupiter.api.Test;

class DebtDesignsTest {
  @Test
  void theDefaultsAreAaveMakerAndLiquityWithTheirMetricsPrefixed() {
    assertThat(DebtDesigns.defaults()).extracting(DesignModel::id).containsExactly("aave", "maker", "liquity", "maker.congested");
    for (DesignModel m : DebtDesigns.defaults()) {
      assertThat(m.metrics()).hasSize(m.id().equals("liquity") ? DebtMetrics.COUNT + 1 : DebtMetrics.COUNT);
      assertThat(m.metrics()).extracting(MetricSpec::name).allSatisfy(n -> assertThat(n).startsWith(m.id() + "."));
      assertThat(m.metrics().get(DebtMetrics.LIQUIDATED_USD).headline()).isEqualTo(MetricSpec.Headline.P95);
      assertThat(m.metrics().get(DebtMetrics.INSOLVENT_USD).headline()).isEqualTo(MetricSpec.Headline.P95);
      assertThat(m.metrics().get(DebtMetrics.BORROWER_RUIN).headline()).isEqualTo(MetricSpec.Headline.SHARE);
      assertThat(m.description()).isNotBlank();
    }
  }

  @Test
  void theProtocolsPublishedParameters() {
    AaveBook aave = AaveBook.defaults();
    MakerBook maker = MakerBook.defaults();
    LiquityBook liquity = LiquityBook.defaults();
    assertThat(aave.liquidationRatio()).isCloseTo(1 / 0.83, within(1e-12));
    assertThat(aave.liquidationBonus()).isCloseTo(0.05, within(1e-12));
    assertThat(maker.liquidationRatio()).isEqualTo(1.3);
    assertThat(maker.liquidationBonus()).isCloseTo(0.13, within(1e-12));
    assertThat(maker.minDebt()).isEqualTo(30_000);
    assertThat(liquity.liquidationRatio()).isEqualTo(1.1);
    assertThat(liquity.liquidationBonus()).isCloseTo(0.05, within(1e-12));
    assertThat(liquity.minDebt()).isEqualTo(2000);
  }

  @Test
  void thePopulationIsDrawnFromTheFittedDistributionsAndWeightedToTheBook() {
    Population p = Population.defaults();
    Population.Drawn drawn = p.draw(PathRandom.forPath(9, 0), 2000);
    Population.Draw[] draws = drawn.draws();
    assertThat(draws).hasSize(1000);
    EthBCalibration.Fit fit = EthBCalibration.COMMITTED;
    double[] debts = new double[draws.length];
    double[] excess = new double[draws.length];
    double total = 0;
    for (int i = 0; i < draws.length; i++) {
      debts[i] = draws[i].collateralEth() * 2000 / (1.3 * draws[i].health());
      excess[i] = Math.log(draws[i].health() - 1);
      total += debts[i];
    }
    // Every borrower clears every protocol's minimum; the weight makes the book $1B under the ETH-B mapping.
    assertThat(Arrays.stream(debts).min().orElseThrow()).isGreaterThanOrEqualTo(33_000 * (1 - 1e-12));
    assertThat(total * drawn.weight()).isCloseTo(1e9, within(1e-3));
    // ln(h - 1) is normal with the fitted mean and spread, within the sampling error of 1,000 draws.
    Arrays.sort(excess);
    assertThat(excess[500]).isCloseTo(fit.logExcessHealthMean(), within(0.15));
    double mean = Arrays.stream(excess).average().orElseThrow();
    double sd = Math.sqrt(Arrays.stream(excess).map(x -> (x - mean) * (x - mean)).sum() / (excess.length - 1));
    assertThat(sd).isCloseTo(fit.logExcessHealthSd(), within(0.1));
    // The debt's median sits a little above the fitted one (draws under 33,000 are redrawn).
    Arrays.sort(debts);
    assertThat(Math.log(debts[500])).isCloseTo(fit.logDebtMean(), within(0.25));
    assertThat(Liquidators.defaults().draw(PathRandom.forPath(9, 1)))
        .isSortedAccordingTo((a, b) -> Double.compare(a.latencySeconds(), b.latencySeconds()))
        .allSatisfy(b -> assertThat(b.capitalUsd()).isBetween(1e5, 1e7));
  }

  @Test
  void theSameBorrowerHasTheSameCollateralAndDistanceToLiquidationOnEveryBook() {
    Population.Draw d = new Population.Draw(100, 1.25);
    for (DebtBook book : new DebtBook[] {AaveBook.defaults(), MakerBook.defaults(), LiquityBook.defaults()}) {
      double[] cd = book.sized(d, 2000);
      assertThat(cd[0]).as(book.id()).isEqualTo(100);
      // Liquidated after the same fall, to 2,000 / 1.25 = 1,600, under each book's own ratio.
      assertThat(cd[1] * book.liquidationRatio() / cd[0]).as(book.id()).isCloseTo(1600, within(1e-9));
    }
    assertThat(AaveBook.defaults().randomStream()).isEqualTo(MakerBook.defaults().randomStream())
        .isEqualTo(LiquityBook.defaults().randomStream());
  }

  @Test
  void smallPositionsAreRaisedToTheProtocolsMinimumDebtAtTheSameHealth() {
    MakerBook maker = MakerBook.defaults();
    double[] cd = maker.sized(new Population.Draw(1, 2.0), 2000);
    assertThat(cd[1]).isCloseTo(33_000, within(1e-9));
    assertThat(cd[0] * 2000 / (1.3 * cd[1])).isCloseTo(2.0, within(1e-12));
  }

  @Test
  void badSettingsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> new Population(0, EthBCalibration.COMMITTED, 33_000, 1e9)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("positions");
    assertThatThrownBy(() -> new Population(10, EthBCalibration.COMMITTED, 33_000, 1e3)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("bookDebtUsd");
    assertThatThrownBy(() -> new Liquidators(1, 60, 12, 0, 0, 0, 1, 1)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("latency");
    assertThatThrownBy(() -> Borrowers.listed()).isInstanceOf(RuleViolation.class).hasMessageContaining("draws");
    assertThatThrownBy(() -> new LiquityBook(Population.defaults(), Liquidators.defaults(), Cascade.defaults(), 0))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("poolShare");
  }
}
