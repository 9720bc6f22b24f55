package noliq.options;

import java.time.Instant;
import noliq.math.Amount;
import noliq.math.book.AccountId;
import noliq.math.book.Token;

/** Everything the ledger accepted, one record per operation, in order: enough to journal and replay. */
public sealed interface LedgerEvent {
  record SeriesListed(SeriesId id, Series series) implements LedgerEvent {}

  record Deposited(AccountId account, Amount amount) implements LedgerEvent {}

  record Withdrawn(AccountId account, Amount amount) implements LedgerEvent {}

  record Transferred(AccountId from, AccountId to, Token token, Amount amount) implements LedgerEvent {}

  /**
   * {@code amount} ETH locked; {@code amount} P and {@code amount} N minted to {@code account}, and
   * {@code amount} I too for a series with the third outcome.
   */
  record Split(AccountId account, SeriesId series, Amount amount) implements LedgerEvent {}

  /** {@code amount} P and N (and I, with the third outcome) burned; {@code amount} ETH released to {@code account}. */
  record Merged(AccountId account, SeriesId series, Amount amount) implements LedgerEvent {}

  /** The payouts fixed at settlement; {@code iPerUnit} is zero unless a third-outcome series settled invalid. */
  record Settled(SeriesId series, Resolution resolution, Amount pPerUnit, Amount nPerUnit, Amount iPerUnit, Instant at)
      implements LedgerEvent {
    /** A settlement that pays no I. */
    public Settled(SeriesId series, Resolution resolution, Amount pPerUnit, Amount nPerUnit, Instant at) {
      this(series, resolution, pPerUnit, nPerUnit, Amount.ZERO, at);
    }
  }

  /** {@code amount} of {@code leg} burned for {@code payout} ETH. */
  record Redeemed(AccountId account, SeriesId series, Leg leg, Amount amount, Amount payout)
      implements LedgerEvent {}
}
