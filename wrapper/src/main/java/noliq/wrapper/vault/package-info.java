/**
 * The all-rules wrapper vault: deposits of ETH mint shares over P held by one roll policy, rolls
 * are public calls traded through a {@link noliq.wrapper.port.RollVenue}, and withdrawals pay a
 * pro-rata slice of every holding. No admin, no vote, no discretion.
 */
package noliq.wrapper.vault;
