package noliq.debt.maker;

import static noliq.debt.maker.DssMath.rad;
import static noliq.debt.maker.DssMath.ray;
import static noliq.debt.maker.DssMath.wad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.testing.Refusals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class MakerEngineTest {
  static final String ETH = "ETH-B";
  static final AccountId ALICE = AccountId.of("alice");
  static final AccountId BOB = AccountId.of("bob");
  static final AccountId KEEPER = AccountId.of("keeper");
  static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

  MakerEngine m;
  final List<MakerEvent> events = new ArrayList<>();

  @BeforeEach
  void setUp() {
    m = engine(rad("100000000"), ethBWithSmallDust());
  }

  MakerEngine engine(BigInteger hole, IlkParams ilk) {
    return liquidatableBook(hole, ilk, events);
  }

  /**
   * Bob's vault beside Alice's: 10 ETH and {@code dai} DAI drawn at $2,000, then the price poked back to
   * $1,900 (unsafe there above 14,615 DAI).
   */
  static void bobBorrows(MakerEngine m, String dai) {
    m.join(ETH, BOB, wad("10"));
    m.poke(ETH, Price.of(2000));
    m.frob(ETH, BOB, wad("10"), wad(dai));
    m.poke(ETH, Price.of(1900));
  }

  /**
   * The book both Maker engine test classes start from: Alice's vault (10 ETH, 15,000 DAI) and the keeper's
   * (100 ETH, 50,000 DAI) opened at $2,000, then the price poked to $1,900, where Alice's vault is unsafe.
   * Every event goes to {@code events}; the ilk's listing is checked as it is added.
   */
  static MakerEngine liquidatableBook(BigInteger hole, IlkParams ilk, List<MakerEvent> events) {
    MakerEngine e = new MakerEngine(hole);
    e.onEvent(events::add);
    assertThat(e.addIlk(ilk)).isEqualTo(new MakerEvent.IlkAdded(ilk));
    e.poke(ilk.name(), Price.of(2000));
    e.join(ilk.name(), ALICE, wad("10"));
    e.frob(ilk.name(), ALICE, wad("10"), wad("15000"));
    e.join(ilk.name(), KEEPER, wad("100"));
    e.frob(ilk.name(), KEEPER, wad("100"), wad("50000"));
    e.poke(ilk.name(), Price.of(1900));
    return e;
  }

  @Test
  void pokeSetsSpotAsPriceOverMat() {
    assertThat(m.ilkView(ETH).feed()).isEqualTo(ray("1900"));
    assertThat(m.ilkView(ETH).spot()).isEqualTo(new BigInteger("1461538461538461538461538461538"));
  }

  @Test
  void barkSeizesTheWholeVaultAndKicksAnAuctionAtBufTimesPrice() {
    MakerEvent.Barked b = m.bark(ETH, ALICE, KEEPER, T0);
    assertThat(b.dink()).isEqualTo(wad("10"));
    assertThat(b.dart()).isEqualTo(wad("15000"));
    assertThat(b.due()).isEqualTo(rad("15000"));
    assertThat(b.tab()).isEqualTo(rad("16950"));       // 15,000 · 1.13
    assertThat(b.top()).isEqualTo(ray("2280"));        // 1,900 · 1.2
    assertThat(b.coin()).isEqualTo(rad("316.95"));     // tip 300 + 0.1 % of 16,950
    assertThat(m.urn(ETH, ALICE)).isEqualTo(new MakerEngine.UrnView(BigInteger.ZERO, BigInteger.ZERO));
    assertThat(m.gem(ETH, MakerEngine.clipper(ETH))).isEqualTo(wad("10"));
    assertThat(m.sin(MakerEngine.VOW)).isEqualTo(rad("15316.95"));
    assertThat(m.dai(KEEPER)).isEqualTo(rad("50316.95"));
    assertThat(m.dirt()).isEqualTo(rad("16950"));
    assertThat(m.ilkView(ETH).dirt()).isEqualTo(rad("16950"));
    assertThat(events).last().isEqualTo(b);
    assertThat(m.violatedInvariants()).isEmpty();
  }

  @Test
  void aPartialTakeThatWouldLeaveLessThanChostIsTrimmedToLeaveExactlyChost() {
    long id = m.bark(ETH, ALICE, KEEPER, T0).id();
    // 5 ETH at 2,280 would leave 16,950 − 11,400 = 5,550 < chost = 5,000 · 1.13 = 5,650.
    MakerEvent.Taken t = m.take(id, wad("5"), ray("2280"), KEEPER, T0);
    assertThat(t.owe()).isEqualTo(rad("11300"));
    assertThat(t.slice()).isEqualTo(new BigInteger("4956140350877192982")); // 11,300 / 2,280, floored
    assertThat(t.tab()).isEqualTo(rad("5650"));
    assertThat(t.lot()).isEqualTo(wad("10").subtract(new BigInteger("4956140350877192982")));
    assertThat(m.dirt()).isEqualTo(rad("5650"));
    assertThat(m.dai(MakerEngine.VOW)).isEqualTo(rad("11300"));
    // Now tab <= chost: no partial purchase is possible any more, only the whole lot.
    assertThatUnchanged(() -> m.take(id, wad("1"), ray("2280"), KEEPER, T0))
        .hasMessage("amt: auction 1 has tab at or below chost, so only the whole lot may be bought (Clipper/no-partial-purchase)");
    MakerEvent.Taken rest = m.take(id, wad("100"), ray("2280"), KEEPER, T0);
    assertThat(rest.owe()).isEqualTo(rad("5650"));
    assertThat(rest.tab()).isZero();
    assertThat(m.activeAuctions()).isEmpty();
    assertThat(m.dirt()).isZero();
    assertThat(m.violatedInvariants()).isEmpty();
  }

  @Test
  void aTakeNeverCollectsMoreThanTabAndReturnsTheRestOfTheLotToTheOwner() {
    long id = m.bark(ETH, ALICE, KEEPER, T0).id();
    MakerEvent.Taken t = m.take(id, wad("10"), ray("2280"), KEEPER, T0);
    assertThat(t.owe()).isEqualTo(rad("16950"));
    assertThat(t.slice()).isEqualTo(new BigInteger("7434210526315789473"));
    assertThat(t.returned()).isEqualTo(new BigInteger("2565789473684210527"));
    assertThat(m.gem(ETH, ALICE)).isEqualTo(new BigInteger("2565789473684210527"));
    assertThat(m.gem(ETH, KEEPER)).isEqualTo(new BigInteger("7434210526315789473"));
    assertThat(m.gem(ETH, MakerEngine.clipper(ETH))).isZero();
    assertThat(m.activeAuctions()).isEmpty();
    assertThat(m.dirt()).isZero();
    assertThat(m.violatedInvariants()).isEmpty();
  }

  @Test
  void buyingTheWholeLotBelowTabLeavesTheRestAsBadDebtWithTheVow() {
    long id = m.bark(ETH, ALICE, KEEPER, T0).id();
    Instant late = T0.plusSeconds(60 * 60);                  // 60 cuts: 2,280 · 0.99^60
    BigInteger price = m.status(id, late).price();
    MakerEvent.Taken t = m.take(id, wad("10"), price, KEEPER, late);
    assertThat(t.slice()).isEqualTo(wad("10"));
    assertThat(t.owe()).isEqualTo(wad("10").multiply(price));
    assertThat(t.badDebt()).isEqualTo(rad("16950").subtract(t.owe()));
    assertThat(m.dirt()).isZero();                          // digs(tab + owe) clears the whole target
    assertThat(m.sin(MakerEngine.VOW).subtract(m.dai(MakerEngine.VOW)))
        .isEqualTo(rad("15316.95").subtract(t.owe()));
    assertThat(m.violatedInvariants()).isEmpty();
  }

  @Test
  void theIlkHoleLimitsTheFirstBarkAndTheDustyRemainderRuleStopsTheNext() {
    IlkParams small = withHole(rad("10000"));
    m = engine(rad("100000000"), small);
    MakerEvent.Barked b = m.bark(ETH, ALICE, KEEPER, T0);
    assertThat(b.dart()).isEqualTo(new BigInteger("8849557522123893805309")); // 10,000 / 1.13
    assertThat(b.dink()).isEqualTo(new BigInteger("5899705014749262536"));
    assertThat(b.tab()).isEqualTo(new BigInteger("9999999999999999999999170000000000000000000000000"));
    assertThat(m.urn(ETH, ALICE).art()).isEqualTo(wad("15000").subtract(b.dart()));
    // The room left (under 10^-18 DAI) would start a dusty auction on a non-dusty vault: refused.
    assertThatUnchanged(() -> m.bark(ETH, ALICE, KEEPER, T0))
        .hasMessage("urn: the room left would start an auction below the dust (Dog/dusty-auction-from-partial-liquidation)");
  }

  @Test
  void aDustyRemainderIsLiquidatedWholeOvershootingTheHoleAndThenTheLimitIsHit() {
    m = engine(rad("100000000"), withHole(rad("15000")));
    bobBorrows(m, "15000");
    // 15,000 / 1.13 = 13,274 of art would leave 1,726 < dust 5,000: the whole vault goes.
    MakerEvent.Barked b = m.bark(ETH, ALICE, KEEPER, T0);
    assertThat(b.dart()).isEqualTo(wad("15000"));
    assertThat(m.ilkView(ETH).dirt()).isEqualTo(rad("16950")).isGreaterThan(rad("15000"));
    assertThatUnchanged(() -> m.bark(ETH, BOB, KEEPER, T0))
        .hasMessage("ilk: no room under Hole or the hole of 'ETH-B' (Dog/liquidation-limit-hit)");
  }

  @Test
  void theGlobalHoleLimitsBarksAcrossIlks() {
    m = engine(rad("15000"), ethBWithSmallDust());
    bobBorrows(m, "15000");
    m.bark(ETH, ALICE, KEEPER, T0);
    assertThat(m.dirt()).isEqualTo(rad("16950"));
    assertThatUnchanged(() -> m.bark(ETH, BOB, KEEPER, T0))
        .hasMessage("ilk: no room under Hole or the hole of 'ETH-B' (Dog/liquidation-limit-hit)");
    // Taking frees room: after the auction clears, BOB can be barked.
    long id = m.activeAuctions().get(0);
    m.take(id, wad("10"), ray("2280"), KEEPER, T0);
    assertThat(m.bark(ETH, BOB, KEEPER, T0).id()).isEqualTo(2);
  }

  @Test
  void redoIsRefusedBeforeTailAndAllowedAfterItWithTheKeeperPaid() {
    long id = m.bark(ETH, ALICE, KEEPER, T0).id();
    Instant atTail = T0.plusSeconds(90 * 60);
    assertThat(m.status(id, atTail).needsRedo()).isFalse();
    assertThatUnchanged(() -> m.redo(id, BOB, atTail))
        .hasMessage("id: auction 1 is neither past tail nor below cusp (Clipper/cannot-reset)");
    Instant after = atTail.plusSeconds(1);
    assertThat(m.status(id, after).needsRedo()).isTrue();
    assertThatUnchanged(() -> m.take(id, wad("1"), ray("3000"), KEEPER, after))
        .hasMessage("id: auction 1 is past tail or below cusp and must be redone first (Clipper/needs-reset)");
    m.poke(ETH, Price.of(1500));
    MakerEvent.Redone r = m.redo(id, BOB, after);
    assertThat(r.top()).isEqualTo(ray("1800"));           // the current oracle · buf
    assertThat(r.coin()).isEqualTo(rad("316.95"));
    assertThat(m.dai(BOB)).isEqualTo(rad("316.95"));
    assertThat(m.status(id, after).price()).isEqualTo(ray("1800"));
    assertThat(m.violatedInvariants()).isEmpty();
  }

  @Test
  void redoIsAllowedBeforeTailOnceThePriceFallsBelowCuspTimesTop() {
    IlkParams fast = new IlkParams(ETH, ray("1.3"), rad("5000"), wad("1.13"), rad("15000000"),
        new ClipperParams(ray("1.2"), 90 * 60, ray("0.4"), wad("0.001"), rad("300"),
            new Abacus.StairstepExponentialDecrease(ray("0.9"), 60)));
    m = engine(rad("100000000"), fast);
    long id = m.bark(ETH, ALICE, KEEPER, T0).id();
    // 0.9^8 = 0.430 ≥ 0.4, 0.9^9 = 0.387 < 0.4: the cusp is crossed at 9 minutes.
    assertThat(m.status(id, T0.plusSeconds(8 * 60 + 59)).needsRedo()).isFalse();
    assertThat(m.status(id, T0.plusSeconds(9 * 60)).needsRedo()).isTrue();
    assertThat(m.redo(id, BOB, T0.plusSeconds(9 * 60)).top()).isEqualTo(ray("2280"));
  }

  @Test
  void redoPaysNoIncentiveWhenTheTabIsBelowChost() {
    long id = m.bark(ETH, ALICE, KEEPER, T0).id();
    m.take(id, wad("5"), ray("2280"), KEEPER, T0);           // leaves tab = chost exactly
    long drop = 16000;                                       // well past the tail
    Instant after = T0.plusSeconds(drop);
    m.poke(ETH, Price.of(1));                                // lot · feed = ~5 DAI < chost: no incentive
    MakerEvent.Redone r = m.redo(id, BOB, after);
    assertThat(r.coin()).isZero();
    assertThat(m.dai(BOB)).isZero();
  }

  @Test
  void badInputIsRefusedAndChangesNothing() {
    assertThatUnchanged(() -> m.bark("WBTC-A", ALICE, KEEPER, T0)).hasMessage("ilk: unknown collateral type 'WBTC-A'");
    assertThatUnchanged(() -> m.join(ETH, ALICE, wad("1").negate())).hasMessage("wad: must not be negative (was -1000000000000000000)");
    assertThatUnchanged(() -> m.join(ETH, ALICE, BigInteger.ZERO)).hasMessage("wad: must be positive (was 0)");
    assertThatUnchanged(() -> m.poke(ETH, Price.ZERO)).hasMessage("price: must be positive (was 0)");
    assertThatUnchanged(() -> m.bark(ETH, KEEPER, ALICE, T0))
        .hasMessage("urn: vault keeper is safe, so it cannot be liquidated (Dog/not-unsafe)");
    assertThatUnchanged(() -> m.bark(ETH, BOB, ALICE, T0))
        .hasMessage("urn: vault bob is safe, so it cannot be liquidated (Dog/not-unsafe)");
    assertThatUnchanged(() -> m.take(7, wad("1"), ray("3000"), KEEPER, T0))
        .hasMessage("id: auction 7 is not running (Clipper/not-running-auction)");
    assertThatUnchanged(() -> m.frob(ETH, ALICE, BigInteger.ZERO, wad("1")))
        .hasMessage("dart: would leave vault alice unsafe (Vat/not-safe)");
    assertThatUnchanged(() -> m.frob(ETH, BOB, BigInteger.ZERO, wad("1")))
        .hasMessage("dart: would leave vault bob unsafe (Vat/not-safe)");
    assertThatUnchanged(() -> m.frob(ETH, KEEPER, BigInteger.ZERO, wad("49000").negate()))
        .hasMessage("dart: would leave vault keeper with debt below the dust (Vat/dust)");
    long id = m.bark(ETH, ALICE, KEEPER, T0).id();
    assertThatUnchanged(() -> m.take(id, wad("1"), ray("2279"), KEEPER, T0))
        .hasMessage("max: is below the current price 2280 (was 2279; Clipper/too-expensive)");
    assertThatUnchanged(() -> m.take(id, wad("1"), ray("3000"), BOB, T0))
        .hasMessageStartingWith("taker: exceeds the DAI of bob");
    assertThatUnchanged(() -> m.take(id, wad("1"), ray("3000"), KEEPER, T0.minusSeconds(1)))
        .hasMessage("now: must not be before the start of auction 1");
    assertThatUnchanged(() -> m.take(id, wad("1").negate(), ray("3000"), KEEPER, T0))
        .hasMessage("amt: must not be negative (was -1000000000000000000)");
    assertThatThrownBy(() -> m.addIlk(ethBWithSmallDust())).isInstanceOf(MakerRuleViolation.class)
        .hasMessage("ilk: collateral type 'ETH-B' already exists");
  }

  @Test
  void errorsCarryTypedReasons() {
    assertThatThrownBy(() -> m.take(3, wad("1"), ray("1"), KEEPER, T0))
        .isInstanceOfSatisfying(MakerRuleViolation.class,
            e -> assertThat(e.reason()).isEqualTo(new MakerError.NotRunningAuction(3)));
  }

  /**
   * The engine tests' fixture: ETH-B with a 5,000 DAI dust instead of the preset's 30,000, so that
   * vaults of 15,000 DAI (small numbers to check by hand) may exist.
   */
  static IlkParams ethBWithSmallDust() {
    IlkParams p = IlkParams.ethB();
    return new IlkParams(p.name(), p.mat(), rad("5000"), p.chop(), p.hole(), p.clipper());
  }

  @Test
  void theEthBPresetHasTheDustOfTheSpellOf2021_06_18() {
    IlkParams ethB = IlkParams.ethB();
    assertThat(ethB.dust()).isEqualTo(rad("30000"));
    assertThat(ethB.chost()).isEqualTo(rad("33900"));   // 30,000 · 1.13
    MakerEngine e = new MakerEngine(rad("100000000"));
    e.addIlk(ethB);
    e.poke(ETH, Price.of(2000));
    e.join(ETH, ALICE, wad("30"));
    // 15,000 DAI is under the dust: Vat/dust refuses it, and 30,000 is accepted.
    assertThatThrownBy(() -> e.frob(ETH, ALICE, wad("30"), wad("15000")))
        .isInstanceOfSatisfying(MakerRuleViolation.class, x -> assertThat(x.getMessage()).contains("dust"));
    e.frob(ETH, ALICE, wad("30"), wad("30000"));
    assertThat(e.urn(ETH, ALICE).art()).isEqualTo(wad("30000"));
  }

  private IlkParams withHole(BigInteger hole) {
    IlkParams p = ethBWithSmallDust();
    return new IlkParams(p.name(), p.mat(), p.dust(), p.chop(), hole, p.clipper());
  }

  private org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertThatUnchanged(Executable op) {
    return Refusals.assertRefusedUnchanged(MakerRuleViolation.class, () -> List.of(m.snapshot(), events.size()), op);
  }
}
