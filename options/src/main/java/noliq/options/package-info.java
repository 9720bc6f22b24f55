/**
 * The P/N protocol: series, payoffs, split, merge, settle and redeem, exact and conserving.
 *
 * <p>A {@link noliq.options.Series} is fixed by an index, a strike S, a maturity M and a
 * {@link noliq.options.Payoff}; its id is derived from those, so identical series are one series.
 * {@link noliq.options.OptionsLedger} locks 1 ETH per pair in the series' escrow account of the
 * shared {@link noliq.math.book.TokenBook}. After M it settles once, from the
 * {@link noliq.options.SettlementOracle}'s final resolution; from then on each P redeems for the
 * payoff's P share of 1 ETH, rounded down, and each N for exactly the rest, also rounded down when
 * redeemed in a batch. So every pair pays at most 1 ETH and the escrow always covers every claim:
 * {@code locked · 10^18 >= supply(P) · pPerUnit + supply(N) · nPerUnit}.
 *
 * <p>Like UMA's LongShortPair, the core is small and payoffs are pluggable; merge is allowed at any
 * time, including after settlement. The ledger is a single writer: not thread-safe by design.
 */
package noliq.options;
