/**
 * Values and greeks of P and N before maturity: Black–Scholes in the ETH numeraire, the same model
 * as Garman–Kohlhagen (domestic = index, foreign = ETH) and as Deribit's inverse options.
 *
 * <p>With x the ETH price in index units, S the strike, r the index rate, q the ETH yield and
 * tau = days / 365: N is a call on ETH struck at S, so {@code N_index = x e^{-q tau} Φ(d1) - S e^{-r tau} Φ(d2)}
 * and {@code N_eth = N_index / x}; P is the rest of the ETH, {@code P_eth = e^{-q tau} - N_eth} and
 * {@code P_index = x P_eth = S e^{-r tau} - Put(x, S)}. Pricing uses {@code double}; it never
 * touches protocol state.
 */
package noliq.pricing;
