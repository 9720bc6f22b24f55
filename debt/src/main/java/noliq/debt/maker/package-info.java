/**
 * Maker Liquidations 2.0, faithful to makerdao/dss {@code vat.sol}, {@code spot.sol},
 * {@code dog.sol}, {@code clip.sol} and {@code abaci.sol}.
 *
 * <p>{@link noliq.debt.maker.MakerEngine} holds the Vat's vaults (ink, art), DAI and sin, the
 * ilks' rate and spot, the Dog's {@code Hole}/{@code Dirt} and per-ilk {@code hole}/{@code dirt},
 * and one Clipper per ilk. {@link noliq.debt.maker.Abacus} gives the three price curves.
 * Scales and rounding are the contracts': collateral in WAD, prices and rates in RAY, DAI in RAD,
 * {@code rmul}/{@code rdiv}/{@code wmul} floor, {@code rpow} rounds half up at every squaring
 * ({@link noliq.debt.maker.DssMath}).
 *
 * <p>Simplifications, each deliberate:
 * <ul>
 *   <li>{@code par} is 1 and the oracle is whatever {@code poke} is given (no OSM delay).</li>
 *   <li>No debt ceilings ({@code line}, {@code Line}), no Vow debt queue or flop/flap auctions;
 *       the Vow's sin and surplus are visible and {@code heal} cancels them.</li>
 *   <li>{@code chost} is computed from the ilk's current dust and chop instead of being cached by
 *       {@code upchost}; the parameters never change after {@code addIlk}, so the two agree.</li>
 *   <li>In {@code take} the buyer pays and receives; there is no {@code clipperCall} flash callback.
 *       A zero {@code amt} is refused as bad input.</li>
 *   <li>No circuit breaker ({@code stopped}), no {@code yank}, no emergency shutdown.</li>
 *   <li>Frob uses one account as vault owner, collateral source and DAI destination.</li>
 * </ul>
 */
package noliq.debt.maker;
