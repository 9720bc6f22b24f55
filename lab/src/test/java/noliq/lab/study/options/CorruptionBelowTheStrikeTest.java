package noliq.lab.study.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The settlement corruption cost on paths that settle away from x = 2S. P's worth at settlement is
 * {@code OI · min(x, S) / S}: all of the open interest at or above the strike, less below it, so a crash
 * through the strike shrinks what a captured answer can move. Every figure worked by hand from the
 * default game: 25M staked, SPAT 65%, capital to decide alone 25M × 0.65 / 0.35, the bond $750,
 * $100M of P a series, half of it moved.
 */
class CorruptionBelowTheStrikeTest {
  private static final double CAPITAL = 25e6 * 0.65 / 0.35;
  private static final double COST = CAPITAL + 750;

  @Test
  void aCrashThroughTheStrikeShrinksTheValueAtStakeBelowTheCaptureCost() {
    // issued at 3,000 with S = 1,500; at maturity (day 28) ETH is at 1,200: P is worth 1,200 / 1,500 = 80% of
    // its $100M, a capture moves half of that, $40M, less than the $46.43M it costs: no capture pays
    Map<String, Double> m = OptionsDesignsTest.run(SettlementCorruptionCost.DEFAULT,
        OptionsDesignsTest.step(3000, 25, 1200, 5), 1);
    assertThat(m.get("settlements")).isEqualTo(1.0);
    assertThat(m.get("value_at_stake_usd")).isCloseTo(40e6, within(1e-3));
    assertThat(m.get("captures")).isZero();
    assertThat(m.get("capital_to_value")).isCloseTo(COST / 40e6, within(1e-9));
    assertThat(m.get("capture_cost_usd")).isCloseTo(COST, within(1e-3));
  }

  @Test
  void aboveTheStrikePIsWorthAllOfItsOpenInterestWhateverTheRise() {
    // x = 2,400 (between S and 2S) and x = 4,500 (above 2S): min(x, S) = S, so $100M, $50M moved, and it pays
    for (double x : new double[] {2400, 4500}) {
      Map<String, Double> m = OptionsDesignsTest.run(SettlementCorruptionCost.DEFAULT,
          OptionsDesignsTest.step(3000, 25, x, 5), 1);
      assertThat(m.get("value_at_stake_usd")).isCloseTo(50e6, within(1e-3));
      assertThat(m.get("captures")).isEqualTo(1.0);
    }
  }

  @Test
  void theLargestSettlementOfThePathIsTheOneReported() {
    // two series on a 60-day path: the first settles at 3,000 (S = 1,500: $50M moved); the second was issued at
    // S = 1,500 again and settles at 900 after a crash on day 40: 900 / 1,500 of $100M, $30M moved.
    // The path's value at stake is the larger, and one of the two captures pays
    Map<String, Double> m = OptionsDesignsTest.run(SettlementCorruptionCost.DEFAULT,
        OptionsDesignsTest.step(3000, 40, 900, 20), 1);
    assertThat(m.get("settlements")).isEqualTo(2.0);
    assertThat(m.get("value_at_stake_usd")).isCloseTo(50e6, within(1e-3));
    assertThat(m.get("captures")).isEqualTo(1.0);
    assertThat(m.get("capital_to_value")).isCloseTo(COST / 50e6, within(1e-9));
  }
}
