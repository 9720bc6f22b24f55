/**
 * The arbitration backstop after UMA's DVM 2.0: staked, token-weighted commit-reveal votes (24 h
 * each) in fixed rounds on a 48 h grid, GAT and SPAT (65% of all staked tokens, frozen per round), at most
 * 4 rolls (5 rounds) before deletion, and 0.1% slashing of wrong and missed votes in favour of the correct voters.
 */
package noliq.oracle.vote;
