/**
 * The arbitration backstop after UMA's DVM 2.0: staked, token-weighted commit-reveal votes (24 h
 * each), GAT and SPAT (65%), up to 5 rolls, and slashing of wrong and missed votes in favour of
 * the correct voters.
 */
package noliq.oracle.vote;
