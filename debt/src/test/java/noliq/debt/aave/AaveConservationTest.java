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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Long random sequences of price moves, supplies, withdrawals, borrows, repayments, e-mode switches,
 * interest accrual (USDC and WETH on rate curves, up to 30 days at a time) and liquidations, with fixed seeds: four seeds of 250,000 steps, 1,000,000 operations per
 * {@code ./mvnw verify}, the seeds on parallel threads. After every step, the cheap invariants: each
 * reserve's cash + debt + deficit equals what was supplied (so rounding never hands an account more
 * than the reserve holds) and no token is created or destroyed. On every {@value #AUDIT_EVERY}th step
 * (and the last), the expensive ones: refused steps change nothing, every unit a liquidation moves
 * arrives somewhere named (liquidator, treasury, deficit), per-account positions add up to the
 * reserve totals and no balance is negative.
 */
@Execution(ExecutionMode.CONCURRENT)
class AaveConservationTest {
  private static final List<Token> ASSETS = List.of(Market.ETH, Market.WSTETH, Market.USDC, Market.GHO);
  private static final List<AccountId> USERS = List.of(
      AccountId.of("u0"), AccountId.of("u1"), AccountId.of("u2"), AccountId.of("u3"), AccountId.of("u4"));
  private static final List<AccountId> LIQUIDATORS = List.of(AccountId.of("l0"), AccountId.of("l1"));
  private static final int STEPS = 250_000;
  /** Steps between full audits (snapshots before and after, per-account sums). */
  private static final int AUDIT_EVERY = 16;

  enum Op { PRICE, SUPPLY, WITHDRAW, BORROW, REPAY, EMODE, ACCRUE, LIQUIDATE }

  private Market m;
  private long eventCount;
  private AaveEvent lastEvent;
  private SplittableRandom rnd;
  private final Map<Token, Amount> supplies = new HashMap<>();
  private double ethPrice;

  @Tag("long") // a long seeded run: mutation testing leaves it out, shorter tests must kill the mutants
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1L, 7L, 20261121L, 0xAA7EL})
  void everyStepConservesTokensDebtAndCollateral(long seed) {
    m = new Market();
    m.pool.setInterestRateStrategy(Market.USDC, InterestRateStrategy.usdcEthereum2025(), InterestRateStrategy.USDC_RESERVE_FACTOR_BPS);
    m.pool.setInterestRateStrategy(Market.ETH, new InterestRateStrategy(9_000, 0, 270, 8_000), 1_500);
    m.pool.onEvent(e -> {
      eventCount++;
      lastEvent = e;
    });
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
    m.events.clear(); // counted from here on (eventCount), not kept: a million steps would hold them all
    int liquidationsAudited = 0;
    for (int step = 0; step < STEPS; step++) {
      Op op = pickOp();
      boolean audit = step % AUDIT_EVERY == 0 || step == STEPS - 1;
      var poolBefore = audit ? m.pool.snapshot() : null;
      var bookBefore = audit ? m.book.snapshot() : null;
      long eventsBefore = eventCount;
      lastEvent = null;
      try {
        AaveEvent event = apply(op);
        accepted.computeIfAbsent(op, o -> new int[1])[0]++;
        if (eventCount != eventsBefore + (op == Op.PRICE ? 3 : 1) + deficitCount(event) || lastEvent != event) {
          throw new AssertionError("step " + step + " " + op + ": " + (eventCount - eventsBefore) + " events, last " + lastEvent);
        }
        if (event instanceof AaveEvent.LiquidationCall call) {
          if (call.healthFactorBefore().compareTo(AaveMath.HEALTH_FACTOR_ONE) >= 0) {
            throw new AssertionError("step " + step + ": liquidated a healthy account " + call);
          }
          if (audit) {
            checkLiquidation(call, poolBefore, bookBefore);
            liquidationsAudited++;
          }
          deficits += call.deficits().size();
        }
      } catch (RuleViolation refused) {
        if (eventCount != eventsBefore) {
          throw new AssertionError("step " + step + " " + op + " refused but emitted events: " + refused.getMessage());
        }
        if (audit) {
          assertThat(m.pool.snapshot()).as("step %d %s refused: %s", step, op, refused.getMessage()).isEqualTo(poolBefore);
          assertThat(m.book.snapshot()).isEqualTo(bookBefore);
        }
      }
      m.events.clear();
      checkInvariants(step, op);
      if (audit) {
        audit(step, op);
      }
    }
    assertThat(liquidationsAudited).as("liquidations audited in full").isGreaterThan(200);
    // The sequence must actually exercise the interesting paths.
    assertThat(accepted.get(Op.LIQUIDATE)[0]).as("liquidations").isGreaterThan(STEPS / 100);
    assertThat(accepted.get(Op.BORROW)[0]).as("borrows").isGreaterThan(STEPS / 100);
    assertThat(deficits).as("deficits created").isPositive();
    assertThat(accepted.get(Op.ACCRUE)[0]).as("accruals").isGreaterThan(STEPS / 100);
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
    if (r < 75) return Op.ACCRUE;
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
      case ACCRUE -> m.pool.accrueInterest(rnd.nextBoolean() ? Market.USDC : Market.ETH, 1 + rnd.nextInt(30 * 86_400));
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

  /** After every step: reserve books balance and token supplies are unchanged (map look-ups only). */
  private void checkInvariants(int step, Op op) {
    for (Token t : ASSETS) {
      BigInteger cash = m.pool.cash(t).wei();
      BigInteger held = m.book.balanceOf(m.pool.reserveAccount(t), t).wei();
      BigInteger supplied = m.pool.totalSupplied(t).wei();
      BigInteger owed = m.pool.totalDebt(t).wei().add(m.pool.deficit(t).wei());
      if (cash.compareTo(held) != 0 || held.add(owed).compareTo(supplied) != 0
          || m.book.totalSupply(t).compareTo(supplies.get(t)) != 0) {
        throw new AssertionError("step " + step + " (" + op + ") " + t + ": cash " + cash + ", held " + held + ", debt + deficit "
            + owed + ", supplied " + supplied + ", supply " + m.book.totalSupply(t) + " (was " + supplies.get(t) + ")");
      }
    }
  }

  /** At intervals: the same in the reserves' own units, per-account sums, and no negative balance anywhere. */
  private void audit(int step, Op op) {
    Pool.Snapshot s = m.pool.snapshot();
    for (Token t : ASSETS) {
      Pool.ReserveSnapshot r = s.reserves().get(t);
      BigInteger cash = m.book.balanceOf(m.pool.reserveAccount(t), t).wei().divide(toWei(t));
      assertThat(cash.add(r.totalDebt()).add(r.deficit()))
          .as("step %d (%s): cash + debt + deficit = supplied in %s", step, op, t).isEqualTo(r.totalSupplied());
      assertThat(r.supplied().values().stream().reduce(BigInteger.ZERO, BigInteger::add)).isEqualTo(r.totalSupplied());
      assertThat(r.debt().values().stream().reduce(BigInteger.ZERO, BigInteger::add)).isEqualTo(r.totalDebt());
      assertThat(r.supplied().values()).allMatch(v -> v.signum() >= 0);
      assertThat(r.debt().values()).allMatch(v -> v.signum() >= 0);
    }
    m.book.snapshot().balances().values().forEach(byAccount -> assertThat(byAccount.values()).allMatch(a -> a.wei().signum() >= 0));
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
