package noliq.debt.liquity;

import noliq.math.Rounding;
import noliq.math.Exact;
import static noliq.debt.liquity.LiquityParams.ONE;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;

/**
 * A Liquity system (v1's TroveManager, BorrowerOperations, StabilityPool and pools; v2's
 * liquidation penalties as a preset) over a shared {@link TokenBook}: ETH collateral and the
 * stablecoin ({@link LiquityParams#debtToken()}) move between named accounts, so every unit that
 * leaves a trove arrives somewhere named.
 *
 * <p>Accounts: the active pool (collateral of troves), the default pool (redistributed collateral
 * not yet applied to troves), the Stability Pool (deposits and their collateral gains), the gas
 * pool (gas compensation reserves), the collateral-surplus pool (claims of liquidated owners) and
 * the fee recipient (v1's LQTY stakers).
 *
 * <p>Exact bookkeeping as in the contracts: redistribution through {@code L_ETH}/{@code L_LUSDDebt}
 * per unit staked with error feedback, pool gains through the product-sum scheme ({@code P},
 * {@code S}, epochs and scales) with error feedback, every division floored. The rounding dust of
 * both schemes stays in the default pool and the Stability Pool, which is checked by
 * {@link #violatedInvariants()}.
 *
 * <p>Every operation runs in {@link TokenBook#atomically}; a refused one leaves no trace, in the
 * book or here. Single writer, not thread-safe.
 */
public final class LiquityEngine {
  private static final BigInteger SCALE_FACTOR = BigInteger.TEN.pow(9);
  /**
   * How far (in wei) the compounded deposits may read above the pool: v1's loss error feedback
   * subtracts the previous offset's over-charge, which can exceed the next one's by up to
   * {@code total / 10^18} wei; 10^9 wei covers pools up to a billion tokens.
   */
  private static final BigInteger FEEDBACK_TOLERANCE = SCALE_FACTOR;

  private final TokenBook book;
  private final LiquityParams p;
  private final Token debtToken;
  private final AccountId activePool;
  private final AccountId defaultPool;
  private final AccountId stabilityPool;
  private final AccountId gasPool;
  private final AccountId surplusPool;
  private final AccountId feeRecipient;

  private Scalars s = new Scalars();
  private final Map<AccountId, Trove> troves = new HashMap<>();
  private final Map<AccountId, Deposit> deposits = new HashMap<>();
  private final Map<EpochScale, BigInteger> sums = new HashMap<>();
  private final Map<AccountId, BigInteger> surplus = new HashMap<>();
  /** v2 troves' annual interest rates [18 decimals]. */
  private final Map<AccountId, BigInteger> rates = new HashMap<>();
  private Consumer<LiquityEvent> listener = e -> { };

  /** An engine named {@code name}, whose pool accounts are {@code name:active-pool} and so on. */
  public LiquityEngine(TokenBook book, LiquityParams params, String name) {
    this.book = Objects.requireNonNull(book, "book");
    this.p = Objects.requireNonNull(params, "params");
    this.debtToken = params.debtToken();
    this.activePool = AccountId.of(name + ":active-pool");
    this.defaultPool = AccountId.of(name + ":default-pool");
    this.stabilityPool = AccountId.of(name + ":stability-pool");
    this.gasPool = AccountId.of(name + ":gas-pool");
    this.surplusPool = AccountId.of(name + ":coll-surplus-pool");
    this.feeRecipient = AccountId.of(name + ":fee-recipient");
  }

  public LiquityEngine(TokenBook book, LiquityParams params) {
    this(book, params, "liquity");
  }

  public void onEvent(Consumer<LiquityEvent> listener) {
    this.listener = listener == null ? e -> { } : listener;
  }

  public LiquityParams params() {
    return p;
  }

  // ------------------------------------------------------------------ price

  public LiquityEvent.PriceUpdated setPrice(Price price) {
    return run(() -> {
      if (price == null || !price.isPositive()) {
        throw refuse(new LiquityError.NonPositive("price", price));
      }
      s.price = price.units();
      return new LiquityEvent.PriceUpdated(price);
    });
  }

  // ------------------------------------------------------------------ troves

  /** Opens a trove: locks {@code coll} ETH and borrows {@code amount} of the stablecoin. */
  public LiquityEvent.TroveOpened openTrove(AccountId owner, Amount coll, Amount amount) {
    return run(() -> {
      requirePrice();
      requirePositive("coll", coll);
      requirePositive("amount", amount);
      if (troves.containsKey(owner)) {
        throw refuse(new LiquityError.TroveExists(owner.name()));
      }
      boolean recovery = isRecoveryMode();
      BigInteger fee = recovery ? BigInteger.ZERO : fee(amount.wei());
      BigInteger netDebt = amount.wei().add(fee);
      if (netDebt.compareTo(p.minNetDebt().wei()) < 0) {
        throw refuse(new LiquityError.BelowMinNetDebt(netDebt, p.minNetDebt().wei()));
      }
      BigInteger debt = netDebt.add(p.debtGasCompensation().wei());
      BigInteger icr = LiquityRules.collateralRatio(coll.wei(), debt, s.price);
      if (recovery) {
        requireAtLeast("coll", icr, p.ccr(), "CCR");
      } else {
        requireAtLeast("coll", icr, p.mcr(), "MCR");
        requireTcrAfter(coll.wei(), debt);
      }
      book.transfer(Token.ETH, owner, activePool, coll);
      if (p.ethGasCompensation().isPositive()) {
        book.transfer(Token.ETH, owner, gasPool, p.ethGasCompensation());
      }
      book.mint(debtToken, owner, amount);
      if (fee.signum() > 0) {
        book.mint(debtToken, feeRecipient, new Amount(fee));
      }
      if (p.debtGasCompensation().isPositive()) {
        book.mint(debtToken, gasPool, p.debtGasCompensation());
      }
      BigInteger stake = newStake(coll.wei());
      s.totalStakes = s.totalStakes.add(stake);
      s.activeDebt = s.activeDebt.add(debt);
      put(troves, owner, new Trove(coll.wei(), debt, stake, s.lEth, s.lDebt));
      return new LiquityEvent.TroveOpened(owner, coll, amount, new Amount(fee), new Amount(debt), new Amount(stake));
    });
  }

  public LiquityEvent.TroveAdjusted addCollateral(AccountId owner, Amount amount) {
    return run(() -> {
      requirePositive("amount", amount);
      Trove t = applyPendingRewards(owner);
      book.transfer(Token.ETH, owner, activePool, amount);
      Trove n = restake(owner, t, t.coll.add(amount.wei()), t.debt);
      return adjusted(owner, LiquityEvent.Adjustment.ADD_COLLATERAL, amount, BigInteger.ZERO, n);
    });
  }

  public LiquityEvent.TroveAdjusted withdrawCollateral(AccountId owner, Amount amount) {
    return run(() -> {
      requirePrice();
      requirePositive("amount", amount);
      Trove t = applyPendingRewards(owner);
      if (amount.wei().compareTo(t.coll) > 0) {
        throw refuse(new LiquityError.WithdrawsTooMuch(amount.wei(), t.coll));
      }
      if (isRecoveryMode()) {
        throw refuse(new LiquityError.ForbiddenInRecoveryMode("amount", "withdrawing collateral"));
      }
      BigInteger coll = t.coll.subtract(amount.wei());
      requireAtLeast("amount", LiquityRules.collateralRatio(coll, t.debt, s.price), p.mcr(), "MCR");
      requireTcrAfter(amount.wei().negate(), BigInteger.ZERO);
      book.transfer(Token.ETH, activePool, owner, amount);
      Trove n = restake(owner, t, coll, t.debt);
      return adjusted(owner, LiquityEvent.Adjustment.WITHDRAW_COLLATERAL, amount, BigInteger.ZERO, n);
    });
  }

  /** Draws {@code amount} more of the stablecoin (plus the borrowing fee, outside Recovery Mode). */
  public LiquityEvent.TroveAdjusted borrow(AccountId owner, Amount amount) {
    return run(() -> {
      requirePrice();
      requirePositive("amount", amount);
      Trove t = applyPendingRewards(owner);
      boolean recovery = isRecoveryMode();
      BigInteger fee = recovery ? BigInteger.ZERO : fee(amount.wei());
      BigInteger added = amount.wei().add(fee);
      BigInteger debt = t.debt.add(added);
      BigInteger oldIcr = LiquityRules.collateralRatio(t.coll, t.debt, s.price);
      BigInteger newIcr = LiquityRules.collateralRatio(t.coll, debt, s.price);
      if (recovery) {
        requireAtLeast("amount", newIcr, p.ccr(), "CCR");
        if (newIcr.compareTo(oldIcr) < 0) {
          throw refuse(new LiquityError.IcrMustNotDecrease(oldIcr, newIcr));
        }
      } else {
        requireAtLeast("amount", newIcr, p.mcr(), "MCR");
        requireTcrAfter(BigInteger.ZERO, added);
      }
      book.mint(debtToken, owner, amount);
      if (fee.signum() > 0) {
        book.mint(debtToken, feeRecipient, new Amount(fee));
      }
      s.activeDebt = s.activeDebt.add(added);
      Trove n = restake(owner, t, t.coll, debt);
      return adjusted(owner, LiquityEvent.Adjustment.BORROW, amount, fee, n);
    });
  }

  /** Repays {@code amount}; the gas compensation and the minimum net debt must remain. */
  public LiquityEvent.TroveAdjusted repay(AccountId owner, Amount amount) {
    return run(() -> {
      requirePositive("amount", amount);
      Trove t = applyPendingRewards(owner);
      BigInteger max = t.debt.subtract(p.debtGasCompensation().wei()).subtract(p.minNetDebt().wei()).max(BigInteger.ZERO);
      if (amount.wei().compareTo(max) > 0) {
        throw refuse(new LiquityError.RepaysTooMuch(amount.wei(), max));
      }
      book.burn(debtToken, owner, amount);
      s.activeDebt = s.activeDebt.subtract(amount.wei());
      Trove n = restake(owner, t, t.coll, t.debt.subtract(amount.wei()));
      return adjusted(owner, LiquityEvent.Adjustment.REPAY, amount, BigInteger.ZERO, n);
    });
  }

  /** Liquity v2's {@code ONE_YEAR}: 365 days [s]. */
  public static final long ONE_YEAR = 365L * 24 * 3600;
  /** v2's {@code MIN_ANNUAL_INTEREST_RATE}: 0.5 % a year. */
  public static final BigInteger MIN_ANNUAL_INTEREST_RATE = LiquityParams.pct("0.5");
  /** v2's {@code MAX_ANNUAL_INTEREST_RATE}: 250 % a year. */
  public static final BigInteger MAX_ANNUAL_INTEREST_RATE = LiquityParams.pct("250");
  /**
   * {@code ONE_YEAR * 1e18}: the contract divides by one then the other, both truncating, and for a
   * non-negative numerator that is the one truncated division by their product.
   */
  private static final BigInteger YEAR_TIMES_ONE = BigInteger.valueOf(ONE_YEAR).multiply(ONE);

  /**
   * Liquity v2: the owner chooses its trove's annual interest rate, within
   * [{@link #MIN_ANNUAL_INTEREST_RATE}, {@link #MAX_ANNUAL_INTEREST_RATE}]. A trove without one
   * accrues nothing (v1's troves).
   */
  public LiquityEvent.InterestRateSet setInterestRate(AccountId owner, BigInteger annualRate) {
    return run(() -> {
      requireTrove(owner);
      if (annualRate == null || annualRate.compareTo(MIN_ANNUAL_INTEREST_RATE) < 0
          || annualRate.compareTo(MAX_ANNUAL_INTEREST_RATE) > 0) {
        throw refuse(new LiquityError.InterestRateOutOfRange(annualRate == null ? BigInteger.ZERO : annualRate,
            MIN_ANNUAL_INTEREST_RATE, MAX_ANNUAL_INTEREST_RATE));
      }
      put(rates, owner, annualRate);
      return new LiquityEvent.InterestRateSet(owner, annualRate);
    });
  }

  /** The trove's annual interest rate (0 when none was set). */
  public BigInteger interestRate(AccountId owner) {
    return rates.getOrDefault(owner, BigInteger.ZERO);
  }

  /**
   * {@code seconds} of v2 interest on the trove, applied as a touch of the trove does: simple
   * interest on the recorded debt, {@code debt · rate · seconds / ONE_YEAR / 1e18} truncated
   * (TroveManager's {@code _calcInterest} on the weighted recorded debt), then the pending
   * redistribution is applied and the interest added to the recorded debt, so it compounds from
   * one touch to the next. The interest is minted as the stablecoin to the fee recipient (v2 sends
   * 75 % to the Stability Pool as yield and the rest to protocol-owned liquidity; this engine's
   * pool has no stablecoin-yield scheme, which is stated), so supply still equals system debt.
   */
  public LiquityEvent.TroveAdjusted accrueInterest(AccountId owner, long seconds) {
    return run(() -> {
      if (seconds < 0) {
        throw refuse(new LiquityError.NonPositive("seconds", seconds));
      }
      Trove recorded = requireTrove(owner);
      BigInteger rate = rates.getOrDefault(owner, BigInteger.ZERO);
      BigInteger interest = Exact.mulDiv(recorded.debt, rate.multiply(BigInteger.valueOf(seconds)), YEAR_TIMES_ONE,
          Rounding.DOWN);
      Trove t = applyPendingRewards(owner);
      if (interest.signum() > 0) {
        book.mint(debtToken, feeRecipient, new Amount(interest));
        s.activeDebt = s.activeDebt.add(interest);
        t = new Trove(t.coll, t.debt.add(interest), t.stake, t.snapEth, t.snapDebt);
        put(troves, owner, t);
      }
      return adjusted(owner, LiquityEvent.Adjustment.INTEREST, new Amount(interest), BigInteger.ZERO, t);
    });
  }

  /** Repays the whole debt but the gas compensation (which the gas pool returns) and takes the collateral back. */
  public LiquityEvent.TroveClosed closeTrove(AccountId owner) {
    return run(() -> {
      requirePrice();
      requireTrove(owner);
      if (troves.size() <= 1) {
        throw refuse(new LiquityError.OnlyOneTrove());
      }
      if (isRecoveryMode()) {
        throw refuse(new LiquityError.ForbiddenInRecoveryMode("owner", "closing a trove"));
      }
      Trove t = applyPendingRewards(owner);
      requireTcrAfter(t.coll.negate(), t.debt.negate());
      BigInteger gas = p.debtGasCompensation().wei();
      BigInteger repaid = t.debt.subtract(gas);
      if (repaid.signum() > 0) {
        book.burn(debtToken, owner, new Amount(repaid));
      }
      if (gas.signum() > 0) {
        book.burn(debtToken, gasPool, new Amount(gas));
      }
      book.transfer(Token.ETH, activePool, owner, new Amount(t.coll));
      if (p.ethGasCompensation().isPositive()) {
        book.transfer(Token.ETH, gasPool, owner, p.ethGasCompensation());
      }
      s.activeDebt = s.activeDebt.subtract(t.debt);
      s.totalStakes = s.totalStakes.subtract(t.stake);
      put(troves, owner, null);
      put(rates, owner, null);
      return new LiquityEvent.TroveClosed(owner, new Amount(t.coll), new Amount(repaid));
    });
  }

  /** Claims the collateral surplus a liquidation left for {@code owner}. */
  public LiquityEvent.SurplusClaimed claimSurplus(AccountId owner) {
    return run(() -> {
      BigInteger amount = surplus.get(owner);
      if (amount == null) {
        throw refuse(new LiquityError.NothingToClaim(owner.name()));
      }
      book.transfer(Token.ETH, surplusPool, owner, new Amount(amount));
      put(surplus, owner, null);
      return new LiquityEvent.SurplusClaimed(owner, new Amount(amount));
    });
  }

  // ------------------------------------------------------------------ liquidation

  /**
   * Liquidates {@code owner}'s trove if its ICR is below the MCR (or, in Recovery Mode, below the
   * TCR with enough in the pool). The debt is offset against the Stability Pool as far as it goes
   * and the rest, with its collateral, is redistributed to the other troves by stake;
   * {@code liquidator} gets the gas compensation.
   */
  public LiquityEvent.TroveLiquidated liquidate(AccountId owner, AccountId liquidator) {
    return run(() -> {
      requirePrice();
      Trove t = requireTrove(owner);
      if (troves.size() <= 1) {
        throw refuse(new LiquityError.OnlyOneTrove());
      }
      BigInteger coll = t.coll.add(pending(t.stake, s.lEth, t.snapEth));
      BigInteger debt = t.debt.add(pending(t.stake, s.lDebt, t.snapDebt));
      BigInteger icr = LiquityRules.collateralRatio(coll, debt, s.price);
      BigInteger tcr = tcr();
      boolean recovery = p.recoveryMode() && tcr.compareTo(p.ccr()) < 0;
      BigInteger pool = LiquityRules.usablePool(p, s.deposits);
      LiquidationMode mode = LiquityRules.mode(p, recovery, icr, tcr, debt, pool);
      if (mode == null) {
        throw refuse(new LiquityError.NotLiquidatable(owner.name(), icr, recovery
            ? "is at or above the MCR, and not below the TCR with the debt covered by the pool (Recovery Mode)"
            : "is at or above the MCR of " + noliq.math.Decimals.format(p.mcr().multiply(BigInteger.valueOf(100)), 18) + "%"));
      }
      applyPendingRewards(owner);
      s.totalStakes = s.totalStakes.subtract(t.stake);
      put(troves, owner, null);
      put(rates, owner, null);
      LiquidationSplit split = LiquityRules.split(p, mode, coll, debt, s.price, pool);
      if (split.debtToRedistribute().signum() > 0) {
        redistribute(split.debtToRedistribute(), split.collToRedistribute());
      }
      if (split.debtToOffset().signum() > 0) {
        offset(split.debtToOffset(), split.collToPool());
      }
      if (split.collSurplus().signum() > 0) {
        book.transfer(Token.ETH, activePool, surplusPool, new Amount(split.collSurplus()));
        put(surplus, owner, surplus.getOrDefault(owner, BigInteger.ZERO).add(split.collSurplus()));
      }
      if (split.collGasCompensation().signum() > 0) {
        book.transfer(Token.ETH, activePool, liquidator, new Amount(split.collGasCompensation()));
      }
      if (split.debtGasCompensation().signum() > 0) {
        book.transfer(debtToken, gasPool, liquidator, new Amount(split.debtGasCompensation()));
      }
      if (split.ethGasCompensation().signum() > 0) {
        book.transfer(Token.ETH, gasPool, liquidator, new Amount(split.ethGasCompensation()));
      }
      s.stakesSnapshot = s.totalStakes;
      s.collSnapshot = eth(activePool).add(eth(defaultPool));
      return new LiquityEvent.TroveLiquidated(owner, liquidator, split);
    });
  }

  // ------------------------------------------------------------------ Stability Pool

  /** Deposits {@code amount} into the Stability Pool, paying out the depositor's collateral gain so far. */
  public LiquityEvent.PoolDeposited provideToPool(AccountId depositor, Amount amount) {
    return run(() -> {
      requirePositive("amount", amount);
      Deposit d = deposits.get(depositor);
      BigInteger gain = d == null ? BigInteger.ZERO : ethGain(d);
      BigInteger compounded = d == null ? BigInteger.ZERO : compoundedDeposit(d);
      book.transfer(debtToken, depositor, stabilityPool, amount);
      if (gain.signum() > 0) {
        book.transfer(Token.ETH, stabilityPool, depositor, new Amount(gain));
      }
      s.deposits = s.deposits.add(amount.wei());
      BigInteger now = compounded.add(amount.wei());
      put(deposits, depositor, freshDeposit(now));
      return new LiquityEvent.PoolDeposited(depositor, amount, new Amount(gain), new Amount(now));
    });
  }

  /**
   * Withdraws up to {@code amount} (at most the compounded deposit) and the collateral gain.
   * Refused while any trove is below the MCR, as in v1.
   */
  public LiquityEvent.PoolWithdrawn withdrawFromPool(AccountId depositor, Amount amount) {
    return run(() -> {
      requirePositive("amount", amount);
      Deposit d = deposits.get(depositor);
      if (d == null) {
        throw refuse(new LiquityError.NoDeposit(depositor.name()));
      }
      if (s.price.signum() > 0 && lowestIcr().compareTo(p.mcr()) < 0) {
        throw refuse(new LiquityError.UndercollateralizedTroves());
      }
      BigInteger gain = ethGain(d);
      BigInteger compounded = compoundedDeposit(d);
      // v1's loss error feedback can let the compounded deposits read a few wei above the pool
      // (at most total/10^18); the pool pays out no more than it holds.
      BigInteger out = compounded.min(amount.wei()).min(s.deposits);
      BigInteger floor = p.minInPool().wei();
      if (out.signum() > 0 && s.deposits.subtract(out).compareTo(floor) < 0) {
        throw refuse(new LiquityError.LeavesPoolBelowMinimum(floor));
      }
      if (out.signum() > 0) {
        book.transfer(debtToken, stabilityPool, depositor, new Amount(out));
      }
      if (gain.signum() > 0) {
        book.transfer(Token.ETH, stabilityPool, depositor, new Amount(gain));
      }
      s.deposits = s.deposits.subtract(out);
      BigInteger left = compounded.subtract(out);
      put(deposits, depositor, left.signum() == 0 ? null : freshDeposit(left));
      return new LiquityEvent.PoolWithdrawn(depositor, new Amount(out), new Amount(gain), new Amount(left));
    });
  }

  // ------------------------------------------------------------------ views

  /** A trove with its pending redistribution rewards and its ICR at the current price. */
  public record TroveView(Amount coll, Amount debt, Amount stake, Amount pendingColl, Amount pendingDebt,
      Amount entireColl, Amount entireDebt, BigInteger icr) {}

  public Optional<TroveView> trove(AccountId owner) {
    Trove t = troves.get(owner);
    if (t == null) {
      return Optional.empty();
    }
    BigInteger pc = pending(t.stake, s.lEth, t.snapEth);
    BigInteger pd = pending(t.stake, s.lDebt, t.snapDebt);
    BigInteger icr = s.price.signum() == 0 ? BigInteger.ZERO
        : LiquityRules.collateralRatio(t.coll.add(pc), t.debt.add(pd), s.price);
    return Optional.of(new TroveView(new Amount(t.coll), new Amount(t.debt), new Amount(t.stake), new Amount(pc),
        new Amount(pd), new Amount(t.coll.add(pc)), new Amount(t.debt.add(pd)), icr));
  }

  /** Owners of active troves, in name order. */
  public List<AccountId> troveOwners() {
    List<AccountId> owners = new ArrayList<>(troves.keySet());
    Collections.sort(owners);
    return owners;
  }

  /** Owners whose ICR is below the MCR at the current price, lowest ICR first (a keeper's list). */
  public List<AccountId> belowMcr() {
    List<AccountId> out = new ArrayList<>();
    for (AccountId o : troveOwners()) {
      if (trove(o).orElseThrow().icr().compareTo(p.mcr()) < 0) {
        out.add(o);
      }
    }
    out.sort((a, b) -> trove(a).orElseThrow().icr().compareTo(trove(b).orElseThrow().icr()));
    return out;
  }

  /** The total collateral ratio: all collateral (active and default pools) over all debt. */
  public BigInteger tcr() {
    return LiquityRules.collateralRatio(systemColl(), systemDebtWei(), s.price);
  }

  public boolean isRecoveryMode() {
    return p.recoveryMode() && s.price.signum() > 0 && tcr().compareTo(p.ccr()) < 0;
  }

  public Price price() {
    return new Price(s.price);
  }

  /** All debt: recorded on troves plus redistributed and not yet applied. */
  public Amount systemDebt() {
    return new Amount(systemDebtWei());
  }

  public Amount totalDeposits() {
    return new Amount(s.deposits);
  }

  public Amount deposit(AccountId depositor) {
    Deposit d = deposits.get(depositor);
    return d == null ? Amount.ZERO : new Amount(compoundedDeposit(d));
  }

  public Amount depositorEthGain(AccountId depositor) {
    Deposit d = deposits.get(depositor);
    return d == null ? Amount.ZERO : new Amount(ethGain(d));
  }

  public Amount surplus(AccountId owner) {
    return new Amount(surplus.getOrDefault(owner, BigInteger.ZERO));
  }

  public AccountId activePool() {
    return activePool;
  }

  public AccountId defaultPool() {
    return defaultPool;
  }

  public AccountId stabilityPool() {
    return stabilityPool;
  }

  public AccountId gasPool() {
    return gasPool;
  }

  public AccountId surplusPool() {
    return surplusPool;
  }

  public AccountId feeRecipient() {
    return feeRecipient;
  }

  /** The engine's own state, immutable; with the book's snapshot it is the whole state. */
  public record Snapshot(TokenBook.Snapshot book, List<Object> scalars, Map<AccountId, Trove> troves,
      Map<AccountId, Deposit> deposits, Map<EpochScale, BigInteger> sums, Map<AccountId, BigInteger> surplus) {}

  public Snapshot snapshot() {
    return new Snapshot(book.snapshot(), s.asList(), Collections.unmodifiableMap(new TreeMap<>(troves)),
        Collections.unmodifiableMap(new TreeMap<>(deposits)), Collections.unmodifiableMap(new TreeMap<>(sums)),
        Collections.unmodifiableMap(new TreeMap<>(surplus)));
  }

  /**
   * Checks the conservation laws; returns the broken ones (empty when all hold): the stablecoin's
   * supply equals the system debt; the active pool holds exactly the troves' recorded collateral
   * and the troves' recorded debts sum to the active debt; the default pool covers every pending
   * reward; the Stability Pool holds its deposits and covers every gain and (to within
   * {@code 10^9} wei of error feedback) every compounded deposit;
   * the gas pool holds each trove's reserve; the surplus pool holds every claim; stakes add up.
   */
  public List<String> violatedInvariants() {
    List<String> broken = new ArrayList<>();
    BigInteger coll = BigInteger.ZERO;
    BigInteger debt = BigInteger.ZERO;
    BigInteger stakes = BigInteger.ZERO;
    BigInteger pendingColl = BigInteger.ZERO;
    BigInteger pendingDebt = BigInteger.ZERO;
    for (Trove t : troves.values()) {
      coll = coll.add(t.coll);
      debt = debt.add(t.debt);
      stakes = stakes.add(t.stake);
      pendingColl = pendingColl.add(pending(t.stake, s.lEth, t.snapEth));
      pendingDebt = pendingDebt.add(pending(t.stake, s.lDebt, t.snapDebt));
    }
    check(broken, book.totalSupply(debtToken).wei().equals(systemDebtWei()), "supply of " + debtToken + " "
        + book.totalSupply(debtToken) + " != system debt " + systemDebtWei());
    check(broken, eth(activePool).equals(coll), "active pool ETH " + eth(activePool) + " != troves' coll " + coll);
    check(broken, s.activeDebt.equals(debt), "active debt " + s.activeDebt + " != troves' debt " + debt);
    check(broken, s.totalStakes.equals(stakes), "totalStakes " + s.totalStakes + " != sum of stakes " + stakes);
    check(broken, eth(defaultPool).compareTo(pendingColl) >= 0, "default pool ETH " + eth(defaultPool)
        + " < pending coll " + pendingColl);
    check(broken, s.defaultDebt.compareTo(pendingDebt) >= 0, "default debt " + s.defaultDebt + " < pending debt " + pendingDebt);
    BigInteger compounded = BigInteger.ZERO;
    BigInteger gains = BigInteger.ZERO;
    for (Deposit d : deposits.values()) {
      compounded = compounded.add(compoundedDeposit(d));
      gains = gains.add(ethGain(d));
    }
    BigInteger spDebt = book.balanceOf(stabilityPool, debtToken).wei();
    check(broken, spDebt.equals(s.deposits), "pool holds " + spDebt + " != total deposits " + s.deposits);
    check(broken, compounded.compareTo(s.deposits.add(FEEDBACK_TOLERANCE)) <= 0,
        "compounded deposits " + compounded + " > pool " + s.deposits + " + tolerance");
    check(broken, gains.compareTo(eth(stabilityPool)) <= 0, "depositors' gains " + gains + " > pool ETH " + eth(stabilityPool));
    BigInteger n = BigInteger.valueOf(troves.size());
    check(broken, book.balanceOf(gasPool, debtToken).wei().equals(p.debtGasCompensation().wei().multiply(n)),
        "gas pool " + debtToken + " != reserve · troves");
    check(broken, eth(gasPool).equals(p.ethGasCompensation().wei().multiply(n)), "gas pool ETH != deposit · troves");
    BigInteger claims = surplus.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
    check(broken, eth(surplusPool).equals(claims), "surplus pool ETH " + eth(surplusPool) + " != claims " + claims);
    return broken;
  }

  // ------------------------------------------------------------------ internals: rewards

  private static BigInteger pending(BigInteger stake, BigInteger l, BigInteger snap) {
    return Exact.mulDiv(stake, l.subtract(snap), ONE, Rounding.DOWN);
  }

  /** Moves the trove's share of redistributions from the default pool into it (TroveManager.applyPendingRewards). */
  private Trove applyPendingRewards(AccountId owner) {
    Trove t = requireTrove(owner);
    if (t.snapEth.compareTo(s.lEth) >= 0) {
      return t;
    }
    BigInteger pc = pending(t.stake, s.lEth, t.snapEth);
    BigInteger pd = pending(t.stake, s.lDebt, t.snapDebt);
    if (pc.signum() > 0) {
      book.transfer(Token.ETH, defaultPool, activePool, new Amount(pc));
    }
    s.defaultDebt = s.defaultDebt.subtract(pd);
    s.activeDebt = s.activeDebt.add(pd);
    Trove n = new Trove(t.coll.add(pc), t.debt.add(pd), t.stake, s.lEth, s.lDebt);
    put(troves, owner, n);
    return n;
  }

  private Trove restake(AccountId owner, Trove t, BigInteger coll, BigInteger debt) {
    BigInteger stake = newStake(coll);
    s.totalStakes = s.totalStakes.subtract(t.stake).add(stake);
    Trove n = new Trove(coll, debt, stake, s.lEth, s.lDebt);
    put(troves, owner, n);
    return n;
  }

  /** TroveManager._computeNewStake: stakes are scaled so that redistributed collateral does not earn rewards twice. */
  private BigInteger newStake(BigInteger coll) {
    if (s.collSnapshot.signum() == 0) {
      return coll;
    }
    return Exact.mulDiv(coll, s.stakesSnapshot, s.collSnapshot, Rounding.DOWN);
  }

  private void redistribute(BigInteger debt, BigInteger coll) {
    if (s.totalStakes.signum() == 0) {
      throw refuse(new LiquityError.NoStakes());
    }
    BigInteger ethNum = coll.multiply(ONE).add(s.errEth);
    BigInteger debtNum = debt.multiply(ONE).add(s.errDebt);
    BigInteger ethPer = Exact.div(ethNum, s.totalStakes, Rounding.DOWN);
    BigInteger debtPer = Exact.div(debtNum, s.totalStakes, Rounding.DOWN);
    s.errEth = ethNum.subtract(ethPer.multiply(s.totalStakes));
    s.errDebt = debtNum.subtract(debtPer.multiply(s.totalStakes));
    s.lEth = s.lEth.add(ethPer);
    s.lDebt = s.lDebt.add(debtPer);
    s.activeDebt = s.activeDebt.subtract(debt);
    s.defaultDebt = s.defaultDebt.add(debt);
    if (coll.signum() > 0) {
      book.transfer(Token.ETH, activePool, defaultPool, new Amount(coll));
    }
  }

  // ------------------------------------------------------------------ internals: Stability Pool

  /** StabilityPool.offset: burns {@code debt} of deposits and hands {@code coll} to depositors pro rata. */
  private void offset(BigInteger debt, BigInteger coll) {
    BigInteger total = s.deposits;
    BigInteger ethNum = coll.multiply(ONE).add(s.errOffsetEth);
    BigInteger lossPer;
    if (debt.equals(total)) {
      lossPer = ONE;
      s.errOffsetLoss = BigInteger.ZERO;
    } else {
      // Rounded up (+1) so deposits shrink at least as much as the pool: the pool never owes more than it holds.
      BigInteger lossNum = debt.multiply(ONE).subtract(s.errOffsetLoss);
      lossPer = Exact.div(lossNum, total, Rounding.DOWN).add(BigInteger.ONE);
      s.errOffsetLoss = lossPer.multiply(total).subtract(lossNum);
    }
    BigInteger ethPer = Exact.div(ethNum, total, Rounding.DOWN);
    s.errOffsetEth = ethNum.subtract(ethPer.multiply(total));
    // _updateRewardSumAndProduct
    EpochScale here = new EpochScale(s.epoch, s.scale);
    BigInteger sum = sums.getOrDefault(here, BigInteger.ZERO).add(ethPer.multiply(s.productP));
    put(sums, here, sum);
    BigInteger factor = ONE.subtract(lossPer);
    if (factor.signum() == 0) {
      s.epoch++;
      s.scale = 0;
      s.productP = ONE;
    } else {
      BigInteger next = Exact.mulDiv(s.productP, factor, ONE, Rounding.DOWN);
      if (next.compareTo(SCALE_FACTOR) < 0) {
        s.productP = Exact.mulDiv(Exact.mul(s.productP, factor), SCALE_FACTOR, ONE, Rounding.DOWN);
        s.scale++;
      } else {
        s.productP = next;
      }
    }
    s.activeDebt = s.activeDebt.subtract(debt);
    book.burn(debtToken, stabilityPool, new Amount(debt));
    s.deposits = s.deposits.subtract(debt);
    if (coll.signum() > 0) {
      book.transfer(Token.ETH, activePool, stabilityPool, new Amount(coll));
    }
  }

  private Deposit freshDeposit(BigInteger amount) {
    return new Deposit(amount, s.productP, sums.getOrDefault(new EpochScale(s.epoch, s.scale), BigInteger.ZERO),
        s.epoch, s.scale);
  }

  private BigInteger compoundedDeposit(Deposit d) {
    if (d.epoch < s.epoch) {
      return BigInteger.ZERO;
    }
    long scaleDiff = s.scale - d.scale;
    BigInteger c;
    if (scaleDiff == 0) {
      c = Exact.mulDiv(d.initial, s.productP, d.snapP, Rounding.DOWN);
    } else if (scaleDiff == 1) {
      c = Exact.div(Exact.mulDiv(d.initial, s.productP, d.snapP, Rounding.DOWN), SCALE_FACTOR, Rounding.DOWN);
    } else {
      c = BigInteger.ZERO;
    }
    // Below a billionth of the initial deposit, precision is gone: treat it as depleted.
    return c.compareTo(Exact.div(d.initial, SCALE_FACTOR, Rounding.DOWN)) < 0 ? BigInteger.ZERO : c;
  }

  private BigInteger ethGain(Deposit d) {
    BigInteger first = sums.getOrDefault(new EpochScale(d.epoch, d.scale), BigInteger.ZERO).subtract(d.snapS);
    BigInteger second = Exact.div(sums.getOrDefault(new EpochScale(d.epoch, d.scale + 1), BigInteger.ZERO), SCALE_FACTOR, Rounding.DOWN);
    return Exact.div(Exact.mulDiv(d.initial, first.add(second), d.snapP, Rounding.DOWN), ONE, Rounding.DOWN);
  }

  // ------------------------------------------------------------------ internals: checks

  private BigInteger systemColl() {
    return eth(activePool).add(eth(defaultPool));
  }

  private BigInteger systemDebtWei() {
    return s.activeDebt.add(s.defaultDebt);
  }

  private BigInteger eth(AccountId a) {
    return book.balanceOf(a, Token.ETH).wei();
  }

  private BigInteger fee(BigInteger amount) {
    return Exact.mulDiv(amount, p.borrowingFeeRate(), ONE, Rounding.DOWN);
  }

  private BigInteger lowestIcr() {
    BigInteger low = noliq.math.Exact.MAX;
    for (AccountId o : troves.keySet()) {
      low = low.min(trove(o).orElseThrow().icr());
    }
    return low;
  }

  private void requireTcrAfter(BigInteger collChange, BigInteger debtChange) {
    BigInteger tcr = LiquityRules.collateralRatio(systemColl().add(collChange), systemDebtWei().add(debtChange), s.price);
    if (tcr.compareTo(p.ccr()) < 0) {
      throw refuse(new LiquityError.TcrBelowCcr(collChange.signum() != 0 ? "coll" : "amount", tcr, p.ccr()));
    }
  }

  private void requireAtLeast(String field, BigInteger icr, BigInteger limit, String name) {
    if (icr.compareTo(limit) < 0) {
      throw refuse(new LiquityError.IcrBelow(field, icr, limit, name));
    }
  }

  private void requirePrice() {
    if (s.price.signum() == 0) {
      throw refuse(new LiquityError.NoPrice());
    }
  }

  private Trove requireTrove(AccountId owner) {
    Trove t = owner == null ? null : troves.get(owner);
    if (t == null) {
      throw refuse(new LiquityError.UnknownTrove(String.valueOf(owner)));
    }
    return t;
  }

  private static void requirePositive(String field, Amount a) {
    if (a == null || !a.isPositive()) {
      throw refuse(new LiquityError.NonPositive(field, a));
    }
  }

  private static void check(List<String> broken, boolean ok, String message) {
    if (!ok) {
      broken.add(message);
    }
  }

  private static LiquityRuleViolation refuse(LiquityError reason) {
    return new LiquityRuleViolation(reason);
  }

  private LiquityEvent.TroveAdjusted adjusted(AccountId owner, LiquityEvent.Adjustment kind, Amount amount,
      BigInteger fee, Trove n) {
    return new LiquityEvent.TroveAdjusted(owner, kind, amount, new Amount(fee), new Amount(n.coll), new Amount(n.debt));
  }

  /** Runs one operation all-or-nothing in the book, restoring this engine's fields too if it fails. */
  private <E extends LiquityEvent> E run(Supplier<E> operation) {
    E event = book.atomically(() -> {
      Scalars saved = s.copy();
      book.onRollback(() -> s = saved);
      return operation.get();
    });
    listener.accept(event);
    return event;
  }

  private <K, V> void put(Map<K, V> map, K key, V value) {
    boolean had = map.containsKey(key);
    V old = map.get(key);
    book.onRollback(() -> {
      if (had) {
        map.put(key, old);
      } else {
        map.remove(key);
      }
    });
    if (value == null) {
      map.remove(key);
    } else {
      map.put(key, value);
    }
  }

  // ------------------------------------------------------------------ state records

  /** A trove: recorded collateral and debt, stake, and the L snapshots its pending rewards count from. */
  public record Trove(BigInteger coll, BigInteger debt, BigInteger stake, BigInteger snapEth, BigInteger snapDebt) {}

  /** A Stability Pool deposit as the contract stores it: the initial value and the P, S, epoch, scale it started at. */
  public record Deposit(BigInteger initial, BigInteger snapP, BigInteger snapS, long epoch, long scale) {}

  public record EpochScale(long epoch, long scale) implements Comparable<EpochScale> {
    @Override
    public int compareTo(EpochScale o) {
      return epoch != o.epoch ? Long.compare(epoch, o.epoch) : Long.compare(scale, o.scale);
    }
  }

  /** The engine's scalar state, copied whole at the start of each operation so a failure can restore it. */
  private static final class Scalars {
    BigInteger price = BigInteger.ZERO;
    BigInteger totalStakes = BigInteger.ZERO;
    BigInteger stakesSnapshot = BigInteger.ZERO;
    BigInteger collSnapshot = BigInteger.ZERO;
    BigInteger lEth = BigInteger.ZERO;
    BigInteger lDebt = BigInteger.ZERO;
    BigInteger errEth = BigInteger.ZERO;
    BigInteger errDebt = BigInteger.ZERO;
    BigInteger activeDebt = BigInteger.ZERO;
    BigInteger defaultDebt = BigInteger.ZERO;
    BigInteger deposits = BigInteger.ZERO;
    BigInteger productP = ONE;
    long epoch;
    long scale;
    BigInteger errOffsetEth = BigInteger.ZERO;
    BigInteger errOffsetLoss = BigInteger.ZERO;

    Scalars copy() {
      Scalars c = new Scalars();
      c.price = price;
      c.totalStakes = totalStakes;
      c.stakesSnapshot = stakesSnapshot;
      c.collSnapshot = collSnapshot;
      c.lEth = lEth;
      c.lDebt = lDebt;
      c.errEth = errEth;
      c.errDebt = errDebt;
      c.activeDebt = activeDebt;
      c.defaultDebt = defaultDebt;
      c.deposits = deposits;
      c.productP = productP;
      c.epoch = epoch;
      c.scale = scale;
      c.errOffsetEth = errOffsetEth;
      c.errOffsetLoss = errOffsetLoss;
      return c;
    }

    List<Object> asList() {
      return List.of(price, totalStakes, stakesSnapshot, collSnapshot, lEth, lDebt, errEth, errDebt, activeDebt,
          defaultDebt, deposits, productP, epoch, scale, errOffsetEth, errOffsetLoss);
    }
  }
}
