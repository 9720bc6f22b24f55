/**
 * The token book: who holds how much of which token, with every token's total supply, in exact
 * {@link noliq.math.Amount}s. It is the shared state that the protocols move value through, as
 * ERC-20 balances are on chain: the options ledger mints and burns P and N here, a pool is an
 * account here, a vault is an account here. Only the protocol that issues a token mints or burns
 * it; everyone else transfers.
 *
 * <p>{@link noliq.math.book.TokenBook#atomically} gives EVM-style revert: a failed operation leaves
 * no trace, however many transfers it had made.
 */
package noliq.math.book;
