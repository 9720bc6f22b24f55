/**
 * The Reality.eth v3 escalation game: answers with at least doubling bonds, a timeout that each
 * answer restarts, arbitration that freezes the question, and {@code claimWinnings}' payout walk
 * with its 1/40 claim fee and takeover fee.
 */
package noliq.oracle.escalation;
