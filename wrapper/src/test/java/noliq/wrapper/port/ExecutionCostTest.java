package noliq.wrapper.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The cost breakdown's identities on a hand-made fill: 2 ETH of fair value given, 1.99 received at the
 * decision's fair values, 0.006 lost at the fill, of which 0.003 fees and 0.001 impact.
 * <pre>
 *   total = 2 − 1.99 = 0.01; move = 0.01 − 0.006 = 0.004; spread = 0.006 − 0.003 − 0.001 = 0.002
 *   in basis points of what was given: 0.01 / 2 × 10,000 = 50 bp
 * </pre>
 */
class ExecutionCostTest {
  static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

  @Test
  void totalSplitsIntoExecutionAndMoveAndExecutionIntoFeeImpactAndSpread() {
    ExecutionCost c = new ExecutionCost(2, 1.99, 0.006, 0.003, 0.001, 0, T0, T0);
    assertThat(c.totalEth()).isCloseTo(0.01, within(1e-15));
    assertThat(c.moveEth()).isCloseTo(0.004, within(1e-15));
    assertThat(c.spreadEth()).isCloseTo(0.002, within(1e-15));
    assertThat(c.bps(c.totalEth())).isCloseTo(50, within(1e-9));
  }

  /** Nothing given has no basis to be a fraction of: 0 bp, never an infinity or NaN. */
  @Test
  void nothingGivenIsZeroBasisPoints() {
    assertThat(new ExecutionCost(0, 0, 0, 0, 0, 1, T0, T0).bps(0.5)).isZero();
  }
}
