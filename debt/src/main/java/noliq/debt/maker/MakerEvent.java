package noliq.debt.maker;

import java.math.BigInteger;
import java.time.Instant;
import noliq.math.book.AccountId;

/**
 * What the Maker engine did, one record per accepted operation, so a node can journal them.
 * Scales as in dss: amounts of collateral in wad, prices and rates in ray, DAI in rad.
 */
public sealed interface MakerEvent {
  record IlkAdded(IlkParams params) implements MakerEvent {}

  /** The Spotter's poke: oracle value {@code val} [wad] gives the feed price [ray] and {@code spot} [ray]. */
  record Poked(String ilk, BigInteger val, BigInteger feed, BigInteger spot) implements MakerEvent {}

  /** Collateral entered ({@code wad > 0}) or left ({@code wad < 0}) the Vat through the join adapter. */
  record Slipped(String ilk, AccountId usr, BigInteger wad) implements MakerEvent {}

  record Frobbed(String ilk, AccountId urn, BigInteger dink, BigInteger dart, BigInteger ink, BigInteger art)
      implements MakerEvent {}

  /** Stability fees: {@code rate} rose by {@code delta} [ray], crediting {@code rad} of DAI to the Vow. */
  record Folded(String ilk, BigInteger delta, BigInteger rate, BigInteger rad) implements MakerEvent {}

  record Moved(AccountId src, AccountId dst, BigInteger rad) implements MakerEvent {}

  record Healed(BigInteger rad) implements MakerEvent {}

  /**
   * The Dog seized {@code dink} collateral and {@code dart} normalised debt ({@code due} [rad]) and
   * the Clipper kicked auction {@code id} for {@code tab = due · chop} at starting price {@code top};
   * the keeper got {@code coin} [rad], sucked from the Vow.
   */
  record Barked(String ilk, AccountId urn, BigInteger dink, BigInteger dart, BigInteger due, long id,
      BigInteger tab, BigInteger top, AccountId keeper, BigInteger coin, Instant at) implements MakerEvent {}

  /**
   * {@code taker} bought {@code slice} collateral at {@code price} [ray] for {@code owe} [rad];
   * {@code tab} and {@code lot} are what remains. When the auction ended with collateral left over,
   * {@code returned} went back to the vault owner {@code usr}. When the lot ran out with tab left over,
   * {@code badDebt} [rad] is that uncollected tab, penalty included. It is not what stays unbacked:
   * the Vow's sin from this auction is its {@code due} (the debt the Dog queued at bark, without the
   * penalty) minus the DAI all its takes collected, when that is positive; a tab left over can be
   * mostly unpaid penalty with no unbacked debt at all.
   */
  record Taken(long id, BigInteger max, BigInteger price, BigInteger slice, BigInteger owe, BigInteger tab,
      BigInteger lot, AccountId usr, AccountId taker, BigInteger returned, BigInteger badDebt, Instant at)
      implements MakerEvent {}

  record Redone(long id, BigInteger top, BigInteger tab, BigInteger lot, AccountId usr, AccountId keeper,
      BigInteger coin, Instant at) implements MakerEvent {}
}
