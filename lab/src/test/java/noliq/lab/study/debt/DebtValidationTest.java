package noliq.lab.study.debt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import noliq.lab.scenarios.TestData;
import noliq.lab.study.DesignCatalog;
import org.junit.jupiter.api.Test;

class DebtValidationTest {
  /**
   * The real side of the October 2025 comparison, counted from the events file: 25 Aave v3
   * LiquidationCall events on 10 Oct 2025 (UTC), 37 over 10-11 Oct, and 7,832 in the whole file (as its README says).
   */
  @Test
  void theAaveEventsFileCountsTheLiquidationCallsInAWindow() {
    Path events = TestData.shipped(DebtValidation.AAVE_EVENTS);
    assertThat(DebtValidation.aaveLiquidationCalls(events, Instant.parse("2025-10-10T00:00:00Z"),
        Instant.parse("2025-10-11T00:00:00Z"))).isEqualTo(25);
    assertThat(DebtValidation.aaveLiquidationCalls(events, Instant.parse("2025-10-10T00:00:00Z"),
        Instant.parse("2025-10-12T00:00:00Z"))).isEqualTo(37);
    assertThat(DebtValidation.aaveLiquidationCalls(events, Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z")))
        .isEqualTo(7832);
  }

  @Test
  void everyDebtAssumptionHasAStableNameAndASource() {
    assertThat(DesignCatalog.assumptions()).filteredOn(a -> a.area().equals("debt"))
        .extracting(DesignCatalog.Assumption::name).doesNotHaveDuplicates()
        .contains("population", "debt.population.health_fit", "debt.congestion.black_thursday", "debt.borrowers.fit", "debt.interest.aave", "debt.interest.maker", "debt.interest.liquity", "borrowers", "interest");
    assertThat(DebtAssumptions.names()).allSatisfy(n -> assertThat(n).matches("debt(\\.[a-z_]+)+"));
    assertThat(DebtAssumptions.rows()).allSatisfy(a -> assertThat(a.source()).isNotBlank());
  }
}
