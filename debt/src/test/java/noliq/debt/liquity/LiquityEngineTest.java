package noliq.debt.liquity;

import static noliq.debt.liquity.LiquityParams.pct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import noliq.math.testing.Refusals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class LiquityEngineTest {
  static final AccountId ALICE = AccountId.of("alice");
  static final AccountId BOB = AccountId.of("bob");
  static final AccountId CAROL = AccountId.of("carol");
  static final AccountId KEEPER = AccountId.of("keeper");
  static final Token LUSD = new Token("LUSD");
  static final Token BOLD = new Token("BOLD");

  TokenBook book = new TokenBook();
  LiquityEngine e;
  final List<LiquityEvent> events = new ArrayList<>();

  LiquityEngine engine(LiquityParams params) {
    for (AccountId a : List.of(ALICE, BOB, CAROL)) {
      book.mint(Token.ETH, a, Amount.of(100));
    }
    LiquityEngine engine = new LiquityEngine(book, params);
    engine.onEvent(events::add);
    engine.setPrice(Price.of(2000));
    return engine;
  }

  /** Alice 10 ETH / 10,000, Bob 40 ETH / 20,000, Carol 3 ETH / 4,000 at $2,000 (v1: +0.5 % fee, +200 reserve). */
  void threeTroves() {
    e.openTrove(ALICE, Amount.of(10), Amount.of(10_000));
    e.openTrove(BOB, Amount.of(40), Amount.of(20_000));
    e.openTrove(CAROL, Amount.of(3), Amount.of(4_000));
  }

  @Test
  void openingATroveAddsTheFeeAndTheGasReserveToItsDebt() {
    e = engine(LiquityParams.v1());
    LiquityEvent.TroveOpened o = e.openTrove(ALICE, Amount.of(10), Amount.of(10_000));
    assertThat(o.fee()).isEqualTo(Amount.of(50));
    assertThat(o.debt()).isEqualTo(Amount.of(10_250));
    assertThat(book.balanceOf(ALICE, LUSD)).isEqualTo(Amount.of(10_000));
    assertThat(book.balanceOf(e.feeRecipient(), LUSD)).isEqualTo(Amount.of(50));
    assertThat(book.balanceOf(e.gasPool(), LUSD)).isEqualTo(Amount.of(200));
    assertThat(book.balanceOf(e.activePool(), Token.ETH)).isEqualTo(Amount.of(10));
    assertThat(e.trove(ALICE).orElseThrow().icr()).isEqualTo(new BigInteger("1951219512195121951")); // 20,000 / 10,250
    assertThat(e.violatedInvariants()).isEmpty();
  }

  @Test
  void liquidationOffsetsTheDebtAgainstTheStabilityPool() {
    e = engine(LiquityParams.v1());
    threeTroves();
    e.provideToPool(ALICE, Amount.of(10_000));
    e.setPrice(Price.of(1500));
    assertThat(e.isRecoveryMode()).isFalse();                    // TCR = 79,500 / 34,770 = 228.6 %
    assertThat(e.trove(CAROL).orElseThrow().icr()).isLessThan(pct("110")); // 4,500 / 4,220 = 106.6 %
    LiquidationSplit s = e.liquidate(CAROL, KEEPER).split();
    assertThat(s.mode()).isEqualTo(LiquidationMode.NORMAL);
    assertThat(s.collGasCompensation()).isEqualTo(Amount.of("0.015").wei());   // 0.5 % of 3 ETH
    assertThat(s.debtGasCompensation()).isEqualTo(Amount.of(200).wei());
    assertThat(s.debtToOffset()).isEqualTo(Amount.of(4_220).wei());
    assertThat(s.collToPool()).isEqualTo(Amount.of("2.985").wei());
    assertThat(s.debtToRedistribute()).isZero();
    assertThat(s.collToRedistribute()).isZero();
    assertThat(book.balanceOf(KEEPER, Token.ETH)).isEqualTo(Amount.of("0.015"));
    assertThat(book.balanceOf(KEEPER, LUSD)).isEqualTo(Amount.of(200));
    assertThat(e.totalDeposits()).isEqualTo(Amount.of(5_780));
    assertThat(book.balanceOf(e.stabilityPool(), Token.ETH)).isEqualTo(Amount.of("2.985"));
    // P = 1 − (0.422 + 1 wei): the loss per unit is rounded up, so the deposit reads 10^-17 below 5,780.
    assertThat(e.deposit(ALICE)).isEqualTo(Amount.ofWei(new BigInteger("5779999999999999990000")));
    assertThat(e.depositorEthGain(ALICE)).isEqualTo(Amount.of("2.985"));
    assertThat(e.trove(CAROL)).isEmpty();
    assertThat(e.violatedInvariants()).isEmpty();
    // The depositor takes the gain and what is left of the deposit; the rounding dust stays in the pool.
    LiquityEvent.PoolWithdrawn w = e.withdrawFromPool(ALICE, Amount.of(1_000_000));
    assertThat(w.ethGain()).isEqualTo(Amount.of("2.985"));
    assertThat(w.amount()).isEqualTo(Amount.ofWei(new BigInteger("5779999999999999990000")));
    assertThat(e.totalDeposits()).isEqualTo(Amount.ofWei(10_000));
    assertThat(e.violatedInvariants()).isEmpty();
  }

  @Test
  void withAnEmptyPoolTheDebtAndCollateralAreRedistributedByStake() {
    e = engine(LiquityParams.v1());
    threeTroves();
    e.setPrice(Price.of(1500));
    LiquidationSplit s = e.liquidate(CAROL, KEEPER).split();
    assertThat(s.debtToOffset()).isZero();
    assertThat(s.debtToRedistribute()).isEqualTo(Amount.of(4_220).wei());
    assertThat(s.collToRedistribute()).isEqualTo(Amount.of("2.985").wei());
    // Stakes 10 and 40: Alice gets a fifth, Bob four fifths.
    LiquityEngine.TroveView alice = e.trove(ALICE).orElseThrow();
    assertThat(alice.pendingColl()).isEqualTo(Amount.of("0.597"));
    assertThat(alice.pendingDebt()).isEqualTo(Amount.of("844"));
    assertThat(alice.entireDebt()).isEqualTo(Amount.of(10_250 + 844));
    LiquityEngine.TroveView bob = e.trove(BOB).orElseThrow();
    assertThat(bob.pendingColl()).isEqualTo(Amount.of("2.388"));
    assertThat(bob.pendingDebt()).isEqualTo(Amount.of("3376"));
    assertThat(book.balanceOf(e.defaultPool(), Token.ETH)).isEqualTo(Amount.of("2.985"));
    // Redistribution moves debt between troves; the system's debt is unchanged: 10,250 + 20,300 + 4,220.
    assertThat(e.systemDebt()).isEqualTo(Amount.of(34_770));
    // Touching Alice's trove moves her share into it.
    e.addCollateral(ALICE, Amount.of(1));
    assertThat(e.trove(ALICE).orElseThrow().coll()).isEqualTo(Amount.of("11.597"));
    assertThat(e.trove(ALICE).orElseThrow().debt()).isEqualTo(Amount.of(11_094));
    assertThat(book.balanceOf(e.defaultPool(), Token.ETH)).isEqualTo(Amount.of("2.388"));
    assertThat(e.violatedInvariants()).isEmpty();
  }

  @Test
  void belowTheCcrTheSystemEntersRecoveryModeAndCapsTheLiquidationAtTheMcr() {
    e = engine(LiquityParams.v1());
    e.openTrove(ALICE, Amount.of(10), Amount.of(10_000));     // debt 10,250
    e.openTrove(BOB, Amount.of(20), Amount.of(20_000));       // debt 20,300
    e.openTrove(CAROL, Amount.of(7), Amount.of(8_000));       // debt 8,240
    e.provideToPool(BOB, Amount.of(15_000));
    assertThat(e.isRecoveryMode()).isFalse();
    e.setPrice(Price.of(1500));
    assertThat(e.tcr()).isEqualTo(new BigInteger("1430781129156999226"));   // 55,500 / 38,790
    assertThat(e.isRecoveryMode()).isTrue();
    // Recovery Mode forbids collateral withdrawals and new troves below the CCR.
    assertThatUnchanged(() -> e.withdrawCollateral(ALICE, Amount.of(1)))
        .hasMessage("amount: withdrawing collateral is not allowed in Recovery Mode");
    // Alice at 146 % is above the TCR (143 %): safe even in Recovery Mode.
    assertThatUnchanged(() -> e.liquidate(ALICE, KEEPER)).hasMessageStartingWith("owner: trove alice cannot be liquidated: ICR 146.");
    // Carol at 127 % is between the MCR and the TCR, and the pool covers her debt: capped liquidation.
    LiquidationSplit s = e.liquidate(CAROL, KEEPER).split();
    assertThat(s.mode()).isEqualTo(LiquidationMode.RECOVERY_CAPPED);
    assertThat(s.debtToOffset()).isEqualTo(Amount.of(8_240).wei());
    assertThat(s.collToPool()).isEqualTo(new BigInteger("6012453333333333333"));     // 8,240 · 1.1 / 1,500 − gas
    assertThat(s.collGasCompensation()).isEqualTo(new BigInteger("30213333333333333"));
    assertThat(s.collSurplus()).isEqualTo(new BigInteger("957333333333333334"));
    assertThat(e.surplus(CAROL).wei()).isEqualTo(new BigInteger("957333333333333334"));
    assertThat(e.claimSurplus(CAROL).coll().wei()).isEqualTo(new BigInteger("957333333333333334"));
    assertThat(book.balanceOf(CAROL, Token.ETH)).isEqualTo(Amount.of(93).plus(Amount.ofWei(new BigInteger("957333333333333334"))));
    assertThat(e.violatedInvariants()).isEmpty();
  }

  @Test
  void inRecoveryModeATroveAtOrBelow100PercentIsRedistributedEvenWithAPool() {
    e = engine(LiquityParams.v1());
    threeTroves();
    e.provideToPool(BOB, Amount.of(15_000));
    e.setPrice(Price.of(800));                                  // TCR 42,400 / 34,770 = 122 %; Carol 2,400 / 4,220 = 57 %
    assertThat(e.isRecoveryMode()).isTrue();
    LiquidationSplit s = e.liquidate(CAROL, KEEPER).split();
    assertThat(s.mode()).isEqualTo(LiquidationMode.RECOVERY_UNDER_100);
    assertThat(s.debtToOffset()).isZero();
    assertThat(s.debtToRedistribute()).isEqualTo(Amount.of(4_220).wei());
    assertThat(s.collToRedistribute()).isEqualTo(Amount.of("2.985").wei());
    assertThat(e.totalDeposits()).isEqualTo(Amount.of(15_000));
    assertThat(e.violatedInvariants()).isEmpty();
  }

  @Test
  void v2PresetCapsThePoolsCollateralAtFivePercentAndLeavesTheSurplusToTheOwner() {
    e = engine(LiquityParams.v2Weth());
    threeTroves();
    assertThat(e.trove(CAROL).orElseThrow().debt()).isEqualTo(Amount.of(4_000));     // no fee, no reserve
    assertThat(book.balanceOf(e.gasPool(), Token.ETH)).isEqualTo(Amount.of("0.1125")); // 3 · 0.0375
    e.provideToPool(ALICE, Amount.of(10_000));
    e.setPrice(Price.of(1450));                                                       // Carol at 108.75 %
    LiquidationSplit s = e.liquidate(CAROL, KEEPER).split();
    assertThat(s.debtToOffset()).isEqualTo(Amount.of(4_000).wei());
    assertThat(s.collToPool()).isEqualTo(new BigInteger("2896551724137931034"));     // 4,000 · 1.05 / 1,450
    assertThat(s.collSurplus()).isEqualTo(new BigInteger("88448275862068966"));
    assertThat(s.ethGasCompensation()).isEqualTo(Amount.of("0.0375").wei());
    assertThat(book.balanceOf(KEEPER, Token.ETH)).isEqualTo(Amount.of("0.0525"));    // 0.015 + 0.0375
    assertThat(e.violatedInvariants()).isEmpty();
  }

  @Test
  void v2PresetSplitsBetweenAShallowPoolAndRedistributionWithTenPercentThere() {
    e = engine(LiquityParams.v2Weth());
    threeTroves();
    e.provideToPool(ALICE, Amount.of(2_001));                 // 1 BOLD always stays: 2,000 usable
    e.setPrice(Price.of(1450));
    LiquidationSplit s = e.liquidate(CAROL, KEEPER).split();
    assertThat(s.debtToOffset()).isEqualTo(Amount.of(2_000).wei());
    assertThat(s.collToPool()).isEqualTo(new BigInteger("1448275862068965517"));      // 2,000 · 1.05 / 1,450
    assertThat(s.debtToRedistribute()).isEqualTo(Amount.of(2_000).wei());
    assertThat(s.collToRedistribute()).isEqualTo(new BigInteger("1517241379310344827")); // 2,000 · 1.10 / 1,450
    // Gas compensation only from the offset half: 0.5 % of 1.5 ETH = 0.0075. The surplus: the pool's
    // 1.4925 − 1.448275862068965517 joins the other 1.5 ETH, of which 1.517241379310344827 is redistributed.
    assertThat(s.collGasCompensation()).isEqualTo(Amount.of("0.0075").wei());
    assertThat(s.collSurplus()).isEqualTo(new BigInteger("26982758620689656"));
    assertThat(e.totalDeposits()).isEqualTo(Amount.of(1));
    assertThat(e.isRecoveryMode()).isFalse();                 // v2 has none
    assertThat(e.violatedInvariants()).isEmpty();
  }

  @Test
  void poolGainsAreSharedProRataAndAnEmptiedPoolStartsANewEpoch() {
    e = engine(LiquityParams.v1());
    threeTroves();
    e.provideToPool(ALICE, Amount.of(6_000));
    e.provideToPool(BOB, Amount.of(4_000));
    e.setPrice(Price.of(1500));
    e.liquidate(CAROL, KEEPER);                                 // offsets 4,220 of 10,000
    assertThat(e.depositorEthGain(ALICE)).isEqualTo(Amount.of("1.791"));   // 60 % of 2.985
    assertThat(e.depositorEthGain(BOB)).isEqualTo(Amount.of("1.194"));    // 40 %
    // A trove whose debt exceeds what is left empties the pool: every deposit drops to zero.
    e.setPrice(Price.of(2000));
    e.openTrove(CAROL, Amount.of(4), Amount.of(6_000));        // debt 6,230
    e.setPrice(Price.of(1700));                                 // 6,800 / 6,230 = 109.1 %
    LiquidationSplit s = e.liquidate(CAROL, KEEPER).split();
    assertThat(s.debtToOffset()).isEqualTo(Amount.of(5_780).wei());      // the whole pool
    assertThat(s.debtToRedistribute()).isEqualTo(Amount.of(450).wei());
    assertThat(e.totalDeposits()).isEqualTo(Amount.ZERO);
    assertThat(e.deposit(ALICE)).isEqualTo(Amount.ZERO);
    assertThat(e.deposit(BOB)).isEqualTo(Amount.ZERO);
    assertThat(e.depositorEthGain(ALICE).plus(e.depositorEthGain(BOB)))
        .isLessThanOrEqualTo(book.balanceOf(e.stabilityPool(), Token.ETH));
    assertThat(e.violatedInvariants()).isEmpty();
    e.withdrawFromPool(ALICE, Amount.of(1));                    // takes the gains; nothing left to withdraw
    assertThat(e.deposit(ALICE)).isEqualTo(Amount.ZERO);
    assertThat(e.violatedInvariants()).isEmpty();
  }

  @Test
  void aTroveBetweenTheMcrAndTheTcrIsLiquidatedInV1RecoveryModeButNotInV2WhichHasNone() {
    for (LiquityParams params : List.of(LiquityParams.v1(), LiquityParams.v2Weth())) {
      book = new TokenBook();
      events.clear();
      e = engine(params);
      e.openTrove(ALICE, Amount.of(10), Amount.of(12_000));
      e.openTrove(BOB, Amount.of(10), Amount.of(10_000));
      e.openTrove(CAROL, Amount.of(10), Amount.of(16_000));
      e.provideToPool(ALICE, Amount.of(12_000));
      e.provideToPool(BOB, Amount.of(5_000));
      e.setPrice(Price.of(1800));                      // v1: TCR 54,000 / 38,790 = 139 %, Carol 110.6 %
      assertThat(e.tcr()).isLessThan(pct("150"));
      assertThat(e.trove(CAROL).orElseThrow().icr()).isBetween(pct("110"), e.tcr());
      if (params.recoveryMode()) {
        assertThat(e.isRecoveryMode()).isTrue();
        assertThat(e.liquidate(CAROL, KEEPER).split().mode()).isEqualTo(LiquidationMode.RECOVERY_CAPPED);
      } else {
        assertThat(e.isRecoveryMode()).isFalse();
        assertThatUnchanged(() -> e.liquidate(CAROL, KEEPER))
            .hasMessageStartingWith("owner: trove carol cannot be liquidated: ICR 112.5% is at or above the MCR");
      }
      assertThat(e.violatedInvariants()).isEmpty();
    }
  }

  @Test
  void badInputIsRefusedAndChangesNothing() {
    e = engine(LiquityParams.v1());
    threeTroves();
    assertThatUnchanged(() -> e.liquidate(KEEPER, BOB)).hasMessage("owner: has no active trove (keeper)");
    assertThatUnchanged(() -> e.liquidate(ALICE, KEEPER))
        .hasMessage("owner: trove alice cannot be liquidated: ICR 195.1219512195121951% is at or above the MCR of 110%");
    assertThatUnchanged(() -> e.setPrice(Price.ZERO)).hasMessage("price: must be positive (was 0)");
    assertThatUnchanged(() -> e.borrow(ALICE, Amount.ZERO)).hasMessage("amount: must be positive (was 0)");
    assertThatUnchanged(() -> e.openTrove(ALICE, Amount.of(1), Amount.of(2000))).hasMessage("owner: already has an active trove (alice)");
    assertThatUnchanged(() -> e.openTrove(KEEPER, Amount.of(1), Amount.of(1000)))
        .hasMessage("debt: net debt 1005 is below the minimum 1800");
    assertThatUnchanged(() -> e.borrow(CAROL, Amount.of(2000)))
        .hasMessageStartingWith("amount: would leave the trove's ICR at 96.");
    assertThatUnchanged(() -> e.repay(ALICE, Amount.of(9_000))).hasMessageStartingWith("amount: exceeds the repayable debt 8250");
    assertThatUnchanged(() -> e.withdrawFromPool(ALICE, Amount.of(1))).hasMessage("depositor: has no deposit in the Stability Pool (alice)");
    assertThatUnchanged(() -> e.provideToPool(KEEPER, Amount.of(1)))
        .hasMessageStartingWith("amount: exceeds the balance of keeper");
    assertThatUnchanged(() -> e.closeTrove(ALICE)).hasMessageStartingWith("amount: exceeds the balance of alice");
    assertThatThrownBy(() -> e.liquidate(BOB, KEEPER)).isInstanceOfSatisfying(LiquityRuleViolation.class,
        v -> assertThat(v.reason()).isInstanceOf(LiquityError.NotLiquidatable.class));
  }

  @Test
  void theLastTroveCanBeNeitherClosedNorLiquidated() {
    e = engine(LiquityParams.v1());
    e.openTrove(ALICE, Amount.of(10), Amount.of(10_000));
    e.setPrice(Price.of(1000));
    assertThatUnchanged(() -> e.liquidate(ALICE, KEEPER))
        .hasMessage("owner: is the only trove in the system, which cannot be closed or liquidated");
  }

  @Test
  void closingATroveBurnsItsDebtAndReturnsTheCollateralAndReserve() {
    e = engine(LiquityParams.v1());
    threeTroves();
    book.transfer(LUSD, BOB, ALICE, Amount.of(50));            // Alice needs the fee she paid
    LiquityEvent.TroveClosed c = e.closeTrove(ALICE);
    assertThat(c.debtRepaid()).isEqualTo(Amount.of(10_050));
    assertThat(c.collReturned()).isEqualTo(Amount.of(10));
    assertThat(book.balanceOf(ALICE, LUSD)).isEqualTo(Amount.ZERO);
    assertThat(book.balanceOf(e.gasPool(), LUSD)).isEqualTo(Amount.of(400));
    assertThat(e.violatedInvariants()).isEmpty();
  }

  private org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertThatUnchanged(Executable op) {
    return Refusals.assertRefusedUnchanged(noliq.math.RuleViolation.class, () -> List.of(e.snapshot(), events.size()), op);
  }

  /**
   * bold since April 2025 ("Remove coll gas compensation from redistributions"): the 0.5 % collateral
   * compensation comes only out of the part offset against the pool. 10 ETH against 18,000 BOLD at
   * $1,950 (ICR 108.3 %): with nothing in the pool the liquidator gets no collateral compensation
   * and all 10 ETH are redistributed (11 % of 18,000 / 1,950 = 10.15 ETH would be the cap); with
   * 9,000 BOLD usable it gets 0.5 % of the 5 ETH offset, 0.025 ETH.
   */
  @Test
  void v2CollateralGasCompensationComesOnlyFromThePoolOffsetPart() {
    LiquityParams v2 = LiquityParams.v2Weth();
    BigInteger coll = Amount.of(10).wei();
    BigInteger debt = Amount.of(18_000).wei();
    BigInteger price = Amount.of(1_950).wei();
    assertThat(LiquityRules.mode(v2, false, LiquityRules.collateralRatio(coll, debt, price), BigInteger.ZERO, debt,
        BigInteger.ZERO)).isEqualTo(LiquidationMode.NORMAL);
    LiquidationSplit empty = LiquityRules.split(v2, LiquidationMode.NORMAL, coll, debt, price, BigInteger.ZERO);
    assertThat(empty.collGasCompensation()).isZero();
    assertThat(empty.collToRedistribute()).isEqualTo(coll);
    assertThat(empty.collSurplus()).isZero();
    assertThat(empty.debtToRedistribute()).isEqualTo(debt);
    // 9,001 deposited, 1 BOLD always stays: 9,000 usable offsets half the debt.
    BigInteger usable = LiquityRules.usablePool(v2, Amount.of(9_001).wei());
    LiquidationSplit half = LiquityRules.split(v2, LiquidationMode.NORMAL, coll, debt, price, usable);
    assertThat(half.debtToOffset()).isEqualTo(Amount.of(9_000).wei());
    assertThat(half.collGasCompensation()).isEqualTo(Amount.of("0.025").wei());
    assertThat(half.collToPool()).isEqualTo(new BigInteger("4846153846153846153"));   // 9,000 · 1.05 / 1,950
    assertThat(half.collToRedistribute()).isEqualTo(new BigInteger("5076923076923076923")); // 9,000 · 1.10 / 1,950
    assertThat(half.collGasCompensation().add(half.collToPool()).add(half.collToRedistribute()).add(half.collSurplus()))
        .isEqualTo(coll);
    // v1 keeps the old rule: 0.5 % of the whole collateral, whatever the pool.
    LiquidationSplit v1 = LiquityRules.split(LiquityParams.v1(), LiquidationMode.NORMAL, coll, debt, price, BigInteger.ZERO);
    assertThat(v1.collGasCompensation()).isEqualTo(Amount.of("0.05").wei());
  }

  /** Liquidatable means ICR strictly below the MCR: at exactly 110 % a trove is safe, one wei of ratio less it is not. */
  @Test
  void aTroveAtExactlyTheMcrIsNotLiquidatable() {
    for (LiquityParams p : List.of(LiquityParams.v1(), LiquityParams.v2Weth())) {
      BigInteger tcr = LiquityParams.pct("200");
      assertThat(LiquityRules.mode(p, false, p.mcr(), tcr, BigInteger.ONE, BigInteger.ZERO)).isNull();
      assertThat(LiquityRules.mode(p, false, p.mcr().subtract(BigInteger.ONE), tcr, BigInteger.ONE, BigInteger.ZERO))
          .isEqualTo(LiquidationMode.NORMAL);
    }
    // 11 ETH at $1,000 against exactly 10,000: ICR = 110 % exactly.
    assertThat(LiquityRules.collateralRatio(Amount.of(11).wei(), Amount.of(10_000).wei(), Amount.of(1_000).wei()))
        .isEqualTo(LiquityParams.pct("110"));
  }

  /**
   * v1 Recovery Mode: at or below 100 % everything is redistributed; just above 100 % (and below the
   * MCR) the normal offset applies; between the MCR and the TCR a capped offset when the pool covers it.
   */
  @Test
  void recoveryModeBoundariesAtOneHundredPercentAndAtTheMcr() {
    LiquityParams v1 = LiquityParams.v1();
    BigInteger one = LiquityParams.ONE;
    BigInteger tcr = LiquityParams.pct("130");
    BigInteger debt = Amount.of(10_000).wei();
    BigInteger pool = Amount.of(50_000).wei();
    assertThat(LiquityRules.mode(v1, true, one, tcr, debt, pool)).isEqualTo(LiquidationMode.RECOVERY_UNDER_100);
    assertThat(LiquityRules.mode(v1, true, one.add(BigInteger.ONE), tcr, debt, pool)).isEqualTo(LiquidationMode.NORMAL);
    assertThat(LiquityRules.mode(v1, true, v1.mcr().subtract(BigInteger.ONE), tcr, debt, pool))
        .isEqualTo(LiquidationMode.NORMAL);
    assertThat(LiquityRules.mode(v1, true, v1.mcr(), tcr, debt, pool)).isEqualTo(LiquidationMode.RECOVERY_CAPPED);
    assertThat(LiquityRules.mode(v1, true, v1.mcr(), tcr, debt, BigInteger.ZERO)).isNull();
    assertThat(LiquityRules.mode(v1, true, tcr, tcr, debt, pool)).isNull();
  }
}
