package noliq.lab.study.debt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import noliq.lab.engine.PathRandom;
import noliq.lab.scenarios.PricePath;
import noliq.lab.study.DesignModel;
import noliq.lab.study.Trace;
import org.junit.jupiter.api.Test;

class FeedManipulationDesignTest {
  private static final PricePath FLAT = PricePath.generated("flat", Instant.parse("2026-06-01T00:00:00Z"),
      Duration.ofHours(1), new double[] {2500, 2500, 2500});

  private static double[] run(FeedManipulationDesign design, long seed) {
    double[] out = new double[design.metrics().size()];
    design.newRun().simulate(FLAT, PathRandom.forPath(seed, 0), Trace.NONE, out, 0);
    return out;
  }

  @Test
  void reportsTheAttackOnTheBookAsDrawnAndIsDeterministic() {
    FeedManipulationDesign design = FeedManipulationDesign.defaults();
    double[] a = run(design, 7);
    assertThat(run(design, 7)).containsExactly(a);
    double cost = a[0];
    double liquidatable = a[1];
    double extracted = a[2];
    assertThat(cost).isPositive();
    assertThat(a[3]).isEqualTo(extracted - cost);
    assertThat(a[4]).isEqualTo(a[3] > 0 ? 1.0 : 0.0);
    // The attacker repays the liquidatable debt and takes collateral worth (1 + bonus) / (1 - push) of it at
    // the true price, at most: the bonus plus the feed's discount.
    double bound = liquidatable * ((1 + design.book().liquidationBonus()) / (1 - design.attack().deviation()) - 1);
    assertThat(extracted).isPositive().isLessThanOrEqualTo(bound * (1 + 1e-12));
    // the cost per dollar of debt made liquidatable, the figure the settlement capture's cost per dollar moved sits beside
    assertThat(a[5]).isEqualTo(liquidatable > 0 ? cost / liquidatable : Double.NaN);
    assertThat(design.metrics()).hasSize(6).allSatisfy(m -> assertThat(m.name()).startsWith("oracle.feed-manipulation.aave."));
  }

  @Test
  void aDeeperPushMakesMoreDebtLiquidatable() {
    FeedManipulationDesign small = new FeedManipulationDesign(AaveBook.defaults(),
        new DebtOracleExposure(0.02, Duration.ofMinutes(10), Duration.ofMinutes(30), 10e6, 0.003, true));
    FeedManipulationDesign large = new FeedManipulationDesign(AaveBook.defaults(),
        new DebtOracleExposure(0.30, Duration.ofMinutes(10), Duration.ofMinutes(30), 10e6, 0.003, true));
    double[] s = run(small, 11);
    double[] l = run(large, 11);
    assertThat(l[1]).isGreaterThan(s[1]);
    assertThat(l[0]).isGreaterThan(s[0]);
    DesignModel asDesign = large;
    assertThat(asDesign.id()).isEqualTo("oracle.feed-manipulation.aave");
  }
}
