package noliq.debt.liquity;

import static noliq.debt.liquity.LiquityParams.pct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import noliq.debt.liquity.LiquityEvent.Adjustment;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.RuleViolation;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import noliq.math.testing.AbortedTransactions;
import noliq.math.testing.Refusals;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every Liquity operation's accepted path and its rules at their edges, each expectation worked by
 * hand from the contracts' rules (v1: BorrowerOperations, TroveManager, StabilityPool, LiquityBase's
 * 110 % MCR, 150 % CCR, 0.5 % borrowing fee floor, 200 LUSD gas reserve, 1,800 minimum net debt; v2
 * WETH branch: no fee on opening here, 2,000 minimum debt, 0.0375 ETH gas deposit, 1 BOLD left in
 * the pool, 0.5 %–250 % rates).
 */
class LiquityOperationsTest {
  static final AccountId ALICE = AccountId.of("alice");
  static final AccountId BOB = AccountId.of("bob");
  static final AccountId CAROL = AccountId.of("carol");
  static final AccountId KEEPER = AccountId.of("keeper");
  static final AccountId DAVE = AccountId.of("dave");
  static final AccountId ERIN = AccountId.of("erin");
  static final Token LUSD = new Token("LUSD");
  static final BigInteger WEI = BigInteger.ONE;

  TokenBook book;
  LiquityEngine e;
  final List<LiquityEvent> events = new ArrayList<>();

  /** A fresh engine; every user holds 100 ETH; the price is set to $2,000 unless {@code priced} is false. */
  LiquityEngine engine(LiquityParams params, boolean priced) {
    book = new TokenBook();
    events.clear();
    for (AccountId a : List.of(ALICE, BOB, CAROL)) {
      book.mint(Token.ETH, a, Amount.of(100));
    }
    e = new LiquityEngine(book, params);
    e.onEvent(events::add);
    if (priced) {
      assertThat(e.setPrice(Price.of(2000))).isEqualTo(new LiquityEvent.PriceUpdated(Price.of(2000)));
    }
    return e;
  }

  @Test
  void everyOperationReturnsWhatItDidAndTellsTheListener() {
    engine(LiquityParams.v1(), true);
    List<LiquityEvent> returned = new ArrayList<>(events);
    // v1: debt = amount + 0.5 % fee + 200 reserve; the first stakes equal the collateral.
    returned.add(assertEquals(e.openTrove(ALICE, Amount.of(10), Amount.of(10_000)), new LiquityEvent.TroveOpened(ALICE,
        Amount.of(10), Amount.of(10_000), Amount.of(50), Amount.of(10_250), Amount.of(10))));
    returned.add(e.openTrove(BOB, Amount.of(40), Amount.of(20_000)));
    LiquityEngine.Snapshot before = e.snapshot();
    returned.add(assertEquals(e.addCollateral(ALICE, Amount.of(1)),
        adjusted(Adjustment.ADD_COLLATERAL, "1", "0", "11", "10250")));
    assertThat(e.snapshot()).isNotEqualTo(before);
    returned.add(assertEquals(e.withdrawCollateral(ALICE, Amount.of(1)),
        adjusted(Adjustment.WITHDRAW_COLLATERAL, "1", "0", "10", "10250")));
    assertThat(book.balanceOf(ALICE, Token.ETH)).isEqualTo(Amount.of(90));
    // Borrowing 1,000 more pays the 0.5 % fee, 5, to the fee recipient and adds 1,005 to the debt.
    returned.add(assertEquals(e.borrow(ALICE, Amount.of(1_000)), adjusted(Adjustment.BORROW, "1000", "5", "10", "11255")));
    assertThat(book.balanceOf(ALICE, LUSD)).isEqualTo(Amount.of(11_000));
    assertThat(book.balanceOf(e.feeRecipient(), LUSD)).isEqualTo(Amount.of(50 + 100 + 5));
    returned.add(assertEquals(e.repay(ALICE, Amount.of(1_000)), adjusted(Adjustment.REPAY, "1000", "0", "10", "10255")));
    assertThat(book.balanceOf(ALICE, LUSD)).isEqualTo(Amount.of(10_000));
    // The repayable debt keeps the reserve and the minimum net debt: 10,255 − 200 − 1,800 = 8,255.
    assertThatUnchanged(() -> e.repay(ALICE, Amount.ofWei(Amount.of(8_255).wei().add(WEI))))
        .hasMessageStartingWith("amount: exceeds the repayable debt 8255 ");
    returned.add(e.repay(ALICE, Amount.of(8_255)));
    assertThat(e.trove(ALICE).orElseThrow().debt()).isEqualTo(Amount.of(2_000));
    // Withdrawing the whole collateral is not "too much"; it fails on the MCR (ICR 0).
    assertThatUnchanged(() -> e.withdrawCollateral(ALICE, Amount.of(10)))
        .hasMessage("amount: would leave the trove's ICR at 0%, below the MCR of 110%");
    assertThatUnchanged(() -> e.withdrawCollateral(ALICE, Amount.ofWei(Amount.of(10).wei().add(WEI))))
        .hasMessageStartingWith("amount: exceeds the trove's collateral 10 ");
    returned.add(assertEquals(e.provideToPool(BOB, Amount.of(5_000)),
        new LiquityEvent.PoolDeposited(BOB, Amount.of(5_000), Amount.ZERO, Amount.of(5_000))));
    assertThat(book.balanceOf(BOB, LUSD)).isEqualTo(Amount.of(15_000));
    returned.add(assertEquals(e.withdrawFromPool(BOB, Amount.of(1_000)),
        new LiquityEvent.PoolWithdrawn(BOB, Amount.of(1_000), Amount.ZERO, Amount.of(4_000))));
    assertThat(book.balanceOf(BOB, LUSD)).isEqualTo(Amount.of(16_000));
    assertThat(e.deposit(BOB)).isEqualTo(Amount.of(4_000));
    assertThat(e.totalDeposits()).isEqualTo(Amount.of(4_000));
    assertThat(events).containsExactlyElementsOf(returned);
    assertThat(e.violatedInvariants()).isEmpty();
    assertThat(e.params()).isEqualTo(LiquityParams.v1());
    assertThat(e.price()).isEqualTo(Price.of(2000));
    assertThat(e.surplusPool()).isEqualTo(AccountId.of("liquity:coll-surplus-pool"));
    assertThat(e.troveOwners()).containsExactly(ALICE, BOB);
    e.onEvent(null);                                             // no listener: operations still run
    LiquityEngine.Snapshot priced = e.snapshot();
    assertThat(e.setPrice(Price.of(1999)).price()).isEqualTo(Price.of(1999));
    assertThat(e.snapshot()).isNotEqualTo(priced);               // the price is part of the state
  }

  @Test
  void withoutAPriceThePricedOperationsAreRefusedAndZeroAmountsAlways() {
    engine(LiquityParams.v1(), false);
    String noPrice = "price: no price has been set yet";
    assertThatUnchanged(() -> e.openTrove(ALICE, Amount.of(1), Amount.of(2_000))).hasMessage(noPrice);
    assertThatUnchanged(() -> e.withdrawCollateral(ALICE, Amount.of(1))).hasMessage(noPrice);
    assertThatUnchanged(() -> e.borrow(ALICE, Amount.of(1))).hasMessage(noPrice);
    assertThatUnchanged(() -> e.closeTrove(ALICE)).hasMessage(noPrice);
    assertThatUnchanged(() -> e.liquidate(ALICE, KEEPER)).hasMessage(noPrice);
    assertThat(e.isRecoveryMode()).isFalse();
    e.setPrice(Price.of(2000));
    String zero = "amount: must be positive (was 0)";
    assertThatUnchanged(() -> e.openTrove(ALICE, Amount.ZERO, Amount.of(2_000))).hasMessage("coll: must be positive (was 0)");
    assertThatUnchanged(() -> e.openTrove(ALICE, Amount.of(1), Amount.ZERO)).hasMessage(zero);
    assertThatUnchanged(() -> e.addCollateral(ALICE, Amount.ZERO)).hasMessage(zero);
    assertThatUnchanged(() -> e.withdrawCollateral(ALICE, Amount.ZERO)).hasMessage(zero);
    assertThatUnchanged(() -> e.repay(ALICE, Amount.ZERO)).hasMessage(zero);
    assertThatUnchanged(() -> e.provideToPool(ALICE, Amount.ZERO)).hasMessage(zero);
    assertThatUnchanged(() -> e.withdrawFromPool(ALICE, Amount.ZERO)).hasMessage(zero);
  }

  /** v2 has no fee here, so the debt is the amount: the minimum debt, the MCR and the CCR can be hit exactly. */
  @Test
  void openingExactlyAtTheMinimumDebtTheMcrAndTheCcrIsAllowed() {
    engine(LiquityParams.v2Weth(), true);
    assertThat(e.openTrove(BOB, Amount.of(90), Amount.of(2_000)).debt()).isEqualTo(Amount.of(2_000));
    // 5.5 ETH · $2,000 / 10,000 = 110 % exactly.
    e.openTrove(ALICE, Amount.of("5.5"), Amount.of(10_000));
    assertThat(e.trove(ALICE).orElseThrow().icr()).isEqualTo(pct("110"));
    assertThatUnchanged(() -> e.openTrove(CAROL, Amount.of("5.5"), Amount.ofWei(Amount.of(10_000).wei().add(WEI))))
        .hasMessageStartingWith("coll: would leave the trove's ICR at 109.99").hasMessageEndingWith("below the MCR of 110%");
    assertThatUnchanged(() -> e.openTrove(CAROL, Amount.of(1), Amount.ofWei(Amount.of(2_000).wei().subtract(WEI))))
        .hasMessage("debt: net debt 1999.999999999999999999 is below the minimum 2000");

    // TCR: Bob 3 ETH / 2,000, then Carol 6 ETH / 10,000 brings it to 9 · 2,000 / 12,000 = 150 % exactly: allowed.
    engine(LiquityParams.v2Weth(), true);
    e.openTrove(BOB, Amount.of(3), Amount.of(2_000));
    e.openTrove(CAROL, Amount.of(6), Amount.of(10_000));
    assertThat(e.tcr()).isEqualTo(pct("150"));
    // Alice at 110 % would bring it to 14.5 · 2,000 / 22,000 = 131.8 %; one more wei of BOLD for Carol to 149.99 %.
    assertThatUnchanged(() -> e.openTrove(ALICE, Amount.of("5.5"), Amount.of(10_000)))
        .hasMessageStartingWith("coll: would bring the system's TCR to 131.81");
    assertThatUnchanged(() -> e.borrow(CAROL, Amount.ofWei(WEI)))
        .hasMessageStartingWith("amount: would bring the system's TCR to 149.99");
    // Bob taking 0.5 ETH out keeps his ICR at 250 % but the TCR would fall to 8.5 · 2,000 / 12,000 = 141.7 %.
    assertThatUnchanged(() -> e.withdrawCollateral(BOB, Amount.of("0.5")))
        .hasMessageStartingWith("coll: would bring the system's TCR to 141.66");
  }

  /**
   * v1, Alice 20 ETH / 10,000 (debt 10,250), Bob 10 ETH / 15,000 (debt 15,275): at $1,276.25 the TCR is
   * 30 · 1,276.25 / 25,525 = 150 % exactly, which is not Recovery Mode (TCR < CCR is); at $1,200 it is
   * 36,000 / 25,525 = 141 %.
   */
  @Test
  void recoveryModeStartsBelowTheCcrAndChangesWhatEachOperationMayDo() {
    twoV1Troves();
    e.setPrice(Price.of("1276.25"));
    assertThat(e.tcr()).isEqualTo(pct("150"));
    assertThat(e.isRecoveryMode()).isFalse();
    e.setPrice(Price.of(1200));
    assertThat(e.isRecoveryMode()).isTrue();
    // No fee in Recovery Mode: borrowing 100 takes Alice from 24,000 / 10,250 = 234.146...% to
    // 24,000 / 10,350 = 231.884...%, above the CCR but lower, which Recovery Mode forbids.
    assertThatUnchanged(() -> e.borrow(ALICE, Amount.of(100))).hasMessage(
        "amount: must not lower the ICR in Recovery Mode (from 234.1463414634146341% to 231.8840579710144927%)");
    // BorrowerOperations requires newICR >= oldICR: one wei more debt leaves the floored ICR where it
    // was (24,000e36 / (10,250e18 + 1) still floors to 2.341463414634146341e18), so it is allowed, with no fee.
    assertThat(e.borrow(ALICE, Amount.ofWei(1)).fee()).isEqualTo(Amount.ZERO);
    assertThat(e.trove(ALICE).orElseThrow().icr()).isEqualTo(new BigInteger("2341463414634146341"));
    // Opening needs an ICR of at least the CCR, and pays no fee: 8,000 + 200 = 8,200 against 12,000 is 146 %.
    assertThatUnchanged(() -> e.openTrove(CAROL, Amount.of(10), Amount.of(8_000)))
        .hasMessageStartingWith("coll: would leave the trove's ICR at 146.34").hasMessageEndingWith("below the CCR of 150%");
    LiquityEvent.TroveOpened carol = e.openTrove(CAROL, Amount.of(10), Amount.of(7_000));
    assertThat(carol.fee()).isEqualTo(Amount.ZERO);
    assertThat(carol.debt()).isEqualTo(Amount.of(7_200));
    assertThatUnchanged(() -> e.withdrawCollateral(ALICE, Amount.of(1)))
        .hasMessage("amount: withdrawing collateral is not allowed in Recovery Mode");
    // Bob, at 12,000 / 15,275 = 78.6 %, may not borrow even one wei: the new ICR must reach the CCR.
    assertThatUnchanged(() -> e.borrow(BOB, Amount.ofWei(1)))
        .hasMessageStartingWith("amount: would leave the trove's ICR at 78.55").hasMessageEndingWith("below the CCR of 150%");
    assertThatUnchanged(() -> e.closeTrove(CAROL)).hasMessage("owner: closing a trove is not allowed in Recovery Mode");

    // At exactly 150 % a trove under 100 % is liquidated in normal mode (TroveManager: _TCR < CCR for Recovery).
    twoV1Troves();
    e.setPrice(Price.of("1276.25"));
    LiquidationSplit bob = e.liquidate(BOB, KEEPER).split();
    assertThat(bob.mode()).isEqualTo(LiquidationMode.NORMAL);
    assertThat(bob.debtToRedistribute()).isEqualTo(Amount.of(15_275).wei());
    assertThat(bob.collGasCompensation()).isEqualTo(Amount.of("0.05").wei());  // 10 / 200
  }

  private void twoV1Troves() {
    engine(LiquityParams.v1(), true);
    e.openTrove(ALICE, Amount.of(20), Amount.of(10_000));
    e.openTrove(BOB, Amount.of(10), Amount.of(15_000));
  }

  @Test
  void closingIsRefusedForTheLastTroveAndBelowTheCcrAndReturnsTheV2GasDeposit() {
    engine(LiquityParams.v1(), true);
    e.openTrove(ALICE, Amount.of(10), Amount.of(10_000));
    assertThatUnchanged(() -> e.closeTrove(ALICE))
        .hasMessage("owner: is the only trove in the system, which cannot be closed or liquidated");
    // Closing Alice would leave Bob alone at 20,000 / 15,275 = 130.9 %.
    twoV1Troves();
    assertThatUnchanged(() -> e.closeTrove(ALICE)).hasMessageStartingWith("coll: would bring the system's TCR to 130.9");

    engine(LiquityParams.v2Weth(), true);
    e.openTrove(ALICE, Amount.of(10), Amount.of(10_000));
    e.openTrove(BOB, Amount.of(10), Amount.of(10_000));
    e.setInterestRate(ALICE, pct("5"));
    assertThat(e.closeTrove(ALICE)).isEqualTo(new LiquityEvent.TroveClosed(ALICE, Amount.of(10), Amount.of(10_000)));
    // The 0.0375 ETH gas deposit comes back with the collateral; no BOLD reserve to burn in v2.
    assertThat(book.balanceOf(ALICE, Token.ETH)).isEqualTo(Amount.of(100));
    assertThat(book.balanceOf(e.gasPool(), Token.ETH)).isEqualTo(Amount.of("0.0375"));
    assertThat(e.interestRate(ALICE)).isZero();
    assertThat(e.violatedInvariants()).isEmpty();
  }

  /**
   * v2, empty pool: Carol 10 ETH / 16,000 at $1,700 (ICR 106.25 %) is all redistributed: the cap
   * 16,000 · 1.10 / 1,700 = 10.35 ETH is above her 10 ETH, no collateral gas compensation (it comes
   * only out of a pool offset), the 0.0375 ETH deposit to the liquidator; Alice and Bob (stakes 10
   * and 10) each get 5 ETH and 8,000 BOLD.
   */
  @Test
  void aV2RedistributionPaysTheLiquidatorOnlyTheGasDeposit() {
    engine(LiquityParams.v2Weth(), true);
    e.openTrove(ALICE, Amount.of(10), Amount.of(10_000));
    e.openTrove(BOB, Amount.of(10), Amount.of(10_000));
    e.openTrove(CAROL, Amount.of(10), Amount.of(16_000));
    e.setInterestRate(CAROL, pct("5"));
    e.setPrice(Price.of(1700));
    LiquidationSplit s = e.liquidate(CAROL, KEEPER).split();
    assertThat(s.collGasCompensation()).isZero();
    assertThat(s.collToRedistribute()).isEqualTo(Amount.of(10).wei());
    assertThat(s.debtToRedistribute()).isEqualTo(Amount.of(16_000).wei());
    assertThat(book.balanceOf(KEEPER, Token.ETH)).isEqualTo(Amount.of("0.0375"));
    assertThat(e.trove(ALICE).orElseThrow().pendingColl()).isEqualTo(Amount.of(5));
    assertThat(e.trove(ALICE).orElseThrow().pendingDebt()).isEqualTo(Amount.of(8_000));
    assertThat(e.interestRate(CAROL)).isZero();
    assertThat(e.violatedInvariants()).isEmpty();
  }

  /**
   * v1: Carol 11.275 ETH / 10,000 (debt 10,250) sits at exactly 110 % at $1,000. StabilityPool's
   * withdrawal check is "no trove below the MCR": at $1,000 Bob may withdraw, at $999.99 not.
   */
  @Test
  void poolWithdrawalsStopOnlyWhenATroveIsStrictlyBelowTheMcr() {
    engine(LiquityParams.v1(), true);
    e.openTrove(ALICE, Amount.of(40), Amount.of(10_000));
    e.openTrove(BOB, Amount.of(40), Amount.of(20_000));
    e.openTrove(CAROL, Amount.of("11.275"), Amount.of(10_000));
    e.provideToPool(BOB, Amount.of(5_000));
    assertThat(e.troveOwners()).containsExactly(ALICE, BOB, CAROL);
    e.setPrice(Price.of(1000));
    assertThat(e.trove(CAROL).orElseThrow().icr()).isEqualTo(pct("110"));
    assertThat(e.belowMcr()).isEmpty();
    assertThat(e.withdrawFromPool(BOB, Amount.of(1_000)).newDeposit()).isEqualTo(Amount.of(4_000));
    e.setPrice(Price.of("999.99"));
    assertThat(e.belowMcr()).containsExactly(CAROL);
    assertThatUnchanged(() -> e.withdrawFromPool(BOB, Amount.of(1_000)))
        .hasMessage("amount: cannot be withdrawn from the Stability Pool while a trove is below the MCR");
    // At $300: Alice 12,000 / 10,250 = 117 %, Bob 12,000 / 20,300 = 59 %, Carol 3,382.5 / 10,250 = 33 %: lowest first.
    e.setPrice(Price.of(300));
    assertThat(e.belowMcr()).containsExactly(CAROL, BOB);
  }

  @Test
  void v2LeavesExactlyOneBoldInThePool() {
    engine(LiquityParams.v2Weth(), true);
    e.openTrove(ALICE, Amount.of(10), Amount.of(10_000));
    e.openTrove(BOB, Amount.of(10), Amount.of(10_000));
    e.provideToPool(ALICE, Amount.of(5_000));
    assertThat(e.withdrawFromPool(ALICE, Amount.of(4_999)).newDeposit()).isEqualTo(Amount.of(1));
    assertThat(e.totalDeposits()).isEqualTo(Amount.of(1));
    assertThatUnchanged(() -> e.withdrawFromPool(ALICE, Amount.of(1)))
        .hasMessage("amount: would leave less than 1 in the Stability Pool");
  }

  @Test
  void v2RatesAtTheirBoundsAndZeroSecondsOfInterest() {
    engine(LiquityParams.v2Weth(), true);
    e.openTrove(ALICE, Amount.of(10), Amount.of(10_000));
    assertThat(e.setInterestRate(ALICE, pct("0.5"))).isEqualTo(new LiquityEvent.InterestRateSet(ALICE, pct("0.5")));
    assertThat(e.setInterestRate(ALICE, pct("250"))).isEqualTo(new LiquityEvent.InterestRateSet(ALICE, pct("250")));
    assertThat(e.interestRate(ALICE)).isEqualTo(pct("250"));
    assertThatUnchanged(() -> e.setInterestRate(ALICE, null))
        .hasMessage("annualInterestRate: must be between 0.5% and 250% a year (was 0%)");
    // A rate of 2^200 (bitLength 201) prints as infinite; 2^199 (bitLength 200) still as a number.
    assertThatUnchanged(() -> e.setInterestRate(ALICE, BigInteger.TWO.pow(200))).hasMessageEndingWith("(was infinite)");
    assertThatUnchanged(() -> e.setInterestRate(ALICE, BigInteger.TWO.pow(199))).message().doesNotContain("infinite");
    assertThat(e.accrueInterest(ALICE, 0).amount()).isEqualTo(Amount.ZERO);
    assertThatUnchanged(() -> e.accrueInterest(ALICE, -1)).hasMessage("seconds: must be positive (was -1)");
  }

  /**
   * Touching a trove applies its pending redistribution (TroveManager.applyPendingRewards), also
   * when the touch accrues nothing: v1 three troves, Carol redistributed at $1,500 (Alice's fifth:
   * 0.597 ETH and 844 LUSD).
   */
  @Test
  void aTouchWithoutInterestStillMovesThePendingRewardsIntoTheTrove() {
    engine(LiquityParams.v1(), true);
    threeV1Troves();
    e.setPrice(Price.of(1500));
    e.liquidate(CAROL, KEEPER);
    LiquityEvent.TroveAdjusted a = e.accrueInterest(ALICE, 3_600);
    assertThat(a.amount()).isEqualTo(Amount.ZERO);
    assertThat(a.coll()).isEqualTo(Amount.of("10.597"));
    LiquityEngine.TroveView alice = e.trove(ALICE).orElseThrow();
    assertThat(alice.coll()).isEqualTo(Amount.of("10.597"));
    assertThat(alice.debt()).isEqualTo(Amount.of(11_094));
    assertThat(alice.pendingColl()).isEqualTo(Amount.ZERO);
    assertThat(book.balanceOf(e.defaultPool(), Token.ETH)).isEqualTo(Amount.of("2.388"));
    assertThat(e.violatedInvariants()).isEmpty();
  }

  /** Topping up a deposit pays out the collateral gain so far (StabilityPool.provideToSP). */
  @Test
  void aTopUpPaysTheGainAndCompoundsTheDeposit() {
    engine(LiquityParams.v1(), true);
    threeV1Troves();
    e.provideToPool(BOB, Amount.of(10_000));
    e.setPrice(Price.of(1500));
    e.liquidate(CAROL, KEEPER);                          // offsets 4,220: the pool gains 2.985 ETH
    Amount ethBefore = book.balanceOf(BOB, Token.ETH);
    LiquityEvent.PoolDeposited d = e.provideToPool(BOB, Amount.of(1_000));
    assertThat(d.ethGain()).isEqualTo(Amount.of("2.985"));
    // P = 1 − (0.422 + 1 wei) leaves 5,779.99999999999999; plus the 1,000.
    assertThat(d.newDeposit()).isEqualTo(Amount.ofWei(new BigInteger("6779999999999999990000")));
    assertThat(book.balanceOf(BOB, Token.ETH)).isEqualTo(ethBefore.plus(Amount.of("2.985")));
    assertThat(e.depositorEthGain(BOB)).isEqualTo(Amount.ZERO);
  }

  /**
   * StabilityPool's product P over two partial offsets (v1): Alice and Bob deposit 10,000 each;
   * Carol's 4,220 then a new Carol trove's 6,230 are offset. Loss per unit, rounded up by one:
   * 0.211 + 1 wei, so P = 0.789 − 10^-18 with 20,000 wei of error fed back; then
   * floor((6,230e36 − 20,000e18) / 15,780e18) + 1 = 0.394803548795944232, and
   * P = floor((0.789e18 − 1) · 0.605196451204055768) = 0.4775 exactly. Each deposit compounds to
   * 10,000 · 0.4775 = 4,775, half of the 9,550 left; P stays on its first scale (it never fell below 10^9).
   */
  @Test
  void twoPartialOffsetsCompoundEachDepositByTheProductOfTheirLosses() {
    engine(LiquityParams.v1(), true);
    threeV1Troves();
    e.provideToPool(ALICE, Amount.of(10_000));
    e.provideToPool(BOB, Amount.of(10_000));
    e.setPrice(Price.of(1500));
    e.liquidate(CAROL, KEEPER);
    e.setPrice(Price.of(2000));
    e.openTrove(CAROL, Amount.of(4), Amount.of(6_000));          // debt 6,000 + 30 + 200
    e.setPrice(Price.of(1700));                                   // 6,800 / 6,230 = 109.1 %
    assertThat(e.liquidate(CAROL, KEEPER).split().debtToOffset()).isEqualTo(Amount.of(6_230).wei());
    assertThat(e.totalDeposits()).isEqualTo(Amount.of(9_550));
    assertThat(e.deposit(ALICE)).isEqualTo(Amount.of(4_775));
    assertThat(e.deposit(BOB)).isEqualTo(Amount.of(4_775));
    // A deposit made now starts from the current P and reads back whole.
    e.provideToPool(CAROL, Amount.of(1_000));
    assertThat(e.deposit(CAROL)).isEqualTo(Amount.of(1_000));
    // Alice's gain is half of each offset's collateral: 2.985 / 2 + 3.98 / 2 = 3.4825 ETH, less the
    // floor divisions: the gain per unit staked is floored to 10^-18 ETH per LUSD, which costs her
    // 10,000 deposited less than 10,000 wei per offset (at most 20,000 wei for the two). Withdrawing pays it.
    Amount ethBefore = book.balanceOf(ALICE, Token.ETH);
    LiquityEvent.PoolWithdrawn w = e.withdrawFromPool(ALICE, Amount.of(1_000));
    assertThat(w.ethGain().wei()).isBetween(Amount.of("3.4825").wei().subtract(BigInteger.valueOf(20_000)), Amount.of("3.4825").wei());
    assertThat(book.balanceOf(ALICE, Token.ETH)).isEqualTo(ethBefore.plus(w.ethGain()));
  }

  /**
   * An offset of exactly the whole pool (debt = total deposits: loss per unit exactly 1) starts a new
   * epoch, which zeroes every older deposit; gains of the next epoch are summed under their own key.
   */
  @Test
  void emptyingThePoolExactlyStartsANewEpoch() {
    engine(LiquityParams.v1(), true);
    threeV1Troves();
    e.provideToPool(ALICE, Amount.of(4_220));                    // exactly Carol's debt
    e.setPrice(Price.of(1500));
    e.liquidate(CAROL, KEEPER);
    assertThat(e.totalDeposits()).isEqualTo(Amount.ZERO);
    assertThat(e.deposit(ALICE)).isEqualTo(Amount.ZERO);
    // Gain per unit staked floor(2.985e36 / 4,220e18) = 707,345,971,563,981; times 4,220: 2.98499999999999982.
    assertThat(e.depositorEthGain(ALICE)).isEqualTo(Amount.of("2.98499999999999982"));
    e.provideToPool(BOB, Amount.of(1_000));
    e.setPrice(Price.of(2000));
    e.openTrove(CAROL, Amount.of(4), Amount.of(6_000));
    e.setPrice(Price.of(1700));
    assertThat(e.liquidate(CAROL, KEEPER).split().debtToOffset()).isEqualTo(Amount.of(1_000).wei());
    assertThat(e.snapshot().sums().keySet())
        .containsExactly(new LiquityEngine.EpochScale(0, 0), new LiquityEngine.EpochScale(1, 0));
    assertThat(e.deposit(BOB)).isEqualTo(Amount.ZERO);
    assertThat(e.violatedInvariants()).isEmpty();
  }

  /**
   * StabilityPool's scale change (v1 {@code _updateRewardSumAndProduct}, {@code _getCompoundedStakeFromSnapshots},
   * {@code _getETHGainFromSnapshots}, SCALE_FACTOR = 10^9), through four offsets against a pool of 10,000 LUSD.
   * Every figure below is worked from the contract's rules; every division floors. Carol's debt X is set to the
   * wei by a repayment, and the pool holds exactly 10^22 wei before each offset (a new deposit tops it up), so each
   * loss per unit is {@code floor((X·10^18 − err)/10^22) + 1} with an error fed back of exactly 10^22 wei
   * (the "+1" over-charges the 10^22 wei of deposits by one unit each time). Collateral to the pool is 6 ETH less
   * the 0.5 % gas compensation: 5.97 ETH (2.985 ETH from 3 ETH), and 5.97e36 / 10^22 = 5.97e14 ETH per unit
   * divides exactly, so the ETH error feedback stays 0.
   */
  @Test
  void aLossBelowABillionthOfPMovesPToTheNextScaleAndDepositsCompoundAcrossIt() {
    engine(LiquityParams.v1(), true);
    e.openTrove(ALICE, Amount.of(90), Amount.of(30_000));
    e.openTrove(BOB, Amount.of(40), Amount.of(20_000));
    e.provideToPool(ALICE, Amount.of(6_000));
    e.provideToPool(BOB, Amount.of(4_000));

    // Offset 1, X1 = 10^22 − 10^17 − 10^4 (0.1 LUSD and 10^4 wei left): loss per unit
    // floor(X1·10^18 / 10^22) + 1 = (10^18 − 10^13 − 1) + 1 = 10^18 − 10^13; error fed back
    // (10^18 − 10^13)·10^22 − X1·10^18 = 10^22. P = 10^18 · 10^13 / 10^18 = 10^13 ≥ 10^9: same scale.
    // S(0,0) = 5.97e14 · 10^18 = 5.97e32. Alice compounds to 6,000e18 · 10^13 / 10^18 = 6·10^16 wei (0.06 LUSD),
    // Bob to 4·10^16; gains 6,000/10,000 and 4,000/10,000 of 5.97 ETH.
    offsetCarol(6, 9_800, ten(22).subtract(ten(17)).subtract(ten(4)));
    assertThat(e.deposit(ALICE)).isEqualTo(Amount.ofWei(6 * ten(16).longValueExact()));
    assertThat(e.deposit(BOB)).isEqualTo(Amount.ofWei(4 * ten(16).longValueExact()));
    assertThat(e.depositorEthGain(ALICE)).isEqualTo(Amount.of("3.582"));
    assertThat(e.depositorEthGain(BOB)).isEqualTo(Amount.of("2.388"));
    assertThat(e.totalDeposits()).isEqualTo(Amount.ofWei(ten(17).add(ten(4))));

    // Dave brings the pool back to 10^22: his deposit D0 = 10^22 − 10^17 − 10^4, snapshot P = 10^13, S = 5.97e32.
    BigInteger dave0 = ten(22).subtract(ten(17)).subtract(ten(4));
    book.transfer(LUSD, ALICE, DAVE, Amount.ofWei(dave0));
    e.provideToPool(DAVE, Amount.ofWei(dave0));
    assertThat(e.snapshot().deposits().get(DAVE))
        .isEqualTo(new LiquityEngine.Deposit(dave0, ten(13), new BigInteger("597" + "0".repeat(30)), 0, 0));

    // Offset 2, X2 = 10^22 − 10^17 (0.1 LUSD left, a fraction of 10^-5): loss per unit
    // floor((X2·10^18 − 10^22) / 10^22) + 1 = (10^18 − 10^13 − 1) + 1 = 10^18 − 10^13, error fed back 10^22 again.
    // S(0,0) += 5.97e14 · P = 5.97e14 · 10^13 = 5.97e27 (S moves before P). The new P would be
    // 10^13 · 10^13 / 10^18 = 10^8 < 10^9, so P = 10^13 · 10^13 · 10^9 / 10^18 = 10^17 and the scale becomes 1.
    offsetCarol(6, 9_800, ten(22).subtract(ten(17)));
    assertThat(e.totalDeposits()).isEqualTo(Amount.ofWei(ten(17)));
    // Dave spans one scale change: floor(floor(D0 · 10^17 / 10^13) / 10^9) = floor(D0 / 10^5)
    // = floor(10^17 − 10^12 − 0.1) = 99,998,999,999,999,999 wei, above a billionth of D0 (≈ 10^13): kept.
    assertThat(e.deposit(DAVE)).isEqualTo(Amount.ofWei(new BigInteger("99998999999999999")));
    // Alice and Bob span it too: floor(floor(6,000e18 · 10^17 / 10^18) / 10^9) = 6·10^11 wei, below a billionth
    // of 6,000e18 (6·10^12): depleted to zero, as the contract does (Bob likewise, 4·10^11 < 4·10^12).
    assertThat(e.deposit(ALICE)).isEqualTo(Amount.ZERO);
    assertThat(e.deposit(BOB)).isEqualTo(Amount.ZERO);
    // Dave's gain so far: floor(floor(D0 · 5.97e27 / 10^13) / 10^18) = floor(D0 · 5.97e14 / 10^18)
    // = floor(5.97e18 − 5.97e13 − 5.97) = 5,969,940,299,999,999,994 wei (no sum at scale 1 yet).
    assertThat(e.depositorEthGain(DAVE)).isEqualTo(Amount.ofWei(new BigInteger("5969940299999999994")));
    // A deposit made now starts at the new scale: Erin's E0 = 10^22 − 10^17, snapshot P = 10^17, S(0,1) = 0, scale 1.
    BigInteger erin0 = ten(22).subtract(ten(17));
    book.transfer(LUSD, ALICE, ERIN, Amount.ofWei(erin0));
    e.provideToPool(ERIN, Amount.ofWei(erin0));
    assertThat(e.snapshot().deposits().get(ERIN)).isEqualTo(new LiquityEngine.Deposit(erin0, ten(17), BigInteger.ZERO, 0, 1));
    assertThat(e.deposit(ERIN)).isEqualTo(Amount.ofWei(erin0));

    // Offset 3, X3 = 5,000 LUSD of the 10^22: loss per unit floor((5·10^39 − 10^22) / 10^22) + 1 = 5·10^17
    // (error fed back 10^22); P = 10^17 · 5·10^17 / 10^18 = 5·10^16 ≥ 10^9: scale 1 stays.
    // S(0,1) = (2.985e36 / 10^22) · 10^17 = 2.985e14 · 10^17 = 2.985e31.
    offsetCarol(3, 4_800, Amount.of(5_000).wei());
    // Erin within her own scale: E0 · 5·10^16 / 10^17 = E0 / 2 = 4,999.95 LUSD.
    assertThat(e.deposit(ERIN)).isEqualTo(Amount.of("4999.95"));
    // Dave across one scale: floor(floor(D0 · 5·10^16 / 10^13) / 10^9) = floor(D0 / (2·10^5))
    // = floor(5·10^16 − 5·10^11 − 0.05) = 49,999,499,999,999,999 wei.
    assertThat(e.deposit(DAVE)).isEqualTo(Amount.ofWei(new BigInteger("49999499999999999")));
    // Erin's gain: floor(floor(E0 · 2.985e31 / 10^17) / 10^18) = (10^22 − 10^17) · 2.985e14 / 10^18 = 2.985e18 − 2.985e13.
    assertThat(e.depositorEthGain(ERIN)).isEqualTo(Amount.ofWei(new BigInteger("2984970150000000000")));
    // Dave's gain over both scales: first part S(0,0) − 5.97e32 = 5.97e27; second part the sum at the next scale,
    // floor(2.985e31 / 10^9) = 2.985e22. floor(D0 · (5.97e27 + 2.985e22) / 10^13) / 10^18 = D0 · 5.97002985e14 / 10^18
    // = 5.97002985e18 − 5.97002985e13 − 5.97002985, floored: 5,969,970,149,701,499,994 wei (2.985e13 more than
    // before: his 10^17 of the 10^22 in the pool, times 2.985 ETH).
    assertThat(e.depositorEthGain(DAVE)).isEqualTo(Amount.ofWei(new BigInteger("5969970149701499994")));
    // Alice's and Bob's depleted deposits still earn their remainders' share at the next scale:
    // 6,000e18 · (5.97e32 + 5.97e27 + 2.985e22) / 10^18 / 10^18 = 3.582e18 + 3.582e13 + 1.791e8.
    assertThat(e.depositorEthGain(ALICE)).isEqualTo(Amount.ofWei(new BigInteger("3582035820179100000")));

    // Bob tops up 5,000 (taking his gain, 4,000e18 · (5.97e32 + 5.97e27 + 2.985e22) / 10^36 = 2,388,023,880,119,400,000
    // wei); his deposit restarts at scale 1 with P = 5·10^16, S(0,1) = 2.985e31. The pool is 10^22 again.
    assertThat(e.provideToPool(BOB, Amount.of(5_000)).ethGain()).isEqualTo(Amount.ofWei(new BigInteger("2388023880119400000")));
    assertThat(e.totalDeposits()).isEqualTo(Amount.of(10_000));

    // Offset 4, X4 = 10^22 − 10^14 (a fraction of 10^-8 left): loss per unit floor((X4·10^18 − 10^22) / 10^22) + 1
    // = 10^18 − 10^10; P would be 5·10^16 · 10^10 / 10^18 = 5·10^8 < 10^9, so P = 5·10^16 · 10^10 · 10^9 / 10^18
    // = 5·10^17 at scale 2. S(0,1) += 5.97e14 · 5·10^16 = 2.985e31, so S(0,1) = 5.97e31.
    offsetCarol(6, 9_800, ten(22).subtract(ten(14)));
    assertThat(e.totalDeposits()).isEqualTo(Amount.ofWei(ten(14)));
    assertThat(e.snapshot().sums().keySet())
        .containsExactly(new LiquityEngine.EpochScale(0, 0), new LiquityEngine.EpochScale(0, 1));
    // Dave's deposit now spans two scale changes: zero, as the contract defines it.
    assertThat(e.deposit(DAVE)).isEqualTo(Amount.ZERO);
    // Erin spans one: floor(floor(E0 · 5·10^17 / 10^17) / 10^9) = 5·E0 / 10^9 = 5·10^13 − 5·10^8 wei.
    assertThat(e.deposit(ERIN)).isEqualTo(Amount.ofWei(new BigInteger("49999500000000")));
    // Bob's top-up spans one: floor(floor(5,000e18 · 5·10^17 / 5·10^16) / 10^9) = 5·10^13 wei.
    assertThat(e.deposit(BOB)).isEqualTo(Amount.ofWei(5 * ten(13).longValueExact()));
    // Dave still collects offset 4's gain through the sum at his next scale: second part floor(5.97e31 / 10^9) = 5.97e22,
    // so D0 · (5.97e14 + 5.97e9) / 10^18 = 5.9700597e18 − 5.9700597e13 − 5.9700597, floored: 5,969,999,999,402,999,994.
    assertThat(e.depositorEthGain(DAVE)).isEqualTo(Amount.ofWei(new BigInteger("5969999999402999994")));
    // Erin: (S(0,1) − 0) = 5.97e31 at her own scale, nothing at scale 2: E0 · 5.97e14 / 10^18 = 5.97e18 − 5.97e13.
    assertThat(e.depositorEthGain(ERIN)).isEqualTo(Amount.ofWei(new BigInteger("5969940300000000000")));
    // Bob: (5.97e31 − 2.985e31) · 5,000e18 / (5·10^16) / 10^18 = 2.985 ETH, half of offset 4's collateral.
    assertThat(e.depositorEthGain(BOB)).isEqualTo(Amount.of("2.985"));
    // Alice: 6,000e18 · (5.97e32 + 5.97e27 + 5.97e22) / 10^36 = 3.582e18 + 3.582e13 + 3.582e8.
    assertThat(e.depositorEthGain(ALICE)).isEqualTo(Amount.ofWei(new BigInteger("3582035820358200000")));
    assertThat(e.violatedInvariants()).isEmpty();

    // Conservation: everyone leaves. The pool pays out no more than it holds. Of its 10^14 wei of LUSD it pays
    // 5·10^13 − 5·10^8 + 5·10^13 and keeps 5·10^8 wei (what Dave's zeroed deposit and the depleted ones still
    // stood for). Of its ETH (the four offsets' 20.895 less Bob's 2.388023880119400000 already paid) it pays the
    // gains above and keeps 20.895e18 − 3,582,035,820,358,200,000 − 2,388,023,880,119,400,000 − 2.985e18
    // − 5,969,999,999,402,999,994 − 5,969,940,300,000,000,000 = 119,400,006 wei: 1.194e8 the share of offset 4
    // earned by what was left of Bob's first deposit (2·10^11 wei, no longer anyone's), and 6 wei of floors.
    Amount poolLusd = book.balanceOf(e.stabilityPool(), LUSD);
    Amount poolEth = book.balanceOf(e.stabilityPool(), Token.ETH);
    Amount paidLusd = Amount.ZERO;
    Amount paidEth = Amount.ZERO;
    for (AccountId depositor : List.of(ALICE, BOB, DAVE, ERIN)) {
      LiquityEvent.PoolWithdrawn w = e.withdrawFromPool(depositor, Amount.of(1_000_000));
      paidLusd = paidLusd.plus(w.amount());
      paidEth = paidEth.plus(w.ethGain());
    }
    assertThat(poolLusd.minus(paidLusd)).isEqualTo(Amount.ofWei(500_000_000));
    assertThat(poolEth.minus(paidEth)).isEqualTo(Amount.ofWei(119_400_006));
    assertThat(book.balanceOf(e.stabilityPool(), LUSD)).isEqualTo(Amount.ofWei(500_000_000));
    assertThat(book.balanceOf(e.stabilityPool(), Token.ETH)).isEqualTo(Amount.ofWei(119_400_006));
    assertThat(e.violatedInvariants()).isEmpty();
  }

  /**
   * The two boundaries at P = 10^9, one wei of debt apart. A pool of 10,000 LUSD (Alice 6,000, Bob 4,000) offsets
   * X = 10^22 − 10^13 − 1: loss per unit floor(X·10^18 / 10^22) + 1 = floor(10^18 − 10^9 − 10^-4) + 1 = 10^18 − 10^9,
   * so P = 10^18 · 10^9 / 10^18 = 10^9, not below SCALE_FACTOR: the scale stays, and each deposit reads exactly a
   * billionth of itself (6,000e18 · 10^9 / 10^18 = 6·10^12 = floor(6,000e18 / 10^9)), which the contract keeps
   * ("less than a billionth" is depleted). One wei more, X = 10^22 − 10^13: loss per unit 10^18 − 10^9 + 1, P would
   * be 10^9 − 1, so P = (10^9 − 1) · 10^9 = 999,999,999,000,000,000 at scale 1, and each deposit reads
   * floor(floor(6,000e18 · (10^18 − 10^9) / 10^18) / 10^9) = 6·10^12 − 6,000: below a billionth, so zero.
   */
  @Test
  void aBillionthOfADepositIsKeptAndOneWeiMoreDebtCrossesTheScaleAndDepletesIt() {
    record Case(BigInteger debt, BigInteger p, long scale, BigInteger alice, BigInteger bob, BigInteger unowned) {}
    BigInteger sAtScale0 = new BigInteger("597" + "0".repeat(30));              // 5.97e14 ETH per unit · P = 10^18
    for (Case c : List.of(
        new Case(ten(22).subtract(ten(13)).subtract(WEI), ten(9), 0, ten(12).multiply(BigInteger.valueOf(6)),
            ten(12).multiply(BigInteger.valueOf(4)), WEI),
        new Case(ten(22).subtract(ten(13)), new BigInteger("999999999000000000"), 1, BigInteger.ZERO, BigInteger.ZERO,
            ten(13)))) {
      engine(LiquityParams.v1(), true);
      e.openTrove(ALICE, Amount.of(90), Amount.of(30_000));
      e.openTrove(BOB, Amount.of(40), Amount.of(20_000));
      e.provideToPool(ALICE, Amount.of(6_000));
      e.provideToPool(BOB, Amount.of(4_000));
      offsetCarol(6, 9_800, c.debt());
      assertThat(e.deposit(ALICE)).as("Alice after X = %s", c.debt()).isEqualTo(Amount.ofWei(c.alice()));
      assertThat(e.deposit(BOB)).isEqualTo(Amount.ofWei(c.bob()));
      assertThat(e.depositorEthGain(ALICE)).isEqualTo(Amount.of("3.582"));
      assertThat(e.depositorEthGain(BOB)).isEqualTo(Amount.of("2.388"));
      // A deposit made now records the P and scale the offset left (S at a new scale starts from zero).
      e.provideToPool(CAROL, Amount.of(1_000));
      assertThat(e.snapshot().deposits().get(CAROL)).isEqualTo(new LiquityEngine.Deposit(Amount.of(1_000).wei(), c.p(),
          c.scale() == 0 ? sAtScale0 : BigInteger.ZERO, 0, c.scale()));
      assertThat(e.deposit(CAROL)).isEqualTo(Amount.of(1_000));
      // Everyone leaves: the pool keeps 10^22 − X less what the deposits read: 1 wei, or the whole 10^13 wei that
      // the depleted deposits stood for. The ETH gains (6/10 and 4/10 of 5.97 ETH) divide exactly.
      Amount before = book.balanceOf(e.stabilityPool(), LUSD);
      Amount paid = Amount.ZERO;
      for (AccountId depositor : List.of(ALICE, BOB, CAROL)) {
        paid = paid.plus(e.withdrawFromPool(depositor, Amount.of(1_000_000)).amount());
      }
      assertThat(before.minus(paid)).isEqualTo(Amount.ofWei(c.unowned()));
      assertThat(book.balanceOf(e.stabilityPool(), Token.ETH)).isEqualTo(Amount.ZERO);
      assertThat(e.violatedInvariants()).isEmpty();
    }
  }

  /**
   * Carol opens a v1 trove at $2,000 with {@code coll} ETH, borrowing {@code borrowed} (the 0.5 % fee and the
   * 200 LUSD reserve come on top: 6 ETH / 9,800 is 12,000 / 10,049 = 119 %), repays it down to exactly
   * {@code debt}, and is liquidated at $1,800 (10,800 / 10,000 = 108 %, 5,400 / 5,000 for 3 ETH): the whole debt
   * is offset against the pool, which gets {@code coll} less the 0.5 % gas compensation.
   */
  private void offsetCarol(long coll, long borrowed, BigInteger debt) {
    e.setPrice(Price.of(2000));
    e.openTrove(CAROL, Amount.of(coll), Amount.of(borrowed));
    e.repay(CAROL, new Amount(e.trove(CAROL).orElseThrow().debt().wei().subtract(debt)));
    assertThat(e.trove(CAROL).orElseThrow().debt().wei()).isEqualTo(debt);
    e.setPrice(Price.of(1800));
    LiquidationSplit s = e.liquidate(CAROL, KEEPER).split();
    assertThat(s.debtToOffset()).isEqualTo(debt);
    assertThat(s.collToPool()).isEqualTo(Amount.of(coll).wei().multiply(BigInteger.valueOf(199)).divide(BigInteger.valueOf(200)));
    assertThat(e.violatedInvariants()).isEmpty();
  }

  private static BigInteger ten(int exponent) {
    return BigInteger.TEN.pow(exponent);
  }

  /**
   * The conservation check reads the book, which anyone can write to: every law it states over
   * balances fails, by name, when a balance is changed behind the engine's back.
   */
  @Test
  void theInvariantCheckNamesEveryBalanceChangedBehindTheEnginesBack() {
    engine(LiquityParams.v1(), true);
    threeV1Troves();
    e.provideToPool(ALICE, Amount.of(2_000));
    e.setPrice(Price.of(1500));
    e.liquidate(CAROL, KEEPER);                          // 2,000 offset, 2,220 redistributed
    assertThat(e.violatedInvariants()).isEmpty();
    tamper(() -> book.transfer(Token.ETH, e.defaultPool(), KEEPER, book.balanceOf(e.defaultPool(), Token.ETH)),
        "default pool ETH");
    tamper(() -> book.transfer(Token.ETH, e.stabilityPool(), KEEPER, book.balanceOf(e.stabilityPool(), Token.ETH)),
        "depositors' gains");
    tamper(() -> book.mint(Token.ETH, e.activePool(), Amount.ofWei(1)), "active pool ETH");
    tamper(() -> book.mint(Token.ETH, e.gasPool(), Amount.ofWei(1)), "gas pool ETH");
    tamper(() -> book.mint(Token.ETH, e.surplusPool(), Amount.ofWei(1)), "surplus pool ETH");
    tamper(() -> book.mint(LUSD, e.gasPool(), Amount.ofWei(1)), "gas pool LUSD");
    tamper(() -> book.mint(LUSD, e.stabilityPool(), Amount.ofWei(1)), "pool holds");
    tamper(() -> book.mint(LUSD, KEEPER, Amount.ofWei(1)), "supply of LUSD");
  }

  private void tamper(Runnable change, String law) {
    change.run();
    assertThat(e.violatedInvariants()).as(law).anyMatch(m -> m.startsWith(law));
  }

  /** Aborted inside a caller's transaction, an opening, a deposit and a liquidation leave no trace. */
  @Test
  void operationsAbortedByTheCallersTransactionLeaveNoTrace() {
    engine(LiquityParams.v1(), true);
    e.openTrove(ALICE, Amount.of(10), Amount.of(10_000));
    e.openTrove(BOB, Amount.of(40), Amount.of(20_000));
    AbortedTransactions.assertAbortLeavesUnchanged(book, e::snapshot, () -> e.openTrove(CAROL, Amount.of(3), Amount.of(4_000)));
    AbortedTransactions.assertAbortLeavesUnchanged(book, e::snapshot, () -> e.provideToPool(BOB, Amount.of(5_000)));
    e.openTrove(CAROL, Amount.of(3), Amount.of(4_000));
    e.setPrice(Price.of(1500));
    AbortedTransactions.assertAbortLeavesUnchanged(book, e::snapshot, () -> e.liquidate(CAROL, KEEPER));
    assertThat(e.trove(CAROL)).isPresent();
    assertThat(e.violatedInvariants()).isEmpty();
  }

  @Test
  void parameterRangesAtTheirEdges() {
    LiquityParams v1 = LiquityParams.v1();
    Token t = v1.debtToken();
    BigInteger one = LiquityParams.ONE;
    assertThatThrownBy(() -> params(one, pct("150"), 200, pct("0.5"))).hasMessage("mcr: must be above 100%");
    // CCR = MCR is allowed (CCR must be at least the MCR), a divisor of 1 too; a fee of exactly 100 % is not.
    assertThat(params(pct("110"), pct("110"), 1, pct("0.5")).ccr()).isEqualTo(pct("110"));
    assertThatThrownBy(() -> params(pct("110"), pct("109"), 200, pct("0.5"))).hasMessage("ccr: must be at least mcr");
    assertThatThrownBy(() -> params(pct("110"), pct("150"), 0, pct("0.5"))).hasMessage("collGasDivisor: must be positive (was 0)");
    assertThatThrownBy(() -> params(pct("110"), pct("150"), 200, one)).hasMessage("borrowingFeeRate: must be in [0, 1)");
    assertThatThrownBy(() -> params(pct("110"), pct("150"), 200, BigInteger.ONE.negate()))
        .hasMessage("borrowingFeeRate: must be in [0, 1)");
    assertThat(params(pct("110"), pct("150"), 200, BigInteger.ZERO).borrowingFeeRate()).isZero();
    assertThat(t).isEqualTo(LUSD);
  }

  private static LiquityParams params(BigInteger mcr, BigInteger ccr, long divisor, BigInteger fee) {
    LiquityParams v1 = LiquityParams.v1();
    return new LiquityParams(v1.debtToken(), mcr, ccr, true, v1.debtGasCompensation(), v1.ethGasCompensation(), divisor,
        v1.collGasCap(), v1.minNetDebt(), fee, v1.penalty(), v1.minInPool());
  }

  /** TroveManager: Recovery Mode's capped offset applies when entireTroveDebt <= LUSDInStabPool, equality included. */
  @Test
  void aCappedRecoveryLiquidationNeedsThePoolToCoverTheDebtEqualityIncluded() {
    LiquityParams v1 = LiquityParams.v1();
    BigInteger debt = Amount.of(10_000).wei();
    assertThat(LiquityRules.mode(v1, true, pct("120"), pct("140"), debt, debt)).isEqualTo(LiquidationMode.RECOVERY_CAPPED);
    assertThat(LiquityRules.mode(v1, true, pct("120"), pct("140"), debt, debt.subtract(WEI))).isNull();
  }

  private void threeV1Troves() {
    e.openTrove(ALICE, Amount.of(10), Amount.of(10_000));
    e.openTrove(BOB, Amount.of(40), Amount.of(20_000));
    e.openTrove(CAROL, Amount.of(3), Amount.of(4_000));
  }

  private static LiquityEvent.TroveAdjusted adjusted(Adjustment kind, String amount, String fee, String coll, String debt) {
    return new LiquityEvent.TroveAdjusted(ALICE, kind, Amount.of(amount), Amount.of(fee), Amount.of(coll), Amount.of(debt));
  }

  private static <E extends LiquityEvent> E assertEquals(E actual, E expected) {
    assertThat(actual).isEqualTo(expected);
    return actual;
  }

  private AbstractThrowableAssert<?, ? extends Throwable> assertThatUnchanged(Executable op) {
    return Refusals.assertRefusedUnchanged(RuleViolation.class, () -> List.of(e.snapshot(), events.size()), op);
  }
}
