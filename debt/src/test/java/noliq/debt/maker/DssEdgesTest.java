package noliq.debt.maker;

import static noliq.debt.maker.DssMath.rad;
import static noliq.debt.maker.DssMath.ray;
import static noliq.debt.maker.DssMath.wad;
import static noliq.debt.maker.MakerEngineTest.ALICE;
import static noliq.debt.maker.MakerEngineTest.BOB;
import static noliq.debt.maker.MakerEngineTest.ETH;
import static noliq.debt.maker.MakerEngineTest.KEEPER;
import static noliq.debt.maker.MakerEngineTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import noliq.math.Price;
import noliq.math.testing.Refusals;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The Vat, Dog and Clipper at the edges of their rules, each expectation worked by hand from the
 * contract's own comparison (vat.sol, dog.sol, clip.sol): equalities on the allowed side of a
 * {@code require}, and amounts that land exactly on {@code dust}, {@code chost}, {@code hole} and
 * {@code cusp}. The fixture is {@link MakerEngineTest}'s: ETH-B with a 5,000 DAI dust, mat 1.3,
 * chop 1.13, buf 1.2, tip 300 DAI, chip 0.1 %; Alice 10 ETH / 15,000 DAI, the keeper 100 ETH /
 * 50,000 DAI, opened at $2,000, then ETH at $1,900 (Alice unsafe: 10 · 1,900 / 1.3 = 14,615 < 15,000).
 */
class DssEdgesTest {
  private static final Instant AFTER_TAIL = T0.plusSeconds(90 * 60 + 1);
  private static final BigInteger UNIT = BigInteger.ONE;

  private MakerEngine m;
  private final List<MakerEvent> events = new ArrayList<>();

  private MakerEngine engine(BigInteger hole, IlkParams ilk) {
    m = MakerEngineTest.liquidatableBook(hole, ilk, events);
    return m;
  }

  private MakerEngine standard() {
    return engine(rad("100000000"), MakerEngineTest.ethBWithSmallDust());
  }

  private static IlkParams ilk(BigInteger dust, BigInteger hole, ClipperParams clip) {
    return new IlkParams(ETH, ray("1.3"), dust, wad("1.13"), hole, clip);
  }

  private static ClipperParams clip(BigInteger cusp, BigInteger chip, BigInteger tip, Abacus calc) {
    return new ClipperParams(ray("1.2"), 90 * 60, cusp, chip, tip, calc);
  }

  private static final Abacus ETH_B_CURVE = new Abacus.StairstepExponentialDecrease(ray("0.99"), 60);

  // ------------------------------------------------------------------ Vat

  @Test
  void theVatsOperationsReturnWhatTheyDid() {
    standard();
    // spot.sol: spot = rdiv(val · 10^9, mat) = 1,900 / 1.3 = 1,461.538461538461538461538461538 (floored).
    assertThat(m.poke(ETH, Price.of(1900)))
        .isEqualTo(new MakerEvent.Poked(ETH, wad("1900"), ray("1900"), ray("1461.538461538461538461538461538")));
    assertThat(m.join(ETH, BOB, wad("4"))).isEqualTo(new MakerEvent.Slipped(ETH, BOB, wad("4")));
    assertThat(m.frob(ETH, BOB, wad("4"), wad("5000")))
        .isEqualTo(new MakerEvent.Frobbed(ETH, BOB, wad("4"), wad("5000"), wad("4"), wad("5000")));
    // vat.fold: rate += 0.01; the Vow gets Art · 0.01 = 70,000 · 0.01 = 700 DAI, and so does debt.
    BigInteger debtBefore = m.debt();
    assertThat(debtBefore).isEqualTo(rad("70000"));
    assertThat(m.fold(ETH, ray("0.01"))).isEqualTo(new MakerEvent.Folded(ETH, ray("0.01"), ray("1.01"), rad("700")));
    assertThat(m.dai(MakerEngine.VOW)).isEqualTo(rad("700"));
    assertThat(m.debt()).isEqualTo(rad("70700"));
    assertThat(m.vice()).isZero();
    assertThatUnchanged(() -> m.fold(ETH, BigInteger.ZERO)).hasMessage("delta: must be positive (was 0)");
    assertThat(events).last().isInstanceOf(MakerEvent.Folded.class);
  }

  @Test
  void frobAcceptsAVaultExactlyAtItsLimitAndLessRiskyChangesOfAnUnsafeOne() {
    MakerEngine e = new MakerEngine(rad("100000000"));
    m = e;
    e.addIlk(MakerEngineTest.ethBWithSmallDust());
    // At $2,600, spot = 2,600 / 1.3 = 2,000 exactly.
    e.poke(ETH, Price.of(2600));
    assertThat(e.ilkView(ETH).spot()).isEqualTo(ray("2000"));
    e.join(ETH, ALICE, wad("11"));
    // vat.frob: require(tab <= ink · spot): 20,000 DAI against 10 · 2,000 is allowed with equality...
    assertThat(e.frob(ETH, ALICE, wad("10"), wad("20000")))
        .isEqualTo(new MakerEvent.Frobbed(ETH, ALICE, wad("10"), wad("20000"), wad("10"), wad("20000")));
    // ... one unit more is not, and dog.bark's require(ink · spot < art · rate) does not hold at equality.
    assertThatUnchanged(() -> m.frob(ETH, ALICE, BigInteger.ZERO, UNIT)).hasMessage("dart: would leave vault alice unsafe (Vat/not-safe)");
    assertThatUnchanged(() -> m.bark(ETH, ALICE, KEEPER, T0))
        .hasMessage("urn: vault alice is safe, so it cannot be liquidated (Dog/not-unsafe)");
    // ETH falls to $1,900: 10 · 1,461.54 = 14,615 < 20,000, unsafe. either(both(dart <= 0, dink >= 0), safe):
    e.poke(ETH, Price.of(1900));
    // locking one more ETH (still unsafe: 11 · 1,461.54 = 16,077) is allowed ...
    assertThat(e.frob(ETH, ALICE, wad("1"), BigInteger.ZERO).ink()).isEqualTo(wad("11"));
    // ... and so is repaying part of the debt without freeing collateral,
    assertThat(e.frob(ETH, ALICE, BigInteger.ZERO, wad("1000").negate()).art()).isEqualTo(wad("19000"));
    assertThat(e.dai(ALICE)).isEqualTo(rad("19000"));
    // but not drawing more.
    assertThatUnchanged(() -> m.frob(ETH, ALICE, BigInteger.ZERO, UNIT)).hasMessage("dart: would leave vault alice unsafe (Vat/not-safe)");
    // Repaying everything spends the whole DAI balance (dai = 0 is allowed) and art = 0 is never dust.
    assertThat(e.frob(ETH, ALICE, BigInteger.ZERO, wad("19000").negate()).art()).isZero();
    assertThat(e.dai(ALICE)).isZero();
    // With no debt, all the collateral can be freed.
    assertThat(e.frob(ETH, ALICE, wad("11").negate(), BigInteger.ZERO).ink()).isZero();
    assertThat(e.gem(ETH, ALICE)).isEqualTo(wad("11"));
    assertThat(e.violatedInvariants()).isEmpty();
    assertThatUnchanged(() -> m.frob(ETH, ALICE, null, UNIT)).hasMessage("dink: is required");
    assertThatUnchanged(() -> m.frob(ETH, ALICE, UNIT, null)).hasMessage("dart: is required");
  }

  @Test
  void exitFreesCollateralUpToExactlyWhatIsFree() {
    MakerEngine e = new MakerEngine(rad("100000000"));
    m = e;
    e.addIlk(MakerEngineTest.ethBWithSmallDust());
    e.join(ETH, ALICE, wad("10"));
    assertThat(e.exit(ETH, ALICE, wad("4"))).isEqualTo(new MakerEvent.Slipped(ETH, ALICE, wad("4").negate()));
    assertThat(e.gem(ETH, ALICE)).isEqualTo(wad("6"));
    assertThatUnchanged(() -> m.exit(ETH, ALICE, wad("6").add(UNIT)))
        .hasMessageStartingWith("wad: exceeds the free collateral of alice");
    assertThatUnchanged(() -> m.exit(ETH, ALICE, BigInteger.ZERO)).hasMessage("wad: must be positive (was 0)");
    e.exit(ETH, ALICE, wad("6"));
    assertThat(e.gem(ETH, ALICE)).isZero();
    MakerEngine.IlkSnapshot s = e.snapshot().ilks().get(ETH);
    assertThat(s.joined()).isEqualTo(wad("10"));
    assertThat(s.exited()).isEqualTo(wad("10"));
    assertThat(e.violatedInvariants()).isEmpty();
  }

  @Test
  void moveTransfersDaiUpToTheWholeBalance() {
    standard();
    assertThat(m.move(ALICE, BOB, rad("15000"))).isEqualTo(new MakerEvent.Moved(ALICE, BOB, rad("15000")));
    assertThat(m.dai(ALICE)).isZero();
    assertThat(m.dai(BOB)).isEqualTo(rad("15000"));
    assertThatUnchanged(() -> m.move(BOB, ALICE, rad("15000").add(UNIT))).hasMessageStartingWith("rad: exceeds the DAI of bob");
    assertThatUnchanged(() -> m.move(BOB, BOB, UNIT)).hasMessage("dst: must differ from src (bob)");
    assertThatUnchanged(() -> m.move(BOB, ALICE, BigInteger.ZERO)).hasMessage("rad: must be positive (was 0)");
    assertThat(m.violatedInvariants()).isEmpty();
  }

  /**
   * vow.heal(rad): requires rad <= dai[vow] and rad <= sin[vow]; both fall by rad, and so do vice
   * and debt. The bark queues due 15,000 + the keeper's 316.95 as sin; the trimmed take pays 11,300.
   */
  @Test
  void healCancelsTheVowsDaiAgainstItsSinUpToTheSmallerOfTheTwo() {
    standard();
    long id = m.bark(ETH, ALICE, KEEPER, T0).id();
    assertThat(m.vice()).isEqualTo(rad("15316.95"));
    assertThat(m.debt()).isEqualTo(rad("65316.95"));
    m.take(id, wad("5"), ray("2280"), KEEPER, T0);
    assertThat(m.dai(MakerEngine.VOW)).isEqualTo(rad("11300"));
    assertThatUnchanged(() -> m.heal(rad("11300").add(UNIT))).hasMessageStartingWith("rad: exceeds the Vow's surplus DAI");
    assertThatUnchanged(() -> m.heal(BigInteger.ZERO)).hasMessage("rad: must be positive (was 0)");
    assertThat(m.heal(rad("11300"))).isEqualTo(new MakerEvent.Healed(rad("11300")));
    assertThat(m.dai(MakerEngine.VOW)).isZero();
    assertThat(m.sin(MakerEngine.VOW)).isEqualTo(rad("4016.95"));
    assertThat(m.vice()).isEqualTo(rad("4016.95"));
    assertThat(m.debt()).isEqualTo(rad("54016.95"));
    m.take(id, wad("100"), ray("2280"), KEEPER, T0);                // the remaining tab, 5,650
    assertThat(m.dai(MakerEngine.VOW)).isEqualTo(rad("5650"));
    assertThatUnchanged(() -> m.heal(rad("4016.95").add(UNIT))).hasMessageStartingWith("rad: exceeds the Vow's sin");
    m.heal(rad("4016.95"));
    assertThat(m.sin(MakerEngine.VOW)).isZero();
    assertThat(m.vice()).isZero();
    assertThat(m.dai(MakerEngine.VOW)).isEqualTo(rad("1633.05"));    // the penalty collected, less the keeper's pay
    assertThat(m.debt()).isEqualTo(rad("50000"));                      // only the keeper's own vault is left
    assertThat(m.violatedInvariants()).isEmpty();
  }

  // ------------------------------------------------------------------ Dog

  /** dog.bark: require(Hole > Dirt && hole > dirt): a limit reached exactly leaves no room. */
  @Test
  void aHoleFilledExactlyStopsTheNextBark() {
    for (boolean global : new boolean[] {true, false}) {
      BigInteger hole = rad("16950");
      engine(global ? hole : rad("100000000"), global ? MakerEngineTest.ethBWithSmallDust() : ilk(rad("5000"), hole, ClipperParams.ethB()));
      MakerEngineTest.bobBorrows(m, "15000");
      assertThat(m.barkRefusal(ETH, ALICE)).isEmpty();
      // room 16,950: dart = 16,950 · 10^18 / RAY / 1.13 = 15,000, the whole vault; tab 16,950 fills the hole.
      assertThat(m.bark(ETH, ALICE, KEEPER, T0).tab()).isEqualTo(hole);
      assertThat(global ? m.dirt() : m.ilkView(ETH).dirt()).isEqualTo(hole);
      assertThat(m.barkRefusal(ETH, BOB)).contains(new MakerError.LiquidationLimitHit(ETH));
      assertThatUnchanged(() -> m.bark(ETH, BOB, KEEPER, T0))
          .hasMessage("ilk: no room under Hole or the hole of 'ETH-B' (Dog/liquidation-limit-hit)");
      var before = List.of(m.snapshot(), events.size());
      assertThat(m.tryBark(ETH, BOB, KEEPER, T0)).isEmpty();
      assertThat(List.of(m.snapshot(), events.size())).isEqualTo(before);
    }
  }

  /** tryBark, where the Dog allows the bark, does exactly what bark does. */
  @Test
  void tryBarkBarksAsBarkDoes() {
    MakerEvent.Barked barked = standard().bark(ETH, ALICE, KEEPER, T0);
    var afterBark = m.snapshot();
    assertThat(standard().tryBark(ETH, ALICE, KEEPER, T0)).contains(barked);
    assertThat(m.snapshot()).isEqualTo(afterBark);
  }

  /**
   * dog.bark: if (mul(art − dart, rate) < dust) dart = art; else require(mul(dart, rate) >= dust).
   * A hole of 11,300 gives dart = 11,300 / 1.13 = 10,000 and leaves exactly the dust (5,000): a
   * partial liquidation; a hole of 5,650 gives dart = 5,000, exactly the dust: allowed.
   */
  @Test
  void aRemainderOrAnAuctionOfExactlyTheDustIsAllowed() {
    engine(rad("100000000"), ilk(rad("5000"), rad("11300"), ClipperParams.ethB()));
    MakerEvent.Barked b = m.bark(ETH, ALICE, KEEPER, T0);
    assertThat(b.dart()).isEqualTo(wad("10000"));
    assertThat(b.dink()).isEqualTo(new BigInteger("6666666666666666666"));   // 10 · 10,000 / 15,000, floored
    assertThat(b.tab()).isEqualTo(rad("11300"));
    assertThat(m.urn(ETH, ALICE)).isEqualTo(new MakerEngine.UrnView(new BigInteger("3333333333333333334"), wad("5000")));

    engine(rad("100000000"), ilk(rad("5000"), rad("5650"), ClipperParams.ethB()));
    MakerEvent.Barked small = m.bark(ETH, ALICE, KEEPER, T0);
    assertThat(small.dart()).isEqualTo(wad("5000"));
    assertThat(small.dink()).isEqualTo(new BigInteger("3333333333333333333"));
    assertThat(small.tab()).isEqualTo(rad("5650"));
  }

  /**
   * tryBark's shortcut at the dust's edge. A hole of 2,260 leaves room for dart = 2,260 / 1.13 =
   * 2,000 (an auction of 2,000 DAI, below the 5,000 dust). Bob's vault of art 7,000 would keep exactly
   * the dust (7,000 - 2,000 = 5,000, not below it): a partial auction below the dust, refused, and
   * nothing changes. One unit of art less keeps less than the dust: the whole vault goes, past the hole.
   */
  @Test
  void tryBarkRefusesAVaultThatWouldKeepTheDustAndBarksOneThatWouldKeepLess() {
    for (BigInteger art : List.of(wad("7000"), wad("7000").subtract(UNIT))) {
      engine(rad("100000000"), ilk(rad("5000"), rad("2260"), ClipperParams.ethB()));
      m.join(ETH, BOB, wad("5"));
      m.poke(ETH, Price.of(2000));
      m.frob(ETH, BOB, wad("5"), art);
      m.poke(ETH, Price.of(1700)); // 5 · 1,700 / 1.3 = 6,538 < 7,000: unsafe
      boolean keepsTheDust = art.equals(wad("7000"));
      MakerEngine.Snapshot before = m.snapshot();
      var barked = m.tryBark(ETH, BOB, KEEPER, T0);
      if (keepsTheDust) {
        assertThat(barked).isEmpty();
        assertThat(m.snapshot()).isEqualTo(before);
        assertThat(m.barkRefusal(ETH, BOB)).containsInstanceOf(MakerError.DustyAuctionFromPartialLiquidation.class);
      } else {
        assertThat(barked).isPresent();
        assertThat(barked.get().dart()).isEqualTo(art);
        assertThat(barked.get().tab()).isEqualTo(art.multiply(wad("1.13")).multiply(BigInteger.TEN.pow(9)));
      }
    }
  }

  /**
   * The room a bark may seize follows every change of the ilk's dirt and rate between barks (the
   * engine keeps the last room with the values it was computed from). Hole 11,300, dust 5,000: Alice's
   * bark fills it (dart 10,000), so Bob's (10 ETH / 14,700 DAI) hits the limit; a take of 1 ETH at
   * top 2,280 frees 2,280, whose dart (2,280 / 1.13 = 2,017.7) is below the dust: a dusty partial
   * auction; a take trimmed to leave chost (5,650) frees 5,650 in all, dart exactly 5,000: allowed.
   * With the rate folded up by 1 % first, the same room gives dart · rate a little under 5,000: refused.
   */
  @Test
  void theRoomFollowsTheDirtAndTheRateBetweenBarks() {
    for (boolean folded : new boolean[] {false, true}) {
      engine(rad("100000000"), ilk(rad("5000"), rad("11300"), ClipperParams.ethB()));
      MakerEngineTest.bobBorrows(m, "14700");
      MakerEvent.Barked alice = m.bark(ETH, ALICE, KEEPER, T0);
      assertThat(alice.dart()).isEqualTo(wad("10000"));
      assertThatUnchanged(() -> m.bark(ETH, BOB, KEEPER, T0))
          .hasMessage("ilk: no room under Hole or the hole of 'ETH-B' (Dog/liquidation-limit-hit)");
      assertThat(m.barkRefusal(ETH, BOB)).contains(new MakerError.LiquidationLimitHit(ETH));
      m.take(alice.id(), wad("1"), ray("2280"), KEEPER, T0);
      assertThat(m.ilkView(ETH).dirt()).isEqualTo(rad("9020"));
      // Room again, though too little for Bob: the refusal is now the dust's, and asking changes nothing.
      assertThat(m.barkRefusal(ETH, BOB)).containsInstanceOf(MakerError.DustyAuctionFromPartialLiquidation.class);
      assertThatUnchanged(() -> m.bark(ETH, BOB, KEEPER, T0))
          .hasMessage("urn: the room left would start an auction below the dust (Dog/dusty-auction-from-partial-liquidation)");
      MakerEvent.Taken trimmed = m.take(alice.id(), wad("2"), ray("2280"), KEEPER, T0);
      assertThat(trimmed.tab()).isEqualTo(rad("5650"));
      if (folded) {
        m.fold(ETH, ray("0.01"));
        assertThatUnchanged(() -> m.bark(ETH, BOB, KEEPER, T0))
            .hasMessage("urn: the room left would start an auction below the dust (Dog/dusty-auction-from-partial-liquidation)");
      } else {
        MakerEvent.Barked bob = m.bark(ETH, BOB, KEEPER, T0);
        assertThat(bob.dart()).isEqualTo(wad("5000"));
        assertThat(bob.tab()).isEqualTo(rad("5650"));
        assertThat(m.ilkView(ETH).dirt()).isEqualTo(rad("11300"));
      }
    }
  }

  /**
   * dog.bark: require(dink > 0, "Dog/null-auction"). With no dust, a hole of 1.13·10^-15 DAI gives
   * dart = 1.13·10^30 · 10^18 / 10^27 / 1.13·10^18 = 1,000 units of art, and dink = 10·10^18 · 1,000
   * / 15,000·10^18 = 0.67, floored to 0.
   */
  @Test
  void aBarkThatWouldSellNoCollateralIsRefused() {
    engine(rad("100000000"), ilk(BigInteger.ZERO, new BigInteger("1130000000000000000000000000000"), ClipperParams.ethB()));
    assertThatUnchanged(() -> m.bark(ETH, ALICE, KEEPER, T0))
        .hasMessage("urn: the auction would sell no collateral (Dog/null-auction)");
  }

  /** clip.kick and clip.redo pay coin = tip + wmul(tab, chip) when tip > 0 or chip > 0; each alone counts. */
  @Test
  void theKeeperIsPaidTheTipAloneTheChipAloneOrNothing() {
    record Case(BigInteger chip, BigInteger tip, BigInteger coin) {}
    for (Case c : List.of(
        new Case(BigInteger.ZERO, rad("300"), rad("300")),
        new Case(wad("0.001"), BigInteger.ZERO, rad("16.95")),   // 16,950 · 0.001
        new Case(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO))) {
      engine(rad("100000000"), ilk(rad("5000"), rad("15000000"), clip(ray("0.4"), c.chip(), c.tip(), ETH_B_CURVE)));
      MakerEvent.Barked b = m.bark(ETH, ALICE, KEEPER, T0);
      assertThat(b.coin()).as("kick, tip %s chip %s", c.tip(), c.chip()).isEqualTo(c.coin());
      assertThat(m.dai(KEEPER)).isEqualTo(rad("50000").add(c.coin()));
      assertThat(m.sin(MakerEngine.VOW)).isEqualTo(rad("15000").add(c.coin()));
      // After the tail, tab 16,950 and lot · feed = 10 · 1,900 = 19,000 both reach chost 5,650: paid again.
      MakerEvent.Redone r = m.redo(b.id(), BOB, AFTER_TAIL);
      assertThat(r.coin()).as("redo, tip %s chip %s", c.tip(), c.chip()).isEqualTo(c.coin());
      assertThat(m.dai(BOB)).isEqualTo(c.coin());
    }
  }

  // ------------------------------------------------------------------ Clipper

  @Test
  void aTakerMaySpendExactlyItsWholeDai() {
    standard();
    long id = m.bark(ETH, ALICE, KEEPER, T0).id();
    m.move(KEEPER, BOB, rad("2280"));
    MakerEvent.Taken t = m.take(id, wad("1"), ray("2280"), BOB, T0);
    assertThat(t.owe()).isEqualTo(rad("2280"));
    assertThat(m.dai(BOB)).isZero();
    assertThat(m.gem(ETH, BOB)).isEqualTo(wad("1"));
    assertThatUnchanged(() -> m.take(id, wad("1"), BigInteger.ONE.negate(), KEEPER, T0))
        .hasMessage("max: must not be negative (was -1)");
  }

  /**
   * Redone from ETH at $2,825, top = 2,825 · 1.2 = 3,390: 5 ETH cost exactly the tab, 16,950. clip.take
   * trims only when owe < tab; here tab falls to 0 and the other 5 ETH go back to Alice.
   */
  @Test
  void buyingExactlyTheTabWithPartOfTheLotEndsTheAuctionAndReturnsTheRest() {
    standard();
    long id = m.bark(ETH, ALICE, KEEPER, T0).id();
    m.poke(ETH, Price.of(2825));
    assertThat(m.redo(id, KEEPER, AFTER_TAIL).top()).isEqualTo(ray("3390"));
    MakerEvent.Taken t = m.take(id, wad("5"), ray("3390"), KEEPER, AFTER_TAIL);
    assertThat(t.slice()).isEqualTo(wad("5"));
    assertThat(t.owe()).isEqualTo(rad("16950"));
    assertThat(t.tab()).isZero();
    assertThat(t.returned()).isEqualTo(wad("5"));
    assertThat(m.gem(ETH, ALICE)).isEqualTo(wad("5"));
    assertThat(m.activeAuctions()).isEmpty();
  }

  /**
   * Redone from $1,400, top = 1,680: the whole lot, 10 ETH, costs 16,800 < tab 16,950. clip.take trims
   * a purchase only when it leaves some lot (slice < lot); the whole lot ends the auction with 150 DAI
   * of tab uncollected, even though 150 < chost.
   */
  @Test
  void buyingTheWholeLotIsNeverTrimmedEvenBelowChost() {
    standard();
    long id = m.bark(ETH, ALICE, KEEPER, T0).id();
    m.poke(ETH, Price.of(1400));
    m.redo(id, KEEPER, AFTER_TAIL);
    MakerEvent.Taken t = m.take(id, wad("10"), ray("1680"), KEEPER, AFTER_TAIL);
    assertThat(t.slice()).isEqualTo(wad("10"));
    assertThat(t.owe()).isEqualTo(rad("16800"));
    assertThat(t.badDebt()).isEqualTo(rad("150"));
    assertThat(m.dirt()).isZero();
  }

  /**
   * With cut 0.5 a step and cusp 0.25: after two steps price / top = rdiv(570, 2,280) = 0.25 exactly,
   * and clip.sol's done is rdiv(price, top) < cusp: not yet; after three steps (0.125) it is.
   */
  @Test
  void anAuctionAtExactlyCuspDoesNotNeedARedo() {
    engine(rad("100000000"), ilk(rad("5000"), rad("15000000"),
        clip(ray("0.25"), wad("0.001"), rad("300"), new Abacus.StairstepExponentialDecrease(ray("0.5"), 60))));
    long id = m.bark(ETH, ALICE, KEEPER, T0).id();
    MakerEngine.AuctionStatus atCusp = m.status(id, T0.plusSeconds(120));
    assertThat(atCusp.price()).isEqualTo(ray("570"));
    assertThat(atCusp.needsRedo()).isFalse();
    assertThat(m.status(id, T0.plusSeconds(179)).needsRedo()).isFalse();
    assertThat(m.status(id, T0.plusSeconds(180)).needsRedo()).isTrue();
  }

  /**
   * clip.redo pays the keeper if tab >= chost and lot · feed >= chost (chost = 5,000 · 1.13 = 5,650).
   * First a tab of exactly chost (left by the trimmed take) with 5.04 ETH at $1,900: paid 300 + 5.65.
   * Then the whole lot at $565: 10 · 565 = 5,650, exactly chost: paid 300 + 16.95.
   */
  @Test
  void redoPaysTheKeeperWhenTabAndLotValueEachEqualChost() {
    standard();
    long id = m.bark(ETH, ALICE, KEEPER, T0).id();
    m.take(id, wad("5"), ray("2280"), KEEPER, T0);
    assertThat(m.status(id, T0).tab()).isEqualTo(rad("5650"));
    assertThat(m.redo(id, BOB, AFTER_TAIL).coin()).isEqualTo(rad("305.65"));

    standard();
    long whole = m.bark(ETH, ALICE, KEEPER, T0).id();
    m.poke(ETH, Price.of(565));
    assertThat(m.redo(whole, BOB, AFTER_TAIL).coin()).isEqualTo(rad("316.95"));
  }

  // ------------------------------------------------------------------ views

  @Test
  void theSnapshotAndTheViewsShowTheAuction() {
    standard();
    MakerEngine.Snapshot before = m.snapshot();
    MakerEvent.Barked b = m.bark(ETH, ALICE, KEEPER, T0);
    MakerEngine.Snapshot after = m.snapshot();
    assertThat(after).isNotEqualTo(before);
    assertThat(after.kicks()).isEqualTo(1);
    assertThat(after.debt()).isEqualTo(m.debt());
    assertThat(after.vice()).isEqualTo(rad("15316.95"));
    assertThat(after.dirt()).isEqualTo(rad("16950"));
    assertThat(after.sales()).containsExactly(java.util.Map.entry(1L,
        new MakerEngine.SaleSnapshot(ETH, rad("16950"), wad("10"), ALICE, T0, ray("2280"))));
    MakerEngine.IlkSnapshot ilk = after.ilks().get(ETH);
    assertThat(ilk.urns().get(ALICE)).isEqualTo(new MakerEngine.UrnView(BigInteger.ZERO, BigInteger.ZERO));
    assertThat(ilk.urns().get(KEEPER)).isEqualTo(new MakerEngine.UrnView(wad("100"), wad("50000")));
    assertThat(ilk.gem().get(MakerEngine.clipper(ETH))).isEqualTo(wad("10"));
    assertThat(before.ilks().get(ETH).urns().get(ALICE)).isEqualTo(new MakerEngine.UrnView(wad("10"), wad("15000")));
    assertThat(m.hole()).isEqualTo(rad("100000000"));
    assertThat(m.auction(b.id(), T0).orElseThrow().price()).isEqualTo(ray("2280"));
    assertThat(m.auction(b.id() + 1, T0)).isEmpty();
  }

  private AbstractThrowableAssert<?, ? extends Throwable> assertThatUnchanged(Executable op) {
    return Refusals.assertRefusedUnchanged(MakerRuleViolation.class, () -> List.of(m.snapshot(), events.size()), op);
  }
}
