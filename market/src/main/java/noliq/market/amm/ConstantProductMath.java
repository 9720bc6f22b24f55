package noliq.market.amm;

import java.math.BigInteger;
import noliq.math.Exact;
import noliq.math.Rounding;

/**
 * The pure rules of a constant-product pool (Uniswap v2's {@code UniswapV2Library}), on exact
 * integers. The fee stays in the pool, so {@code k = r0 * r1} never decreases; every rounding is
 * in the pool's favour (what leaves it rounds down, what enters rounds up).
 */
public final class ConstantProductMath {
  private static final BigInteger PIPS = BigInteger.valueOf(FeeSchedule.PIPS);

  private ConstantProductMath() {}

  /** {@code getAmountOut}: what {@code amountIn} buys, after the fee, rounded down. */
  public static BigInteger amountOut(BigInteger amountIn, BigInteger reserveIn, BigInteger reserveOut, long feePips) {
    BigInteger inWithFee = Exact.mul(amountIn, BigInteger.valueOf(FeeSchedule.PIPS - feePips));
    BigInteger numerator = Exact.mul(inWithFee, reserveOut);
    BigInteger denominator = Exact.add(Exact.mul(reserveIn, PIPS), inWithFee);
    return Exact.div(numerator, denominator, Rounding.DOWN);
  }

  /**
   * {@code getAmountIn}: the least amount in that buys {@code amountOut}, rounded up. Requires
   * {@code amountOut < reserveOut}.
   */
  public static BigInteger amountIn(BigInteger amountOut, BigInteger reserveIn, BigInteger reserveOut, long feePips) {
    BigInteger numerator = Exact.mul(Exact.mul(reserveIn, amountOut), PIPS);
    BigInteger denominator = Exact.mul(Exact.sub(reserveOut, amountOut), BigInteger.valueOf(FeeSchedule.PIPS - feePips));
    // Uniswap adds 1 after a floor division; a ceiling is the same or one less, still never short.
    return Exact.div(numerator, denominator, Rounding.UP);
  }

  /** Shares for the first deposit: {@code floor(sqrt(a0 * a1))}. */
  public static BigInteger initialShares(BigInteger amount0, BigInteger amount1) {
    return Exact.mul(amount0, amount1).sqrt();
  }

  /** Shares for a later deposit: the smaller of the two proportional claims, rounded down. */
  public static BigInteger shares(BigInteger amount0, BigInteger amount1, BigInteger reserve0, BigInteger reserve1,
      BigInteger totalShares) {
    BigInteger s0 = Exact.mulDiv(amount0, totalShares, reserve0, Rounding.DOWN);
    BigInteger s1 = Exact.mulDiv(amount1, totalShares, reserve1, Rounding.DOWN);
    return s0.min(s1);
  }
}
