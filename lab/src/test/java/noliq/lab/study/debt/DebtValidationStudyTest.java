package noliq.lab.study.debt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import noliq.lab.engine.Progress;
import noliq.lab.metrics.Estimate;
import noliq.lab.report.Report.Table;
import noliq.lab.scenarios.TestData;
import noliq.lab.study.StudyConfig;
import noliq.lab.study.StudyRunner;
import noliq.lab.study.StudyScenario;
import org.junit.jupiter.api.Test;

/**
 * The validation tables from whole study runs (the October 2025 replay and bridges, and paired
 * differences of the three books): each runs {@link StudyRunner} over populations and paths, so it is
 * one of the whole-study tests that mutation testing leaves out (a "StudyTest" is not run against each
 * mutant; the books' rules are killed by the hand-worked book tests instead).
 */
class DebtValidationStudyTest {
  /**
   * October 2025 end to end: the Aave book on two bridges and on the day as it happened (256
   * populations), each set against the events file's 25 calls, with the ratio as it comes out.
   */
  @Test
  void theOctober2025ValidationRowsCarrySimulatedRealAndTheirRatio() {
    Path prices = TestData.shippedHourly();
    StudyConfig config = new StudyConfig("validation", List.of("oct-2025"), 2, 2, 1, 2500.0, 3L, 1, List.of("aave"),
        prices.toString(), 0);
    StudyRunner.StudyResult result = StudyRunner.run(config, DebtDesigns.defaults(), n -> Progress.none());
    Table t = DebtValidation.validation(result);
    // Counts against the events file, then liquidated USD against Chaos Labs' published $180M.
    assertThat(t.rows()).hasSize(4);
    assertThat(t.rows()).extracting(r -> r.get(1)).containsExactly("oct-2025", "oct-2025-history", "oct-2025",
        "oct-2025-history");
    List<Object> usd = t.rows().get(3);
    assertThat(usd.get(5)).isEqualTo(180e6);
    assertThat((Double) usd.get(7)).isCloseTo(((Estimate) usd.get(4)).value() / 180e6,
        org.assertj.core.api.Assertions.within(1e-12));
    assertThat((String) usd.get(6)).contains("governance.aave.com");
    List<Object> history = t.rows().get(1);
    Estimate simulated = (Estimate) history.get(4);
    assertThat(simulated.n()).isEqualTo(StudyScenario.REPLAY_POPULATIONS);
    assertThat(history.get(5)).isEqualTo(25.0);
    assertThat((Double) history.get(7)).isCloseTo(simulated.value() / 25, org.assertj.core.api.Assertions.within(1e-12));
    // Only the Aave book ran: no pair to difference.
    assertThat(DebtValidation.pairedDifferences(result).rows()).isEmpty();
  }

  /** Paired differences are per path: their mean is the difference of the books' means, over the same paths. */
  @Test
  void pairedDifferencesAreTakenPathByPath() {
    StudyConfig config = new StudyConfig("pairs", List.of("aug-2024"), 2, 4, 1, 2500.0, 5L, 1,
        List.of("aave", "maker", "liquity"), null, 0);
    StudyRunner.StudyResult result = StudyRunner.run(config, DebtDesigns.defaults(), n -> Progress.none());
    Table t = DebtValidation.pairedDifferences(result);
    var summary = result.scenarios().get(0).summary();
    List<Object> row = t.rows().stream().filter(r -> r.get(1).equals("aave - maker") && r.get(2).equals("liquidated_pct_book"))
        .findFirst().orElseThrow();
    Estimate d = (Estimate) row.get(3);
    assertThat(d.n()).isEqualTo(4);
    assertThat(d.value()).isCloseTo(summary.metric("aave.liquidated_pct_book").mean().value()
        - summary.metric("maker.liquidated_pct_book").mean().value(), org.assertj.core.api.Assertions.within(1e-9));
    // The same borrowers: on each path Aave's book is Maker's times 1.3 x 0.83 (same collateral and health,
    // ratios 1.3 and 1/0.83), up to USDC's 6 decimals.
    double[] aave = summary.metric("aave.book_debt_usd").values();
    double[] maker = summary.metric("maker.book_debt_usd").values();
    for (int p = 0; p < aave.length; p++) {
      assertThat(aave[p]).isCloseTo(maker[p] * 1.3 * 0.83, org.assertj.core.api.Assertions.within(maker[p] * 1e-9));
    }
  }
}
