/**
 * Markets for rolls and for forced sales, as pure protocol code: no clock, no randomness, no I/O;
 * time ({@code Instant now}) and reference prices come in as arguments.
 *
 * <ul>
 *   <li>{@link noliq.market.amm}: a constant-product pool (Uniswap v2 rules) with a fee schedule and
 *       a halt at maturity, and a Pendle-style logit pool for P whose curve steepens as 1/time.
 *   <li>{@link noliq.market.auction}: Dutch rotation auctions for a roll (Kyrrui's linear ramp).
 *   <li>{@link noliq.market.book}: a price-time-priority limit order book, where a patient holder
 *       rests one-sided orders.
 *   <li>{@link noliq.market.impact}: the ETH spot market that forced sales move (calibrated impact).
 *   <li>{@link noliq.market.agents}: a Black–Scholes market maker and an arbitrageur.
 *   <li>{@link noliq.market.roll}: the roll-cost comparison of the three mechanisms.
 * </ul>
 *
 * <p>Every pool, auction house and order book holds its tokens as an account in the shared
 * {@link noliq.math.book.TokenBook}, so conservation is checkable on the book's supplies. Every
 * accepted operation returns a {@link noliq.market.MarketEvent}; every rejection is a
 * {@link noliq.market.MarketException} with a typed {@link noliq.market.MarketError} and changes nothing.
 */
package noliq.market;
