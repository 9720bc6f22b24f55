package noliq.debt.aave;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import noliq.math.Amount;
import noliq.math.Exact;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;

/**
 * The state of an Aave v3.3 market: its reserves, the oracle's prices, each account's supplies
 * (aToken balances) and debts (variable debt), each reserve's deficit, and the e-mode categories.
 * The rules live in {@link HealthFactor} and {@link LiquidationLogic}; this class checks inputs,
 * asks them, and applies the answer.
 *
 * <p>Underlying tokens live in the shared {@link TokenBook}: each reserve's cash is the balance of
 * its account {@code aave:<asset>} (the aToken contract). Supplying moves tokens from the user to
 * that account, borrowing moves them back out, repaying and liquidating move them in. So for every
 * reserve, at all times: {@code cash + Σ debt + deficit = Σ supplied} (the treasury's fee supply
 * included). Every operation is all-or-nothing ({@link TokenBook#atomically}) and, once accepted,
 * is returned and published as an {@link AaveEvent}.
 *
 * <p>Amounts come in as {@link Amount}s (18 decimals) and are held in each token's own decimals;
 * an amount finer than the token's decimals is refused, except a liquidation's
 * {@code debtToCover}, which is only a cap and is truncated. Prices come in as {@link Price}s and
 * are stored at the oracle's 8 decimals, truncated.
 *
 * <p>Single writer, like the book.
 */
public final class Pool {
  /** Passing this as {@code debtToCover} asks for the largest liquidation allowed (Aave's {@code type(uint256).max}). */
  public static final Amount MAX_DEBT_TO_COVER = Amount.ofWei(Exact.MAX);

  private static final BigInteger PRICE_TO_BASE = BigInteger.TEN.pow(Price.DECIMALS - AaveMath.BASE_DECIMALS);

  private final TokenBook book;
  private final AccountId treasury;
  private final LinkedHashMap<Token, Reserve> reserves = new LinkedHashMap<>();
  /** The reserves in listing order: {@code listed.get(r.index) == r}. */
  private final List<Reserve> listed = new ArrayList<>();
  /** Each account's supplies and debts; an account with none may be absent. */
  private final Map<AccountId, Holdings> holdings = new HashMap<>();
  /** The reserves with a rate curve, in the order they got it: the only ones {@link #updateRates} has work in. */
  private final List<Reserve> ratedReserves = new ArrayList<>();
  private final Map<Integer, EModeCategory> eModeCategories = new HashMap<>();
  private final Map<AccountId, Integer> userEMode = new HashMap<>();
  private final List<Consumer<? super AaveEvent>> listeners = new ArrayList<>();

  /** A pool on {@code book} whose protocol fees go to {@code aave:treasury}. */
  public Pool(TokenBook book) {
    this(book, AccountId.of("aave:treasury"));
  }

  public Pool(TokenBook book, AccountId treasury) {
    this.book = book;
    this.treasury = treasury;
  }

  private static final class Reserve {
    /** The reserve's place in listing order, where each account's {@link Holdings} keep its balances. */
    final int index;
    final ReserveConfig config;
    final AccountId account;
    final BigInteger toWei;
    /** The token has 18 decimals: its units are wei already. */
    final boolean unitsAreWei;
    BigInteger priceBase;
    BigInteger totalSupplied = BigInteger.ZERO;
    BigInteger totalDebt = BigInteger.ZERO;
    BigInteger deficit = BigInteger.ZERO;
    /** The reserve's rate curve, or null when its debt does not accrue interest. */
    InterestRateStrategy strategy;
    int reserveFactorBps;
    /** The variable borrow rate set at the last action on the reserve [ray a year]. */
    BigInteger variableBorrowRate = BigInteger.ZERO;

    Reserve(int index, ReserveConfig config) {
      this.index = index;
      this.config = config;
      this.account = AccountId.of("aave:" + config.asset().symbol());
      this.toWei = BigInteger.TEN.pow(Amount.DECIMALS - config.decimals());
      this.unitsAreWei = config.decimals() == Amount.DECIMALS;
    }
  }

  /**
   * One account's supplied balance (aToken) and debt in every reserve, by {@link Reserve#index};
   * zero where it has none, and for a reserve listed after the arrays were made. One map lookup
   * gives all of an account's positions, and a liquidation writes them in place (with a map per
   * reserve, reading an account's four positions took eight lookups).
   */
  private static final class Holdings {
    private BigInteger[] supplied;
    private BigInteger[] debt;

    Holdings(int reserves) {
      supplied = zeros(reserves);
      debt = zeros(reserves);
    }

    BigInteger supplied(int reserve) {
      return reserve < supplied.length ? supplied[reserve] : BigInteger.ZERO;
    }

    BigInteger debt(int reserve) {
      return reserve < debt.length ? debt[reserve] : BigInteger.ZERO;
    }

    void setSupplied(int reserve, BigInteger value) {
      fit(reserve);
      supplied[reserve] = value;
    }

    void setDebt(int reserve, BigInteger value) {
      fit(reserve);
      debt[reserve] = value;
    }

    boolean hasDebt() {
      for (BigInteger d : debt) {
        if (d.signum() > 0) {
          return true;
        }
      }
      return false;
    }

    boolean isEmpty() {
      for (BigInteger s : supplied) {
        if (s.signum() > 0) {
          return false;
        }
      }
      return !hasDebt();
    }

    /** Grows both arrays to hold {@code reserve}, for a reserve listed after this account appeared. */
    private void fit(int reserve) {
      if (reserve >= supplied.length) {
        int n = reserve + 1;
        BigInteger[] s = zeros(n);
        BigInteger[] d = zeros(n);
        System.arraycopy(supplied, 0, s, 0, supplied.length);
        System.arraycopy(debt, 0, d, 0, debt.length);
        supplied = s;
        debt = d;
      }
    }

    private static BigInteger[] zeros(int n) {
      BigInteger[] a = new BigInteger[n];
      java.util.Arrays.fill(a, BigInteger.ZERO);
      return a;
    }
  }

  /** Calls {@code listener} with every event, after the operation that made it has succeeded. */
  public void onEvent(Consumer<? super AaveEvent> listener) {
    listeners.add(listener);
  }

  // ---------------------------------------------------------------- configuration and oracle

  public AaveEvent.ReserveListed listReserve(ReserveConfig config) {
    if (reserves.containsKey(config.asset())) {
      throw new AaveViolation(new AaveError.ReserveAlreadyListed(config.asset()));
    }
    Reserve r = new Reserve(listed.size(), config);
    reserves.put(config.asset(), r);
    listed.add(r);
    return publish(new AaveEvent.ReserveListed(config));
  }

  public AaveEvent.EModeCategorySet setEModeCategory(EModeCategory category) {
    for (Token t : category.collateralAssets()) {
      reserve(t, "collateralAssets");
    }
    for (Token t : category.borrowableAssets()) {
      reserve(t, "borrowableAssets");
    }
    eModeCategories.put(category.id(), category);
    return publish(new AaveEvent.EModeCategorySet(category));
  }

  /** Sets the oracle price of {@code asset} in the base currency (USD); must be at least 1e-8. */
  public AaveEvent.PriceUpdated setPrice(Token asset, Price price) {
    Reserve r = reserve(asset, "asset");
    if (price == null) {
      throw new AaveViolation(new AaveError.PriceNotPositive(asset, Price.ZERO));
    }
    // The oracle answers with 8 decimals, as a Chainlink USD feed: finer digits are cut.
    BigInteger base = Exact.div(price.units(), PRICE_TO_BASE, Rounding.DOWN);
    if (base.signum() == 0) {
      throw new AaveViolation(new AaveError.PriceNotPositive(asset, price));
    }
    r.priceBase = base;
    return publish(new AaveEvent.PriceUpdated(asset, price, base));
  }

  /**
   * Gives {@code asset}'s debt the rate curve {@code strategy}, with {@code reserveFactorBps} of the
   * interest to the treasury; the rate is set at once from the reserve's usage and again after
   * every action on it, as {@code ReserveLogic.updateInterestRatesAndVirtualBalance} does.
   */
  public AaveEvent.InterestRateStrategySet setInterestRateStrategy(Token asset, InterestRateStrategy strategy,
      int reserveFactorBps) {
    Reserve r = reserve(asset, "asset");
    if (strategy == null) {
      throw ReserveConfig.invalid("strategy", "is required");
    }
    ReserveConfig.requireBps("reserveFactor", reserveFactorBps);
    if (r.strategy == null) {
      ratedReserves.add(r);
    }
    r.strategy = strategy;
    r.reserveFactorBps = reserveFactorBps;
    updateRate(r);
    return publish(new AaveEvent.InterestRateStrategySet(asset, strategy, reserveFactorBps, r.variableBorrowRate));
  }

  /** The reserve's variable borrow rate now [ray a year]; 0 when it has no rate curve. */
  public BigInteger variableBorrowRate(Token asset) {
    return reserve(asset, "asset").variableBorrowRate;
  }

  /**
   * {@code seconds} of interest on {@code asset}'s debt at the rate set by the last action
   * ({@code ReserveLogic.updateState}): every debt grows by
   * {@link InterestRateStrategy#compoundedInterest} (rayMul, half up, as the variable debt token's
   * {@code balanceOf}); the treasury gets {@code reserveFactor} of the increase (percentMul) and the
   * other suppliers the rest, pro rata to their supply, each share truncated, the dust to the
   * treasury. So {@code cash + Σ debt + deficit = Σ supplied} still holds exactly.
   *
   * <p>One simplification against the contract, stated: the contract keeps scaled balances and one
   * index per reserve, so it rounds once per read; here each account's debt is rounded at each
   * accrual, which differs from the contract by at most one unit of the token per account and
   * accrual.
   */
  public AaveEvent.InterestAccrued accrueInterest(Token asset, long seconds) {
    Reserve r = reserve(asset, "asset");
    if (seconds < 0) {
      throw ReserveConfig.invalid("seconds", "must not be negative (was " + seconds + ")");
    }
    BigInteger rate = r.variableBorrowRate;
    BigInteger factor = InterestRateStrategy.compoundedInterest(rate, seconds);
    BigInteger[] increase = {BigInteger.ZERO};
    BigInteger[] toTreasury = {BigInteger.ZERO};
    if (r.strategy != null && factor.compareTo(InterestRateStrategy.RAY) > 0 && r.totalDebt.signum() > 0) {
      book.atomically(() -> {
        // One undo for the whole reserve (its debts before), not one per account: accrual touches every debt.
        int i = r.index;
        List<Holdings> debtors = new ArrayList<>();
        List<BigInteger> debtsBefore = new ArrayList<>();
        for (Holdings h : holdings.values()) {
          if (h.debt(i).signum() > 0) {
            debtors.add(h);
            debtsBefore.add(h.debt(i));
          }
        }
        BigInteger totalBefore = r.totalDebt;
        book.onRollback(() -> {
          for (int k = 0; k < debtors.size(); k++) {
            debtors.get(k).setDebt(i, debtsBefore.get(k));
          }
          r.totalDebt = totalBefore;
        });
        // The sum of the increases does not depend on the order of the debtors.
        for (int k = 0; k < debtors.size(); k++) {
          BigInteger before = debtsBefore.get(k);
          BigInteger grown = InterestRateStrategy.rayMul(before, factor);
          increase[0] = increase[0].add(grown.subtract(before));
          debtors.get(k).setDebt(i, grown);
        }
        r.totalDebt = r.totalDebt.add(increase[0]);
        BigInteger treasuryCut = AaveMath.percentMul(increase[0], r.reserveFactorBps);
        BigInteger toSuppliers = increase[0].subtract(treasuryCut);
        BigInteger others = r.totalSupplied.subtract(supplied(r, treasury));
        BigInteger paid = BigInteger.ZERO;
        if (others.signum() > 0) {
          // Each share is truncated on its own, so the order of the suppliers does not matter; the dust goes to the treasury.
          for (Map.Entry<AccountId, Holdings> e : holdings.entrySet()) {
            BigInteger supply = e.getValue().supplied(r.index);
            if (supply.signum() == 0 || e.getKey().equals(treasury)) {
              continue;
            }
            BigInteger share = Exact.mulDiv(toSuppliers, supply, others, Rounding.DOWN);
            if (share.signum() > 0) {
              // In place: the map of accounts does not change while it is walked.
              writeSupplied(r, e.getValue(), supply, supply.add(share), Exact.add(r.totalSupplied, share));
              paid = paid.add(share);
            }
          }
        }
        toTreasury[0] = increase[0].subtract(paid);
        if (toTreasury[0].signum() > 0) {
          setSupplied(r, treasury, supplied(r, treasury).add(toTreasury[0]));
        }
      });
    }
    updateRate(r);
    return publish(new AaveEvent.InterestAccrued(asset, seconds, rate, factor, toAmount(r, increase[0]),
        toAmount(r, toTreasury[0]), r.variableBorrowRate));
  }

  private void updateRate(Reserve r) {
    if (r.strategy == null) {
      return;
    }
    BigInteger cash = toUnitsDown(r, book.balanceOf(r.account, r.config.asset()));
    r.variableBorrowRate = r.strategy.variableBorrowRate(r.totalDebt, cash);
  }

  /**
   * Every rate again, after an action. A reserve without a rate curve has none to update, and each
   * rate reads only its own reserve, so the order does not matter.
   */
  private void updateRates() {
    for (int i = 0; i < ratedReserves.size(); i++) {
      updateRate(ratedReserves.get(i));
    }
  }

  // ---------------------------------------------------------------- user operations

  public AaveEvent.Supplied supply(AccountId user, Token asset, Amount amount) {
    Reserve r = reserve(asset, "asset");
    BigInteger n = toUnits(r, amount, "amount");
    book.atomically(() -> {
      book.transfer(asset, user, r.account, amount);
      setSupplied(r, user, supplied(r, user).add(n));
    });
    updateRates();
    return publish(new AaveEvent.Supplied(user, asset, amount));
  }

  /** Withdraws supplied collateral; refused if it would leave a health factor below 1. */
  public AaveEvent.Withdrawn withdraw(AccountId user, Token asset, Amount amount) {
    Reserve r = reserve(asset, "asset");
    BigInteger n = toUnits(r, amount, "amount");
    BigInteger have = supplied(r, user);
    if (n.compareTo(have) > 0) {
      throw new AaveViolation(new AaveError.ExceedsSupplied(user, asset, have, r.config.decimals()));
    }
    requireCash(r, n);
    book.atomically(() -> {
      setSupplied(r, user, have.subtract(n));
      book.transfer(asset, r.account, user, amount);
      if (hasDebt(user)) {
        AccountData after = accountData(user);
        if (after.healthFactor().compareTo(AaveMath.HEALTH_FACTOR_ONE) < 0) {
          throw new AaveViolation(new AaveError.HealthFactorTooLow("amount", user, after.healthFactor()));
        }
      }
    });
    updateRates();
    return publish(new AaveEvent.Withdrawn(user, asset, amount));
  }

  /** Borrows against the account's collateral; refused beyond the loan-to-value. */
  public AaveEvent.Borrowed borrow(AccountId user, Token asset, Amount amount) {
    Reserve r = reserve(asset, "asset");
    BigInteger n = toUnits(r, amount, "amount");
    EModeCategory eMode = eModeOf(user);
    if (eMode != null && !eMode.borrowableAssets().contains(asset)) {
      throw new AaveViolation(new AaveError.NotBorrowableInEMode(asset, eMode.id()));
    }
    requireCash(r, n);
    AccountData account = accountData(user);
    BigInteger amountBase = AaveMath.toBase(n, price(r), r.config.decimals());
    HealthFactor.requireCanBorrow(user, account, amountBase);
    book.atomically(() -> {
      setDebt(r, user, debt(r, user).add(n));
      book.transfer(asset, r.account, user, amount);
    });
    updateRates();
    return publish(new AaveEvent.Borrowed(user, asset, amount, accountData(user).healthFactor()));
  }

  /**
   * {@code payer} repays {@code onBehalfOf}'s debt; at most the whole debt is taken (so
   * {@link #MAX_DEBT_TO_COVER} repays everything); the event carries what was repaid.
   */
  public AaveEvent.Repaid repay(AccountId payer, AccountId onBehalfOf, Token asset, Amount amount) {
    Reserve r = reserve(asset, "asset");
    BigInteger n = toUnitsCap(r, amount, "amount");
    BigInteger owed = debt(r, onBehalfOf);
    if (owed.signum() == 0) {
      throw new AaveViolation(new AaveError.NoDebt("onBehalfOf", onBehalfOf, asset));
    }
    BigInteger paid = n.min(owed);
    Amount paidAmount = toAmount(r, paid);
    book.atomically(() -> {
      book.transfer(asset, payer, r.account, paidAmount);
      setDebt(r, onBehalfOf, owed.subtract(paid));
    });
    updateRates();
    return publish(new AaveEvent.Repaid(payer, onBehalfOf, asset, paidAmount));
  }

  /**
   * Enters e-mode category {@code category} (0 leaves e-mode). Refused when the account borrows an
   * asset the category does not allow, or when the switch would leave a health factor below 1.
   */
  public AaveEvent.UserEModeSet setUserEMode(AccountId user, int category) {
    EModeCategory target = null;
    if (category != 0) {
      target = eModeCategories.get(category);
      if (target == null) {
        throw new AaveViolation(new AaveError.UnknownEModeCategory(category));
      }
      for (Reserve r : reserves.values()) {
        if (debt(r, user).signum() > 0 && !target.borrowableAssets().contains(r.config.asset())) {
          throw new AaveViolation(new AaveError.NotBorrowableInEMode(r.config.asset(), category));
        }
      }
    }
    if (hasDebt(user)) {
      AccountData after = HealthFactor.accountData(positions(user), target);
      if (after.healthFactor().compareTo(AaveMath.HEALTH_FACTOR_ONE) < 0) {
        throw new AaveViolation(new AaveError.HealthFactorTooLow("category", user, after.healthFactor()));
      }
    }
    if (category == 0) {
      userEMode.remove(user);
    } else {
      userEMode.put(user, category);
    }
    return publish(new AaveEvent.UserEModeSet(user, category));
  }

  /**
   * {@code liquidator} repays up to {@code debtToCover} of {@code user}'s {@code debtAsset} debt and
   * receives {@code collateralAsset} with the liquidation bonus, less the protocol fee (which goes
   * to the treasury's supply). With {@code receiveAToken} the liquidator gets the collateral as a
   * supply position instead of the underlying. Refused unless the health factor is below 1.
   */
  public AaveEvent.LiquidationCall liquidate(
      AccountId liquidator, AccountId user, Token collateralAsset, Token debtAsset, Amount debtToCover,
      boolean receiveAToken) {
    Reserve cr = reserve(collateralAsset, "collateralAsset");
    Reserve dr = reserve(debtAsset, "debtAsset");
    BigInteger cap = toUnitsCap(dr, debtToCover, "debtToCover");
    Holdings userHoldings = holdings.get(user);
    List<Position> positions = positions(userHoldings);
    LiquidationLogic.LiquidationPlan plan =
        LiquidationLogic.plan(user, positions, eModeOf(user), collateralAsset, debtAsset, cap);
    BigInteger toLiquidator = plan.collateral().collateralToLiquidator();
    BigInteger fee = plan.collateral().protocolFee();
    Amount repaidAmount = toAmount(dr, plan.debtRepaid());
    Amount toLiquidatorAmount = toAmount(cr, toLiquidator);
    if (!receiveAToken) {
      // The contract sends the underlying before it pulls the liquidator's payment, so the cash must already be there.
      requireCash(cr, toLiquidator);
    }
    List<AaveEvent.DeficitCreated> deficits = new ArrayList<>();
    for (LiquidationLogic.Deficit d : plan.deficits()) {
      deficits.add(new AaveEvent.DeficitCreated(user, d.asset(), toAmount(reserves.get(d.asset()), d.amount())));
    }
    book.atomically(() -> {
      if (plan.debtRepaid().signum() > 0) {
        book.transfer(debtAsset, liquidator, dr.account, repaidAmount);
      }
      // The plan passed, so the user has a debt: userHoldings is not null.
      for (int i = 0; i < listed.size(); i++) {
        // The balances the plan started from are the pool's: no need to read them again. Of the
        // supplies only the collateral's changes, by the collateral taken (the total moves by as much).
        Reserve r = listed.get(i);
        Position before = positions.get(i);
        Position after = plan.positionsAfter().get(i);
        if (r == cr) {
          takeSupplied(cr, userHoldings, before.supplied(), after.supplied(), plan.collateral().collateralTaken());
        }
        if (r == dr && after.debt().signum() > 0) {
          // Partly repaid: the debt fell by what the liquidator repaid (a deficit would have cleared it).
          takeDebt(dr, userHoldings, before.debt(), after.debt(), plan.debtRepaid());
        } else {
          replaceDebt(r, userHoldings, before.debt(), after.debt());
        }
      }
      for (LiquidationLogic.Deficit d : plan.deficits()) {
        addDeficit(reserves.get(d.asset()), d.amount());
      }
      if (toLiquidator.signum() > 0) {
        if (receiveAToken) {
          addSupplied(cr, liquidator, toLiquidator);
        } else {
          book.transfer(collateralAsset, cr.account, liquidator, toLiquidatorAmount);
        }
      }
      if (fee.signum() > 0) {
        addSupplied(cr, treasury, fee);
      }
    });
    // The plan's account after is the account now (same positions, prices and category), unless the
    // user also received collateral: as the liquidator taking aTokens, or as the treasury.
    boolean userReceivedCollateral = receiveAToken && user.equals(liquidator) || user.equals(treasury);
    BigInteger healthFactorAfter = userReceivedCollateral
        ? accountData(user).healthFactor()
        : plan.after().healthFactor();
    AaveEvent.LiquidationCall event = new AaveEvent.LiquidationCall(collateralAsset, debtAsset, user, liquidator,
        repaidAmount, toLiquidatorAmount, toAmount(cr, fee), receiveAToken,
        plan.closeFactor().rule(), plan.before().healthFactor(), healthFactorAfter, List.copyOf(deficits));
    updateRates();
    deficits.forEach(this::publish);
    return publish(event);
  }

  /** What {@link #liquidate} would do now, without doing it (refusals are thrown the same way). */
  public LiquidationLogic.LiquidationPlan previewLiquidation(
      AccountId user, Token collateralAsset, Token debtAsset, Amount debtToCover) {
    reserve(collateralAsset, "collateralAsset");
    Reserve dr = reserve(debtAsset, "debtAsset");
    return LiquidationLogic.plan(user, positions(user), eModeOf(user), collateralAsset, debtAsset,
        toUnitsCap(dr, debtToCover, "debtToCover"));
  }

  // ---------------------------------------------------------------- queries

  /** {@code getUserAccountData}: needs a price for every reserve the account uses. */
  public AccountData accountData(AccountId user) {
    return HealthFactor.accountData(positions(user), eModeOf(user));
  }

  /** The account's position in every listed reserve, in listing order. */
  public List<Position> positions(AccountId user) {
    return positions(holdings.get(user));
  }

  /** {@link #positions(AccountId)} of an account's holdings, {@code null} for an account with none. */
  private List<Position> positions(Holdings h) {
    List<Position> out = new ArrayList<>(listed.size());
    for (int i = 0; i < listed.size(); i++) {
      Reserve r = listed.get(i);
      BigInteger s = h == null ? BigInteger.ZERO : h.supplied(i);
      BigInteger d = h == null ? BigInteger.ZERO : h.debt(i);
      BigInteger p = s.signum() > 0 || d.signum() > 0 ? price(r) : (r.priceBase == null ? BigInteger.ZERO : r.priceBase);
      out.add(new Position(r.config, p, s, d));
    }
    return out;
  }

  public List<ReserveConfig> reserves() {
    return reserves.values().stream().map(r -> r.config).toList();
  }

  public ReserveConfig reserveConfig(Token asset) {
    return reserve(asset, "asset").config;
  }

  /** The account holding the reserve's underlying (its cash). */
  public AccountId reserveAccount(Token asset) {
    return reserve(asset, "asset").account;
  }

  public AccountId treasury() {
    return treasury;
  }

  /** The oracle price in the base currency (8 decimals), or {@code null} if none was set. */
  public BigInteger priceBase(Token asset) {
    return reserve(asset, "asset").priceBase;
  }

  public Amount supplied(AccountId user, Token asset) {
    Reserve r = reserve(asset, "asset");
    return toAmount(r, supplied(r, user));
  }

  public Amount debt(AccountId user, Token asset) {
    Reserve r = reserve(asset, "asset");
    return toAmount(r, debt(r, user));
  }

  public Amount totalSupplied(Token asset) {
    Reserve r = reserve(asset, "asset");
    return toAmount(r, r.totalSupplied);
  }

  public Amount totalDebt(Token asset) {
    Reserve r = reserve(asset, "asset");
    return toAmount(r, r.totalDebt);
  }

  /** Bad debt written off in this reserve (v3.3 {@code reserve.deficit}). */
  public Amount deficit(Token asset) {
    Reserve r = reserve(asset, "asset");
    return toAmount(r, r.deficit);
  }

  /** The reserve's underlying held in the book: what can be withdrawn or borrowed now. */
  public Amount cash(Token asset) {
    Reserve r = reserve(asset, "asset");
    return book.balanceOf(r.account, asset);
  }

  /** The user's e-mode category, 0 for none. */
  public int userEMode(AccountId user) {
    return userEMode.getOrDefault(user, 0);
  }

  /** Every account with a supply or a debt, in name order. */
  public List<AccountId> accounts() {
    TreeSet<AccountId> out = new TreeSet<>();
    holdings.forEach((user, h) -> {
      if (!h.isEmpty()) {
        out.add(user);
      }
    });
    return List.copyOf(out);
  }

  /** One reserve's state, in the token's own units. */
  public record ReserveSnapshot(
      BigInteger priceBase,
      Map<AccountId, BigInteger> supplied,
      Map<AccountId, BigInteger> debt,
      BigInteger totalSupplied,
      BigInteger totalDebt,
      BigInteger deficit) {}

  /** The pool's whole state (not the book's). Equal snapshots mean equal pools. */
  public record Snapshot(Map<Token, ReserveSnapshot> reserves, Map<AccountId, Integer> userEModes,
      Map<Integer, EModeCategory> eModeCategories) {}

  public Snapshot snapshot() {
    Map<Token, ReserveSnapshot> rs = new TreeMap<>();
    reserves.forEach((t, r) -> {
      // The non-zero balances, as the per-reserve maps this pool once kept held them.
      Map<AccountId, BigInteger> supplied = new TreeMap<>();
      Map<AccountId, BigInteger> debt = new TreeMap<>();
      holdings.forEach((user, h) -> {
        if (h.supplied(r.index).signum() > 0) {
          supplied.put(user, h.supplied(r.index));
        }
        if (h.debt(r.index).signum() > 0) {
          debt.put(user, h.debt(r.index));
        }
      });
      rs.put(t, new ReserveSnapshot(r.priceBase, Collections.unmodifiableMap(supplied),
          Collections.unmodifiableMap(debt), r.totalSupplied, r.totalDebt, r.deficit));
    });
    return new Snapshot(Collections.unmodifiableMap(rs), Collections.unmodifiableMap(new TreeMap<>(userEMode)),
        Collections.unmodifiableMap(new TreeMap<>(eModeCategories)));
  }

  // ---------------------------------------------------------------- internals

  private Reserve reserve(Token asset, String field) {
    Reserve r = asset == null ? null : reserves.get(asset);
    if (r == null) {
      throw new AaveViolation(new AaveError.UnknownReserve(field, asset));
    }
    return r;
  }

  private EModeCategory eModeOf(AccountId user) {
    Integer id = userEMode.get(user);
    return id == null ? null : eModeCategories.get(id);
  }

  private static BigInteger price(Reserve r) {
    if (r.priceBase == null) {
      throw new AaveViolation(new AaveError.PriceMissing(r.config.asset()));
    }
    return r.priceBase;
  }

  private boolean hasDebt(AccountId user) {
    Holdings h = holdings.get(user);
    return h != null && h.hasDebt();
  }

  private void requireCash(Reserve r, BigInteger units) {
    BigInteger cash = toUnitsDown(r, book.balanceOf(r.account, r.config.asset()));
    if (units.compareTo(cash) > 0) {
      throw new AaveViolation(new AaveError.InsufficientLiquidity(r.config.asset(), cash, r.config.decimals()));
    }
  }

  /** An amount in the token's units; refused when zero or finer than the token's decimals. */
  private static BigInteger toUnits(Reserve r, Amount amount, String field) {
    BigInteger n = toUnitsCap(r, amount, field);
    if (!n.multiply(r.toWei).equals(amount.wei())) {
      throw new AaveViolation(new AaveError.TooPrecise(field, r.config.asset(), r.config.decimals(), amount));
    }
    return n;
  }

  /** A cap in the token's units, truncated; refused when zero. */
  private static BigInteger toUnitsCap(Reserve r, Amount amount, String field) {
    if (amount == null) {
      throw new AaveViolation(new AaveError.NotPositive(field, Amount.ZERO));
    }
    BigInteger n = toUnitsDown(r, amount);
    if (n.signum() == 0) {
      throw new AaveViolation(new AaveError.NotPositive(field, amount));
    }
    return n;
  }

  /** An amount in the token's units, truncated. */
  private static BigInteger toUnitsDown(Reserve r, Amount amount) {
    // An 18-decimal token's units are wei already (an Amount is in range): no division to make.
    return r.unitsAreWei ? amount.wei() : Exact.div(amount.wei(), r.toWei, Rounding.DOWN);
  }

  private static Amount toAmount(Reserve r, BigInteger units) {
    // An 18-decimal token's units are wei already.
    return Amount.ofWei(r.unitsAreWei ? units : units.multiply(r.toWei));
  }

  private BigInteger supplied(Reserve r, AccountId user) {
    Holdings h = holdings.get(user);
    return h == null ? BigInteger.ZERO : h.supplied(r.index);
  }

  private BigInteger debt(Reserve r, AccountId user) {
    Holdings h = holdings.get(user);
    return h == null ? BigInteger.ZERO : h.debt(r.index);
  }

  /** The account's holdings, made (all zero) if it has none yet. */
  private Holdings holdingsOf(AccountId user) {
    Holdings h = holdings.get(user);
    if (h == null) {
      h = new Holdings(listed.size());
      holdings.put(user, h);
    }
    return h;
  }

  private void setSupplied(Reserve r, AccountId user, BigInteger value) {
    Holdings h = holdingsOf(user);
    replaceSupplied(r, h, h.supplied(r.index), value);
  }

  /** {@link #setSupplied} from {@code old}, the balance the caller has just read. */
  private void replaceSupplied(Reserve r, Holdings h, BigInteger old, BigInteger value) {
    if (old == value || old.equals(value)) { // the same object when the plan left the position as it was
      return;
    }
    writeSupplied(r, h, old, value, Exact.add(Exact.sub(r.totalSupplied, old), value));
  }

  /** Adds {@code amount} to {@code user}'s supply: one addition for the balance and one for the total. */
  private void addSupplied(Reserve r, AccountId user, BigInteger amount) {
    Holdings h = holdingsOf(user);
    BigInteger old = h.supplied(r.index);
    writeSupplied(r, h, old, Exact.add(old, amount), Exact.add(r.totalSupplied, amount));
  }

  /**
   * {@code user}'s supply from {@code old} down to {@code value}, {@code taken} less (the caller
   * knows all three): the total needs one subtraction, not two operations.
   */
  private void takeSupplied(Reserve r, Holdings h, BigInteger old, BigInteger value, BigInteger taken) {
    if (taken.signum() != 0) {
      writeSupplied(r, h, old, value, Exact.sub(r.totalSupplied, taken));
    }
  }

  /** Sets a supply and the reserve's total, both undone if the enclosing transaction fails. */
  private void writeSupplied(Reserve r, Holdings h, BigInteger old, BigInteger value, BigInteger total) {
    BigInteger oldTotal = r.totalSupplied;
    h.setSupplied(r.index, value);
    r.totalSupplied = total;
    book.onRollback(() -> {
      h.setSupplied(r.index, old);
      r.totalSupplied = oldTotal;
    });
  }

  private void setDebt(Reserve r, AccountId user, BigInteger value) {
    Holdings h = holdingsOf(user);
    replaceDebt(r, h, h.debt(r.index), value);
  }

  /** {@link #setDebt} from {@code old}, the debt the caller has just read. */
  private void replaceDebt(Reserve r, Holdings h, BigInteger old, BigInteger value) {
    if (old == value || old.equals(value)) { // the same object when the plan left the position as it was
      return;
    }
    writeDebt(r, h, old, value, Exact.add(Exact.sub(r.totalDebt, old), value));
  }

  /** {@code user}'s debt from {@code old} down to {@code value}, {@code repaid} less: one subtraction for the total. */
  private void takeDebt(Reserve r, Holdings h, BigInteger old, BigInteger value, BigInteger repaid) {
    if (repaid.signum() != 0) {
      writeDebt(r, h, old, value, Exact.sub(r.totalDebt, repaid));
    }
  }

  /** Sets a debt and the reserve's total, both undone if the enclosing transaction fails. */
  private void writeDebt(Reserve r, Holdings h, BigInteger old, BigInteger value, BigInteger total) {
    BigInteger oldTotal = r.totalDebt;
    h.setDebt(r.index, value);
    r.totalDebt = total;
    book.onRollback(() -> {
      h.setDebt(r.index, old);
      r.totalDebt = oldTotal;
    });
  }

  private void addDeficit(Reserve r, BigInteger amount) {
    BigInteger old = r.deficit;
    r.deficit = Exact.add(old, amount);
    book.onRollback(() -> r.deficit = old);
  }

  private <E extends AaveEvent> E publish(E event) {
    for (Consumer<? super AaveEvent> l : listeners) {
      l.accept(event);
    }
    return event;
  }
}
