package noliq.debt.aave;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.RuleViolation;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Long random sequences of price moves, supplies, withdrawals, borrows, repayments, e-mode switches
 * and liquidations, with fixed seeds. After every step: each reserve's books balance, no token is
 * created or destroyed, refused steps change nothing, and every unit a liquidation moves arrives
 * somewhere named (liquidator, treasury, deficit).
 */
class AaveConservationTest {
  private static final List<Token> ASSETS = List.of(Market.ETH, Market.WSTETH, Market.USDC, Market.GHO);
  private static final List<AccountId> USERS = List.of(
      AccountId.of("u0"), AccountId.of("u1"), AccountId.of("u2"), AccountId.of("u3"), AccountId.of("u4"));
  private static final List<AccountId> LIQUIDATORS = List.of(AccountId.of("l0"), AccountId.of("l1"));
  private static final int STEPS = 5_000;

  enum Op { PRICE, SUPPLY, WITHDRAW, BORROW, REPAY, EMODE, LIQUIDATE }

  private Market m;
  private SplittableRandom rnd;
  private final Map<Token, Amount> supplies = new HashMap<>();
  private double ethPrice;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1L, 7L, 20261121L})
  void everyStepConservesTokensDebtAndCollateral(long seed) {
    m = new Market();
    rnd = new SplittableRandom(seed);
    ethPrice = 2000;
    for (Token t : ASSETS) {
      for (AccountId a : concat(USERS, LIQUIDATORS)) {
        m.book.mint(t, a, Market.RICH);
      }
      supplies.put(t, m.book.totalSupply(t));
    }
    Map<Op, int[]> accepted = new EnumMap<>(Op.class);
    int deficits = 0;
    for (int step = 0; step < STEPS; step++) {
      Op op = pickOp();
      var poolBefore = m.pool.snapshot();
      var bookBefore = m.book.snapshot();
      int eventsBefore = m.events.size();
      try {
        AaveEvent event = apply(op);
        accepted.computeIfAbsent(op, o -> new int[1])[0]++;
        assertThat(m.events).hasSize(eventsBefore + (op == Op.PRICE ? 3 : 1) + deficitCount(event));
        assertThat(m.events.get(m.events.size() - 1)).isEqualTo(event);
        if (event instanceof AaveEvent.LiquidationCall call) {
          checkLiquidation(call, poolBefore, bookBefore);
          deficits += call.deficits().size();
        }
      } catch (RuleViolation refused) {
        assertThat(m.pool.snapshot()).as("step %d %s refused: %s", step, op, refused.getMessage()).isEqualTo(poolBefore);
        assertThat(m.book.snapshot()).isEqualTo(bookBefore);
        assertThat(m.events).hasSize(eventsBefore);
      }
      checkInvariants(step, op);
    }
    // The sequence must actually exercise the interesting paths.
    assertThat(accepted.get(Op.LIQUIDATE)[0]).as("liquidations").isGreaterThan(100);
    assertThat(accepted.get(Op.BORROW)[0]).as("borrows").isGreaterThan(100);
    assertThat(deficits).as("deficits created").isPositive();
  }

  private static int deficitCount(AaveEvent e) {
    return e instanceof AaveEvent.LiquidationCall call ? call.deficits().size() : 0;
  }

  private Op pickOp() {
    int r = rnd.nextInt(100);
    if (r < 15) return Op.PRICE;
    if (r < 35) return Op.SUPPLY;
    if (r < 42) return Op.WITHDRAW;
    if (r < 62) return Op.BORROW;
    if (r < 70) return Op.REPAY;
    if (r < 73) return Op.EMODE;
    return Op.LIQUIDATE;
  }

  private AaveEvent apply(Op op) {
    AccountId user = USERS.get(rnd.nextInt(USERS.size()));
    Token asset = ASSETS.get(rnd.nextInt(ASSETS.size()));
    return switch (op) {
      case PRICE -> movePrices();
      case SUPPLY -> m.pool.supply(user, asset, tokens(asset, usdWorth(asset, 100 + rnd.nextDouble() * 20_000)));
      case WITHDRAW -> m.pool.withdraw(user, asset,
          fraction(m.pool.supplied(user, asset), rnd.nextDouble() * 1.1, asset));
      case BORROW -> m.pool.borrow(user, asset, borrowAmount(user, asset));
      case REPAY -> m.pool.repay(user, user, asset,
          fraction(m.pool.debt(user, asset), rnd.nextDouble() * 1.2, asset));
      case EMODE -> m.pool.setUserEMode(user, rnd.nextInt(3) == 0 ? 0 : 1);
      case LIQUIDATE -> liquidate();
    };
  }

  private AaveEvent movePrices() {
    if (rnd.nextInt(50) == 0) {
      return m.pool.setPrice(Market.ETH, Price.ZERO); // refused
    }
    ethPrice = Math.min(20_000, Math.max(100, ethPrice * (0.75 + 0.5 * rnd.nextDouble())));
    m.pool.setPrice(Market.WSTETH, Price.fromDouble(ethPrice * (0.9 + 0.2 * rnd.nextDouble()), Rounding.DOWN));
    m.pool.setPrice(Market.USDC, Price.fromDouble(0.97 + 0.06 * rnd.nextDouble(), Rounding.DOWN));
    return m.pool.setPrice(Market.ETH, Price.fromDouble(ethPrice, Rounding.DOWN));
  }

  private Amount borrowAmount(AccountId user, Token asset) {
    AccountData a = m.pool.accountData(user);
    BigInteger power = AaveMath.percentMul(a.totalCollateralBase(), BigInteger.valueOf(a.averageLtvBps()));
    double availableUsd = Math.max(1, power.subtract(a.totalDebtBase()).doubleValue() / 1e8);
    return tokens(asset, usdWorth(asset, availableUsd * (0.2 + 0.9 * rnd.nextDouble())));
  }

  private AaveEvent liquidate() {
    List<AccountId> underwater = new ArrayList<>();
    for (AccountId u : USERS) {
      if (m.pool.accountData(u).isLiquidatable()) {
        underwater.add(u);
      }
    }
    AccountId user = !underwater.isEmpty() && rnd.nextInt(10) < 8
        ? underwater.get(rnd.nextInt(underwater.size()))
        : USERS.get(rnd.nextInt(USERS.size()));
    Token coll = pickWhere(t -> m.pool.supplied(user, t).isPositive());
    Token debt = pickWhere(t -> m.pool.debt(user, t).isPositive());
    Amount cover = rnd.nextBoolean() ? Pool.MAX_DEBT_TO_COVER
        : fraction(m.pool.debt(user, debt), rnd.nextDouble(), debt);
    return m.pool.liquidate(LIQUIDATORS.get(rnd.nextInt(2)), user, coll, debt, cover, rnd.nextInt(4) == 0);
  }

  private Token pickWhere(java.util.function.Predicate<Token> p) {
    List<Token> ok = ASSETS.stream().filter(p).toList();
    return ok.isEmpty() ? ASSETS.get(rnd.nextInt(ASSETS.size())) : ok.get(rnd.nextInt(ok.size()));
  }

  private double usdWorth(Token asset, double usd) {
    BigInteger p = m.pool.priceBase(asset);
    return usd / (p.doubleValue() / 1e8);
  }

  /** An amount in whole units of the token's decimals (sometimes finer, to be refused for USDC). */
  private Amount tokens(Token asset, double tokens) {
    Amount a = Amount.fromDouble(tokens, Rounding.DOWN);
    return rnd.nextInt(20) == 0 ? a : fitToDecimals(a, asset);
  }

  private Amount fraction(Amount of, double f, Token asset) {
    Amount a = Amount.fromDouble(of.toDouble() * f, Rounding.DOWN);
    return fitToDecimals(a, asset);
  }

  private Amount fitToDecimals(Amount a, Token asset) {
    BigInteger step = BigInteger.TEN.pow(18 - m.pool.reserveConfig(asset).decimals());
    return Amount.ofWei(a.wei().divide(step).multiply(step));
  }

  private void checkLiquidation(AaveEvent.LiquidationCall call, Pool.Snapshot poolBefore,
      noliq.math.book.TokenBook.Snapshot bookBefore) {
    assertThat(call.healthFactorBefore()).isLessThan(AaveMath.HEALTH_FACTOR_ONE);
    AccountId user = call.user();
    Pool.Snapshot after = m.pool.snapshot();
    // Collateral: what left the user is what the liquidator and the treasury received.
    Token coll = call.collateralAsset();
    BigInteger userCollDrop = sub(units(poolBefore, coll, user, true), units(after, coll, user, true));
    BigInteger fee = wei(coll, call.protocolFee());
    BigInteger toLiquidator = wei(coll, call.collateralToLiquidator());
    assertThat(userCollDrop).isEqualTo(toLiquidator.add(fee));
    assertThat(sub(units(after, coll, m.pool.treasury(), true), units(poolBefore, coll, m.pool.treasury(), true)))
        .isEqualTo(fee);
    if (call.receiveAToken()) {
      assertThat(sub(units(after, coll, call.liquidator(), true), units(poolBefore, coll, call.liquidator(), true)))
          .isEqualTo(toLiquidator);
    }
    // Debt: what left the user is what the liquidator repaid plus what became deficit.
    Map<Token, BigInteger> deficitByAsset = new HashMap<>();
    for (AaveEvent.DeficitCreated d : call.deficits()) {
      deficitByAsset.merge(d.asset(), wei(d.asset(), d.amount()), BigInteger::add);
    }
    for (Token t : ASSETS) {
      BigInteger drop = sub(units(poolBefore, t, user, false), units(after, t, user, false));
      BigInteger repaid = t.equals(call.debtAsset()) ? wei(t, call.debtRepaid()) : BigInteger.ZERO;
      BigInteger deficit = deficitByAsset.getOrDefault(t, BigInteger.ZERO);
      assertThat(drop).as("debt drop in %s", t).isEqualTo(repaid.add(deficit));
      assertThat(sub(after.reserves().get(t).deficit(), poolBefore.reserves().get(t).deficit())).isEqualTo(deficit);
      // The liquidator's wallet: pays the debt, receives the underlying collateral.
      BigInteger walletBefore = bookBefore.balances().getOrDefault(t, Map.of())
          .getOrDefault(call.liquidator(), Amount.ZERO).wei();
      BigInteger expected = walletBefore.subtract(repaid.multiply(toWei(t)));
      if (t.equals(coll) && !call.receiveAToken()) {
        expected = expected.add(toLiquidator.multiply(toWei(t)));
      }
      assertThat(m.book.balanceOf(call.liquidator(), t).wei()).isEqualTo(expected);
    }
    if (!call.deficits().isEmpty()) {
      assertThat(m.pool.accountData(user).totalCollateralBase()).isZero();
      assertThat(m.pool.accountData(user).totalDebtBase()).isZero();
    }
  }

  private void checkInvariants(int step, Op op) {
    Pool.Snapshot s = m.pool.snapshot();
    for (Token t : ASSETS) {
      Pool.ReserveSnapshot r = s.reserves().get(t);
      BigInteger cash = m.book.balanceOf(m.pool.reserveAccount(t), t).wei().divide(toWei(t));
      assertThat(cash.add(r.totalDebt()).add(r.deficit()))
          .as("step %d (%s): cash + debt + deficit = supplied in %s", step, op, t).isEqualTo(r.totalSupplied());
      assertThat(r.supplied().values().stream().reduce(BigInteger.ZERO, BigInteger::add)).isEqualTo(r.totalSupplied());
      assertThat(r.debt().values().stream().reduce(BigInteger.ZERO, BigInteger::add)).isEqualTo(r.totalDebt());
      assertThat(m.book.totalSupply(t)).as("no %s created or destroyed", t).isEqualTo(supplies.get(t));
    }
  }

  private BigInteger toWei(Token t) {
    return BigInteger.TEN.pow(18 - m.pool.reserveConfig(t).decimals());
  }

  private BigInteger wei(Token t, Amount a) {
    return a.wei().divide(toWei(t));
  }

  private static BigInteger units(Pool.Snapshot s, Token t, AccountId a, boolean supplied) {
    Pool.ReserveSnapshot r = s.reserves().get(t);
    return (supplied ? r.supplied() : r.debt()).getOrDefault(a, BigInteger.ZERO);
  }

  private static BigInteger sub(BigInteger a, BigInteger b) {
    return a.subtract(b);
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
