/**
 * The ETH spot market that forced sales (debt liquidations) sell into: an impact curve, a
 * recovery towards the exogenous price with a half-life, and the volatility response to
 * liquidation volume, calibrated to published figures ({@link noliq.market.impact.ImpactCalibration}).
 *
 * <p>This is a model of a market's response, not a ledger, so it works in {@code double} like
 * the price paths it perturbs; sale proceeds cross into exact amounts at the caller through
 * {@code Amount.fromDouble}.
 */
package noliq.market.impact;
