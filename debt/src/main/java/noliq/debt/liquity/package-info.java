/**
 * Liquity v1 (TroveManager, BorrowerOperations, StabilityPool, LiquityBase), with v2's (BOLD)
 * WETH-branch liquidation parameters as a preset ({@link noliq.debt.liquity.LiquityParams#v2Weth()}).
 *
 * <p>{@link noliq.debt.liquity.LiquityEngine} runs troves, the Stability Pool, redistribution and
 * Recovery Mode over a shared {@link noliq.math.book.TokenBook}; {@link noliq.debt.liquity.LiquityRules}
 * holds the pure rules (collateral ratios, gas compensation, the liquidation cases and how a
 * liquidation splits), shared with the CLI's what-if calculator. All amounts are wei at 18
 * decimals and every division floors, as in the contracts. Pool gains use the contracts'
 * product-sum scheme (P, S, epochs, scales of 10^9, error feedback); redistribution uses
 * {@code L_ETH}/{@code L_LUSDDebt} per unit staked with error feedback and stakes corrected by the
 * system snapshots.
 *
 * <p>Simplifications, each deliberate:
 * <ul>
 *   <li>No redemptions, no LQTY issuance, no base rate: the v1 borrowing fee is the 0.5 % floor;
 *       v2's interest, upfront fee, batches and branch shutdown are not modelled (its fee is 0).</li>
 *   <li>Liquidations are one trove at a time ({@code liquidate}); batch liquidation's running TCR
 *       is not modelled. Recovery Mode is decided from the TCR before the liquidation, as a
 *       single-trove batch does.</li>
 *   <li>The v2 preset keeps v1's Stability Pool bookkeeping and its withdrawal rule (no withdrawals
 *       while a trove is below the MCR); it does keep 1 BOLD in the pool, as v2 does.</li>
 *   <li>v1's loss error feedback can make the compounded deposits read up to
 *       {@code total / 10^18} wei above the pool; a withdrawal never pays out more than the pool
 *       holds.</li>
 *   <li>Hints and sorted troves are unnecessary: {@code belowMcr()} scans the troves.</li>
 * </ul>
 */
package noliq.debt.liquity;
