package noliq.lab.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The liquidity sentence from numbers worked by hand. Twenty paths a scenario (CVaR95 is then the
 * single worst path's loss). Losses in % of committed capital, negative: a gain.
 * <pre>
 *   gbm (a model)      Aave:    19 paths gain 2, one loses 10   mean gain (38 − 10) / 20 = 1.4   CVaR95 10   1.4 / 10 = 0.14
 *                      wrapper: 19 paths gain 1, one loses 2    mean gain (19 − 2) / 20 = 0.85  CVaR95 2    0.85 / 2 = 0.425
 *   may-2021 (crash)   Aave:    18 gain 5, two lose 30          mean gain (90 − 60) / 20 = 1.5  CVaR95 30   0.05
 *                      wrapper: 10 gain 1, 10 lose 1            mean gain 0                     CVaR95 1    0
 * </pre>
 * So the options side is paid more per unit of risk on gbm (0.425 against 0.14), the debt side on
 * the crash (0.05 against 0); the debt side loses most on the crash (CVaR95 30), the options side on
 * gbm (CVaR95 2 against 1).
 */
class LiquidityComparisonTest {
  static double[] losses(int gainers, double gain, int losers, double loss) {
    double[] v = new double[gainers + losers];
    Arrays.fill(v, 0, gainers, -gain);
    Arrays.fill(v, gainers, v.length, loss);
    return v;
  }

  static LiquidityComparison.Row row(String scenario, boolean crash, String family, String label, String side, double[] losses) {
    return new LiquidityComparison.Row(scenario, crash, family, label, side, Roles.summarise(losses));
  }

  static List<LiquidityComparison.Row> rows() {
    List<LiquidityComparison.Row> out = new ArrayList<>();
    out.add(row("gbm", false, "aave", "Aave v3.3", "debt", losses(19, 2, 1, 10)));
    out.add(row("gbm", false, "wrapper", "P-wrapper vault", "options", losses(19, 1, 1, 2)));
    out.add(row("may-2021", true, "aave", "Aave v3.3", "debt", losses(18, 5, 2, 30)));
    out.add(row("may-2021", true, "wrapper", "P-wrapper vault", "options", losses(10, 1, 10, 1)));
    return out;
  }

  @Test
  void theRatiosAreTheHandComputedOnes() {
    List<LiquidityComparison.Row> r = rows();
    assertThat(r.get(0).perRisk()).isCloseTo(0.14, within(1e-12));
    assertThat(r.get(1).perRisk()).isCloseTo(0.425, within(1e-12));
    assertThat(r.get(2).perRisk()).isCloseTo(0.05, within(1e-12));
    assertThat(r.get(3).perRisk()).isCloseTo(0, within(1e-12));
  }

  @Test
  void eachScenarioNamesTheSidePaidMorePerUnitOfRisk() {
    List<LiquidityComparison.Verdict> v = LiquidityComparison.verdicts(rows());
    assertThat(v).extracting(LiquidityComparison.Verdict::paidMore).containsExactly("options", "debt");
    assertThat(v.get(1).crash()).isTrue();
  }

  @Test
  void theSentenceSaysWhichSideIsPaidMoreAndWhereEachLoses() {
    String s = LiquidityComparison.sentence(rows(), "gbm").orElseThrow();
    assertThat(s).startsWith("Liquidity providers, in % of the capital they commit, on gbm: Aave v3.3 (debt) earns 1.4% a path on average")
        .contains("P-wrapper vault (options) earns 0.85% a path on average")
        .contains("0.14 per unit of risk").contains("0.425 per unit of risk")
        .contains("Paid most per unit of risk: P-wrapper vault (options).")
        .contains("the options side's are paid more on gbm; over 2 scenarios, the options side's on 1 (gbm) and the debt side's on 1 (may-2021)")
        .contains("(the options side's on 0 of the 1 crash windows)")
        .contains("They lose most: the debt side's on may-2021 (a crash window), Aave v3.3 with a CVaR95 of 30%")
        .contains("the options side's on gbm, P-wrapper vault with a CVaR95 of 2%")
        // the wrapper's weakest scenario is the crash, where its mean is 0: it gains least there, it does not lose
        .contains("gains least on may-2021 (mean gain 0%)");
  }

  /** Swapping the two families' numbers swaps the verdicts: the sentence follows the numbers, not the names. */
  @Test
  void swappingTheNumbersSwapsTheVerdict() {
    List<LiquidityComparison.Row> swapped = List.of(
        row("gbm", false, "aave", "Aave v3.3", "debt", losses(19, 1, 1, 2)),
        row("gbm", false, "wrapper", "P-wrapper vault", "options", losses(19, 2, 1, 10)));
    assertThat(LiquidityComparison.sentence(swapped, "gbm").orElseThrow()).contains("Paid most per unit of risk: Aave v3.3 (debt).")
        .contains("the debt side's are paid more on gbm");
  }

  /** A side whose providers committed nothing is never "paid more"; its figure reads as idle. */
  @Test
  void aFamilyThatCommittedNothingIsIdleNotPaid() {
    List<LiquidityComparison.Row> rows = List.of(
        row("gbm", false, "aave", "Aave v3.3", "debt", losses(19, 2, 1, 10)),
        row("gbm", false, "wrapper", "P-wrapper vault", "options", new double[20]));
    assertThat(rows.get(1).perRisk()).isNaN();
    assertThat(LiquidityComparison.verdicts(rows).get(0).paidMore()).isEqualTo("debt");
    assertThat(LiquidityComparison.sentence(rows, "gbm").orElseThrow()).contains("P-wrapper vault (options) commits nothing on every path");
  }
}
