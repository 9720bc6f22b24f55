/**
 * Oracles: the slow, disputable settlement oracle that P/N series settle from, and the fast feeds
 * that debt designs depend on, with the attacks on each.
 *
 * <ul>
 *   <li>{@link noliq.oracle.optimistic}: UMA Optimistic Oracle v2 style propose / dispute / settle,
 *       with the bond economics of the contract, and the adapter that options settle through.</li>
 *   <li>{@link noliq.oracle.escalation}: the Reality.eth bond-doubling escalation game with a
 *       claim fee and arbitration that freezes the question.</li>
 *   <li>{@link noliq.oracle.vote}: the arbitration backstop, a UMA DVM 2.0 style token-weighted
 *       commit-reveal vote with GAT, SPAT, rolls and slashing.</li>
 *   <li>{@link noliq.oracle.feeds}: push feed (deviation + heartbeat), TWAP, private median.</li>
 *   <li>{@link noliq.oracle.attack}: what manipulating a fast feed or corrupting settlement costs,
 *       and what it extracts.</li>
 * </ul>
 *
 * <p>Protocol code: time, randomness and prices come in as arguments; bonds and stakes are
 * balances in the shared {@link noliq.math.book.TokenBook}, so conservation is checkable there.
 */
package noliq.oracle;
