/**
 * The slow settlement oracle after UMA's OptimisticOracleV2: request after maturity, propose with
 * {@code bond + finalFee}, dispute within the liveness window (2 h by default), escalation to the
 * {@link noliq.oracle.Backstop} vote, and settlement of every bond per the contract's rule. The
 * options ledger settles from it through {@link noliq.oracle.SettlementPort},
 * only once the value is final. {@link noliq.oracle.optimistic.SettlementTimeline} plays a whole
 * settlement on a virtual clock.
 */
package noliq.oracle.optimistic;
