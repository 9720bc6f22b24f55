package noliq.wrapper.vault;

import java.util.Map;
import java.util.Optional;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.options.SeriesId;
import noliq.wrapper.policy.Trigger;
import noliq.wrapper.port.Mechanism;

/** Everything the vault accepted, one record per operation, in order. */
public sealed interface VaultEvent {

  /** {@code eth} split into {@code series}; {@code valueAdded} (index units, intrinsic) minted {@code shares}. */
  record Deposited(AccountId depositor, Amount eth, SeriesId series, NHandling nHandling, Amount pAdded,
      Price valueAdded, Amount shares) implements VaultEvent {}

  /** {@code shares} burned for a pro-rata slice of every holding. */
  record Withdrawn(AccountId holder, Amount shares, Map<Token, Amount> paid) implements VaultEvent {}

  /** A roll (or a re-entry from ETH, {@code from} empty) traded through {@code mechanism}. */
  record Rolled(Optional<SeriesId> from, SeriesId to, Trigger trigger, Mechanism mechanism, Token gave, Amount given,
      Amount received, Price fairGiven, Price fairReceived, String reason) implements VaultEvent {}

  /** No taker filled the roll: the held series is kept to settlement through the slow oracle. */
  record HeldToSettlement(SeriesId series, Mechanism mechanism, String reason) implements VaultEvent {}

  /** The re-entry from ETH found no taker: the vault keeps its ETH; anyone may try again. */
  record EntryUnfilled(SeriesId target, Mechanism mechanism, String reason) implements VaultEvent {}

  /** A series moved to without a trade because the vault held none of the old one. */
  record Retargeted(Optional<SeriesId> from, SeriesId to, Trigger trigger, String reason) implements VaultEvent {}

  /** A matured series settled (if it had not) and the vault redeemed its {@code p} P for {@code eth} ETH. */
  record Redeemed(SeriesId series, Amount p, Amount eth) implements VaultEvent {}
}
