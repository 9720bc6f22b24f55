package noliq.lab.study.debt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The debt side's assumptions table against its sources: Aave v3 Ethereum's USDC curve from 2025-02-03
 * (optimal 92%, base 0, slope1 9.5%, slope2 35%, reserve factor 10%), ETH-B's 4% stability fee as the spell's
 * per-second duty (1.04^(1 / 31,536,000) = 1 + 1.243680656318820312e-9, Maker's rates table), and Liquity's
 * stated user-set rates.
 */
class DebtAssumptionsTest {
  private static Map<String, String> values() {
    return DebtAssumptions.rows().stream().collect(Collectors.toMap(a -> a.name(), a -> a.value()));
  }

  @Test
  void theInterestRowsStateTheContractsParameters() {
    Map<String, String> v = values();
    assertThat(v.get("debt.interest.aave"))
        .isEqualTo("USDC curve: optimal 92%, base 0.0%, slope1 9.5%, slope2 35%, reserve factor 10%");
    assertThat(v.get("debt.interest.maker")).isEqualTo("ETH-B stability fee 4.00% a year (duty 1000000001243680656318820312)");
    assertThat(v.get("debt.interest.liquity"))
        .isEqualTo("user-set rates: median 5.0%, log-sd 0.50, on a 0.5% grid within [0.5%, 250%]");
    assertThat(v.get("debt.interest.accrual")).startsWith("every 168 h on the path");
    assertThat(v.get("debt.congestion.black_thursday")).isEqualTo("gas = 20 gwei x exp(7.68 x fall from the 288-step high)");
    assertThat(DebtAssumptions.names()).containsExactlyElementsOf(DebtAssumptions.rows().stream().map(a -> a.name()).toList());
  }

  @Test
  void interestSwitchesAndTheReserveFactorInBasisPoints() {
    Interest d = Interest.defaults();
    assertThat(d.aaveReserveFactorBps()).isEqualTo(1000);
    assertThat(d.makerAccrues()).isTrue();
    assertThat(d.none()).isFalse();
    assertThat(Interest.NONE.none()).isTrue();
    assertThat(Interest.NONE.makerAccrues()).isFalse();
    // only Liquity's rates on: not "none"
    Interest liquityOnly = new Interest(d.accrualInterval(), 0.92, 0, 0, 0, 0.1, 0, 0.05, 0.5);
    assertThat(liquityOnly.none()).isFalse();
    assertThat(liquityOnly.aaveAccrues()).isFalse();
    assertThat(liquityOnly.makerAccrues()).isFalse();
  }
}
