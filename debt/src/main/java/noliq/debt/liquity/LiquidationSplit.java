package noliq.debt.liquity;

import java.math.BigInteger;

/**
 * Where a liquidated trove's debt and collateral go, all in 18-decimal units. The collateral
 * parts sum to the trove's whole collateral; the debt parts sum to its whole debt:
 * {@code coll = collGasCompensation + collToPool + collToRedistribute + collSurplus},
 * {@code debt = debtToOffset + debtToRedistribute}.
 *
 * @param debtGasCompensation stablecoin paid to the liquidator from the gas pool (part of the debt
 *                            offset or redistributed, since the trove's debt included it)
 * @param ethGasCompensation  the trove's ETH gas deposit, paid to the liquidator (v2)
 */
public record LiquidationSplit(LiquidationMode mode, BigInteger coll, BigInteger debt,
    BigInteger collGasCompensation, BigInteger debtGasCompensation, BigInteger ethGasCompensation,
    BigInteger debtToOffset, BigInteger collToPool, BigInteger debtToRedistribute, BigInteger collToRedistribute,
    BigInteger collSurplus) {}
