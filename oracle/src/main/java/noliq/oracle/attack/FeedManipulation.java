package noliq.oracle.attack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import noliq.oracle.OracleError;
import noliq.oracle.OracleException;
import noliq.oracle.Require;

/**
 * Pushing a fast TWAP feed through a thin pool: what it costs, and which debt positions it makes
 * liquidatable. The attacker holds the pool's spot at {@code (1 + deviation)} times the true price
 * for a whole TWAP window (after which the arithmetic TWAP reads the pushed price) and then for
 * {@code hold} more. If arbitrage pulls the price back every block, the attacker re-pushes every
 * block and pays the round-trip loss each time; if not, it pushes once and unwinds once, paying
 * only the two swap fees.
 */
public final class FeedManipulation {
  private FeedManipulation() {}

  /** What the attacker does. */
  public record Plan(double deviation, Duration hold, Duration twapWindow, Duration blockTime,
      boolean arbitragedEveryBlock, double liquidationBonus) {
    public Plan {
      if (!Double.isFinite(deviation) || deviation <= -1 || deviation == 0 || deviation > 100) {
        throw new OracleException(new OracleError.OutOfRange("deviation", "non-zero, above -1 and at most 100", Double.toString(deviation)));
      }
      Require.notNegative(hold, "hold");
      Require.positive(twapWindow, "twapWindow");
      Require.positive(blockTime, "blockTime");
      Require.between(liquidationBonus, 0, 1, "liquidationBonus");
    }
  }

  /**
   * The outcome: the feed price reached, the pushes and what they cost, the positions made
   * liquidatable and what liquidating them extracts (at the true price), and the net.
   */
  public record Result(double truePrice, double feedPrice, Duration pushedFor, long pushes, double costPerPush,
      double cost, double capitalRequired, List<DebtExposure> liquidatable, double debtLiquidatable,
      double extracted, double net) {
    public boolean pays() {
      return net > 0;
    }
  }

  public static Result attack(ThinPool pool, Plan plan, List<DebtExposure> positions) {
    Require.present(pool, "pool");
    Require.present(plan, "plan");
    Require.present(positions, "positions");
    double m = 1 + plan.deviation();
    double p = pool.spot();
    double feed = p * m;
    Duration pushedFor = plan.twapWindow().plus(plan.hold());
    long pushes;
    double perPush;
    double cost;
    if (plan.arbitragedEveryBlock()) {
      pushes = Math.ceilDiv(pushedFor.toMillis(), plan.blockTime().toMillis());
      perPush = pool.roundTripLoss(m);
      cost = pushes * perPush;
    } else {
      // Push once, unwind once: a constant-product round trip costs only its fees.
      pushes = 1;
      perPush = pool.feeRate() * pool.swapInValue(m) * 2;
      cost = perPush;
    }
    List<DebtExposure> hit = new ArrayList<>();
    double debt = 0;
    double extracted = 0;
    for (DebtExposure d : positions) {
      if (feed <= d.liquidationPrice()) {
        hit.add(d);
        debt += d.debt();
        // The liquidator repays the debt and takes collateral worth debt * (1 + bonus) at the feed
        // price; at the true price that collateral is worth more, capped by what the position holds.
        double seizedEth = Math.min(d.collateralEth(), d.debt() * (1 + plan.liquidationBonus()) / feed);
        extracted += seizedEth * p - d.debt();
      }
    }
    return new Result(p, feed, pushedFor, pushes, perPush, cost, pool.swapInValue(m), List.copyOf(hit), debt,
        extracted, extracted - cost);
  }
}
