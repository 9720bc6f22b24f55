package noliq.debt.liquity;

import static noliq.debt.liquity.LiquityParams.ONE;

import java.math.BigInteger;
import noliq.math.Exact;
import noliq.math.Rounding;

/**
 * Liquity's rules as pure functions (LiquityMath, LiquityBase and TroveManager's liquidation
 * arithmetic), kept apart from state so the engine and the what-if calculator share them.
 * Every division floors, as Solidity's does.
 */
public final class LiquityRules {
  private LiquityRules() {}

  /** {@code coll · price / debt}; a debt-free trove's ratio is "infinite" ({@code 2^256 − 1}). */
  public static BigInteger collateralRatio(BigInteger coll, BigInteger debt, BigInteger price) {
    if (debt.signum() == 0) {
      return Exact.MAX;
    }
    return Exact.mulDiv(coll, price, debt, Rounding.DOWN);
  }

  /** The liquidator's share of collateral: {@code min(coll / divisor, cap)}. */
  public static BigInteger collGasCompensation(LiquityParams p, BigInteger coll) {
    return Exact.div(coll, BigInteger.valueOf(p.collGasDivisor()), Rounding.DOWN).min(p.collGasCap().wei());
  }

  /** The pool's usable deposits: all of them in v1, all but {@code minInPool} in v2. */
  public static BigInteger usablePool(LiquityParams p, BigInteger deposits) {
    return deposits.subtract(deposits.min(p.minInPool().wei()));
  }

  /**
   * Which liquidation case applies to a trove with ratio {@code icr}, or {@code null} when it may
   * not be liquidated. {@code recovery} is whether the system is in Recovery Mode, {@code tcr}
   * its ratio and {@code pool} the usable deposits.
   */
  public static LiquidationMode mode(LiquityParams p, boolean recovery, BigInteger icr, BigInteger tcr,
      BigInteger debt, BigInteger pool) {
    if (!recovery) {
      return icr.compareTo(p.mcr()) < 0 ? LiquidationMode.NORMAL : null;
    }
    if (icr.compareTo(ONE) <= 0) {
      return LiquidationMode.RECOVERY_UNDER_100;
    }
    if (icr.compareTo(p.mcr()) < 0) {
      return LiquidationMode.NORMAL;
    }
    if (icr.compareTo(tcr) < 0 && debt.compareTo(pool) <= 0) {
      return LiquidationMode.RECOVERY_CAPPED;
    }
    return null;
  }

  /**
   * How a liquidation in {@code mode} splits a trove of {@code coll} and {@code debt} at
   * {@code price}, with {@code pool} usable stablecoin in the Stability Pool.
   */
  public static LiquidationSplit split(LiquityParams p, LiquidationMode mode, BigInteger coll, BigInteger debt,
      BigInteger price, BigInteger pool) {
    BigInteger debtGas = p.debtGasCompensation().wei();
    BigInteger ethGas = p.ethGasCompensation().wei();
    BigInteger zero = BigInteger.ZERO;
    switch (mode) {
      case RECOVERY_CAPPED -> {
        // TroveManager._getCappedOffsetVals: the pool pays the whole debt and gets collateral worth
        // debt · MCR; the gas compensation comes out of that, the rest is the owner's surplus.
        BigInteger collToOffset = Exact.mulDiv(debt, p.mcr(), price, Rounding.DOWN);
        BigInteger gas = collGasCompensation(p, collToOffset);
        return new LiquidationSplit(mode, coll, debt, gas, debtGas, ethGas, debt, collToOffset.subtract(gas),
            zero, zero, coll.subtract(collToOffset));
      }
      case RECOVERY_UNDER_100 -> {
        BigInteger gas = collGasCompensation(p, coll);
        return new LiquidationSplit(mode, coll, debt, gas, debtGas, ethGas, zero, zero, debt, coll.subtract(gas), zero);
      }
      default -> {
        return switch (p.penalty()) {
          case LiquityParams.Penalty.AllCollateral all -> {
            // v1 (TroveManager._liquidateNormalMode): the gas compensation comes off the whole collateral first.
            BigInteger gas = collGasCompensation(p, coll);
            BigInteger toLiquidate = coll.subtract(gas);
            BigInteger offset = debt.min(pool);
            BigInteger collToPool = offset.signum() == 0 ? zero : Exact.mulDiv(toLiquidate, offset, debt, Rounding.DOWN);
            yield new LiquidationSplit(mode, coll, debt, gas, debtGas, ethGas, offset, collToPool,
                debt.subtract(offset), toLiquidate.subtract(collToPool), zero);
          }
          case LiquityParams.Penalty.Capped capped -> {
            // v2 (bold, since "Remove coll gas compensation from redistributions", April 2025): the
            // collateral is first split pro rata to the debt offset; the gas compensation comes only
            // out of the part offset against the pool. Each part's collateral is then capped at its
            // debt · (1 + penalty) / price; the pool's surplus can be eaten by the redistribution's
            // penalty; what is left is the owner's.
            BigInteger offset = debt.min(pool);
            BigInteger gas = zero;
            BigInteger collSpPortion = zero;
            BigInteger collToPool = zero;
            BigInteger surplus = zero;
            if (offset.signum() > 0) {
              collSpPortion = Exact.mulDiv(coll, offset, debt, Rounding.DOWN);
              gas = collGasCompensation(p, collSpPortion);
              BigInteger collToOffset = collSpPortion.subtract(gas);
              BigInteger max = Exact.mulDiv(offset, ONE.add(capped.viaPool()), price, Rounding.DOWN);
              collToPool = collToOffset.min(max);
              surplus = collToOffset.subtract(collToPool);
            }
            BigInteger debtToRedistribute = debt.subtract(offset);
            BigInteger collToRedistribute = zero;
            if (debtToRedistribute.signum() > 0) {
              BigInteger available = coll.subtract(collSpPortion).add(surplus);
              BigInteger max = Exact.mulDiv(debtToRedistribute, ONE.add(capped.viaRedistribution()), price, Rounding.DOWN);
              collToRedistribute = available.min(max);
              surplus = available.subtract(collToRedistribute);
            }
            yield new LiquidationSplit(mode, coll, debt, gas, debtGas, ethGas, offset, collToPool,
                debtToRedistribute, collToRedistribute, surplus);
          }
        };
      }
    }
  }
}
