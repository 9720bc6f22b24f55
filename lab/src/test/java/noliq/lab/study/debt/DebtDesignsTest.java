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
    assertThat(DebtDesigns.defaults()).extracting(DesignModel::id).containsExactly("aave", "maker", "liquity");
    for (DesignModel m : DebtDesigns.defaults()) {
      assertThat(m.metrics()).hasSize(DebtMetrics.COUNT);
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
  void thePopulationIsDrawnFromItsStatedDistribution() {
    Population p = Population.defaults();
    Population.Draw[] draws = p.draw(PathRandom.forPath(9, 0));
    assertThat(draws).hasSize(1000);
    assertThat(draws).allSatisfy(d -> assertThat(d.health()).isBetween(1.05, 3.0));
    double[] logs = Arrays.stream(draws).mapToDouble(d -> Math.log(d.collateralEth())).sorted().toArray();
    // The log-collateral's median and spread, within the sampling error of 1,000 draws.
    assertThat(logs[500]).isCloseTo(Math.log(10), within(0.15));
    double mean = Arrays.stream(logs).average().orElseThrow();
    double sd = Math.sqrt(Arrays.stream(logs).map(x -> (x - mean) * (x - mean)).sum() / (logs.length - 1));
    assertThat(sd).isCloseTo(1.5, within(0.1));
    assertThat(Liquidators.defaults().draw(PathRandom.forPath(9, 1)))
        .isSortedAccordingTo((a, b) -> Double.compare(a.latencySeconds(), b.latencySeconds()))
        .allSatisfy(b -> assertThat(b.capitalUsd()).isBetween(1e5, 1e7));
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
    assertThatThrownBy(() -> new Population(0, 10, 1.5, 1.05, 3)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("positions");
    assertThatThrownBy(() -> new Population(10, 10, 1.5, 0.9, 3)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("minHealth");
    assertThatThrownBy(() -> new Liquidators(1, 60, 12, 0, 0, 0, 1, 1)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("latency");
    assertThatThrownBy(() -> Borrowers.listed()).isInstanceOf(RuleViolation.class).hasMessageContaining("draws");
    assertThatThrownBy(() -> new LiquityBook(Population.defaults(), Liquidators.defaults(), Cascade.defaults(), 0))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("poolShare");
  }
}
