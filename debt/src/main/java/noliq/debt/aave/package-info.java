/**
 * Aave v3.3 liquidation, faithful to {@code aave-dao/aave-v3-origin}'s {@code LiquidationLogic},
 * {@code GenericLogic} and {@code ValidationLogic}.
 *
 * <p>Rules and state are kept apart, in Aave's style. {@link noliq.debt.aave.HealthFactor}
 * (GenericLogic and the borrow check) and {@link noliq.debt.aave.LiquidationLogic} are pure
 * functions of the positions and prices they are given; {@link noliq.debt.aave.Pool} holds the
 * reserves, prices, supplies, debts and deficits, checks inputs, asks the rules, and applies their
 * answer all-or-nothing, publishing an {@link noliq.debt.aave.AaveEvent}. Refusals are
 * {@link noliq.debt.aave.AaveViolation}s carrying a typed {@link noliq.debt.aave.AaveError}.
 *
 * <p>Scales are the contract's: base-currency (USD) values at 8 decimals, percentages in basis
 * points, the liquidation bonus as a multiplier ({@code 10500}), the health factor in WAD. Token
 * amounts are held in each token's own decimals. Divisions truncate, as Solidity's {@code /},
 * except PercentageMath and WadRayMath, which round half up ({@link noliq.debt.aave.AaveMath}).
 *
 * <p>Simplifications, on purpose:
 * <ul>
 *   <li>No interest: the liquidity and borrow indexes stay at 1 (a RAY), so aToken and debt-token
 *       balances are the amounts supplied and borrowed, and there is no reserve factor. The
 *       fee transfer's scaled-balance correction in the contract is therefore a no-op here.
 *   <li>Variable-rate debt only; no isolation mode, supply or borrow caps, siloed borrowing,
 *       flash loans, price oracle sentinel, pausing or freezing.
 *   <li>Every supply with a non-zero liquidation threshold counts as collateral (no
 *       {@code setUserUseReserveAsCollateral}).
 *   <li>The deficit is recorded per reserve; covering it (Umbrella, {@code eliminateReserveDeficit})
 *       is out of scope.
 *   <li>Versions differ in rounding; this package follows v3.3: debts are valued truncated
 *       ({@code amount * price / unit}) and the health factor uses the average LT truncated to whole
 *       basis points. Later versions of the same contracts round the debt value up and keep the
 *       average LT's fraction.
 * </ul>
 */
package noliq.debt.aave;
