package noliq.lab.study.debt;

import java.time.Duration;
import java.util.List;
import noliq.math.RuleViolation;
import noliq.oracle.attack.DebtExposure;
import noliq.oracle.attack.FeedManipulation;
import noliq.oracle.attack.ThinPool;

/**
 * What a fast-feed manipulation extracts from a debt book, and what it costs: the book's
 * positions as {@link DebtExposure}s, pushed down by {@code deviation} for {@code hold} through a
 * constant-product pool of {@code poolDepthUsd} per side that a TWAP feed reads. The other half of
 * the comparison, what corrupting a slow settlement would cost, is the options side's.
 *
 * @param deviation how far the feed is pushed, as a fraction (0.1 = 10% down)
 * @param hold how long it is held after the TWAP window has filled
 * @param twapWindow the feed's averaging window
 * @param poolDepthUsd the USD on each side of the pool the feed reads
 * @param feeRate the pool's swap fee (0.003 for a 0.3% pool)
 * @param arbitragedEveryBlock whether arbitrage pulls the price back every block (so the attacker re-pushes)
 */
public record DebtOracleExposure(double deviation, Duration hold, Duration twapWindow, double poolDepthUsd,
    double feeRate, boolean arbitragedEveryBlock) {
  /** Ethereum's block time. */
  public static final Duration BLOCK = Duration.ofSeconds(12);

  public DebtOracleExposure {
    if (!(deviation > 0 && deviation < 1)) {
      throw new RuleViolation("deviation", "must be a fraction in (0, 1) (was " + deviation + ")");
    }
    if (hold == null || hold.isNegative() || twapWindow == null || twapWindow.isNegative() || twapWindow.isZero()) {
      throw new RuleViolation("hold", "and twapWindow must be given, hold non-negative and twapWindow positive");
    }
    if (!(poolDepthUsd > 0) || Double.isInfinite(poolDepthUsd)) {
      throw new RuleViolation("poolDepthUsd", "must be positive and finite (was " + poolDepthUsd + ")");
    }
  }

  /** The attack on {@code book}'s positions at {@code price}, as drawn by {@link DebtBook#exposures}. */
  public FeedManipulation.Result against(DebtBook book, List<DebtExposure> positions, double price) {
    ThinPool pool = new ThinPool(poolDepthUsd / price, poolDepthUsd, feeRate);
    FeedManipulation.Plan plan = new FeedManipulation.Plan(-deviation, hold, twapWindow, BLOCK, arbitragedEveryBlock,
        Math.min(book.liquidationBonus(), 1));
    return FeedManipulation.attack(pool, plan, positions);
  }
}
