package noliq.lab.study.debt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import noliq.lab.engine.PathRandom;
import noliq.math.RuleViolation;
import noliq.oracle.attack.DebtExposure;
import noliq.oracle.attack.FeedManipulation;
import org.junit.jupiter.api.Test;

class DebtOracleExposureTest {
  private static final DebtOracleExposure TEN_PERCENT_FOR_TEN_MINUTES =
      new DebtOracleExposure(0.10, Duration.ofMinutes(10), Duration.ofMinutes(30), 5_000_000, 0.003, false);

  @Test
  void theThreeBorrowerBookOnAaveLosesTheBonusOnTheOnePositionAPushTo1800Reaches() {
    AaveBook book = new AaveBook(DebtBookFixtures.THREE, Liquidators.defaults(), Cascade.defaults());
    List<DebtExposure> positions = book.exposures(PathRandom.forPath(1, 0), 2000);
    assertThat(positions).extracting(DebtExposure::liquidationPrice)
        .containsExactly(2000 / 1.1, 2000 / 1.5, 2000 / 2.0);
    FeedManipulation.Result r = TEN_PERCENT_FOR_TEN_MINUTES.against(book, positions, 2000);
    assertThat(r.feedPrice()).isCloseTo(1800, within(1e-9));
    assertThat(r.liquidatable()).hasSize(1);
    double debt = 10 * 2000 * 0.83 / 1.1;
    assertThat(r.debtLiquidatable()).isCloseTo(debt, within(1e-6));
    // The liquidator repays the debt and takes debt * 1.05 / 1800 ETH, worth 2000 each.
    assertThat(r.extracted()).isCloseTo(debt * 1.05 / 1800 * 2000 - debt, within(1e-6));
    // Pushed once, unwound once, through a pool of $5M a side: two 0.3% fees on what goes in.
    double swapIn = 5_000_000 * (1 / Math.sqrt(0.9) - 1);
    assertThat(r.cost()).isCloseTo(2 * 0.003 * swapIn, within(1e-6));
    assertThat(r.net()).isCloseTo(r.extracted() - r.cost(), within(1e-9));
  }

  @Test
  void theDefaultBooksExposeMoreWhenTheFeedIsPushedFurther() {
    for (DebtBook book : DebtDesigns.with(Cascade.defaults())) {
      List<DebtExposure> positions = book.exposures(PathRandom.forPath(3, 0), 2000);
      assertThat(positions).hasSize(book.population().positions());
      FeedManipulation.Result five = new DebtOracleExposure(0.05, Duration.ZERO, Duration.ofMinutes(30), 5e6, 0.003, true)
          .against(book, positions, 2000);
      FeedManipulation.Result twenty = new DebtOracleExposure(0.20, Duration.ZERO, Duration.ofMinutes(30), 5e6, 0.003, true)
          .against(book, positions, 2000);
      // A push of d reaches exactly the borrowers whose health is under 1 / (1 - d); further reaches more.
      long underFive = positions.stream().filter(p -> p.liquidationPrice() >= 2000 * 0.95).count();
      assertThat((long) five.liquidatable().size()).as(book.id()).isEqualTo(underFive);
      assertThat(twenty.liquidatable().size()).as(book.id()).isGreaterThan(five.liquidatable().size());
      assertThat(twenty.extracted()).as(book.id()).isPositive();
      assertThat(twenty.cost()).as(book.id()).isGreaterThan(five.cost());
    }
  }

  @Test
  void refusesAnImpossibleManipulation() {
    assertThatThrownBy(() -> new DebtOracleExposure(1.5, Duration.ZERO, Duration.ofMinutes(30), 1e6, 0.003, true))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("deviation");
    assertThatThrownBy(() -> new DebtOracleExposure(0.1, Duration.ZERO, Duration.ofMinutes(30), 0, 0.003, true))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("poolDepthUsd");
  }
}
