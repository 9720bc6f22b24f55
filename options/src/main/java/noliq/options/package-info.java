/**
 * The P/N protocol: series, payoffs, split, merge, settle and redeem, exact and conserving.
 *
 * <p>A {@link noliq.options.Series} is fixed by an index, a strike S, a maturity M and a
 * {@link noliq.options.Payoff}, plus the {@link noliq.options.InvalidPolicy} for an unresolvable
 * oracle question; its id is derived from those, so identical series are one series. A series
 * under {@code THIRD_OUTCOME} has a third leg I: a split mints P, N and I, a merge burns all three,
 * a valid settlement pays I nothing and an invalid one pays I the whole 1 ETH (Seer's scalar markets).
 * {@link noliq.options.OptionsLedger} locks 1 ETH per set (P and N, or P, N and I) in the series'
 * escrow account of the shared {@link noliq.math.book.TokenBook}. After M it settles once, from the
 * {@link noliq.options.SettlementOracle}'s final resolution; from then on each P redeems for the
 * payoff's P share of 1 ETH, rounded down, and each N for exactly the rest, also rounded down when
 * redeemed in a batch. So every pair pays at most 1 ETH and the escrow always covers every claim:
 * {@code locked · 10^18 >= supply(P) · pPerUnit + supply(N) · nPerUnit + supply(I) · iPerUnit}.
 *
 * <p>Like UMA's LongShortPair, the core is small and payoffs are pluggable; merge is allowed at any
 * time, including after settlement. The ledger is a single writer: not thread-safe by design.
 */
package noliq.options;
