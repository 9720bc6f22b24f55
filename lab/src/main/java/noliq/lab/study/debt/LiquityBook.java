package noliq.lab.study.debt;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import noliq.debt.liquity.LiquidationSplit;
import noliq.debt.liquity.LiquityEngine;
import noliq.debt.liquity.LiquityEvent;
import noliq.debt.liquity.LiquityParams;
import noliq.debt.liquity.LiquityRuleViolation;
import noliq.lab.metrics.DebtRisk;
import noliq.lab.study.DesignModel;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.RuleViolation;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;

/**
 * A population of troves on the real {@link LiquityEngine} with Liquity v2's WETH branch
 * ({@link LiquityParams#v2Weth()}: MCR 110%, no Recovery Mode, 5% penalty through the Stability
 * Pool and 10% by redistribution, 0.0375 ETH + 0.5% of collateral (at most 2 ETH) to the
 * liquidator, min debt 2,000 BOLD). The Stability Pool holds a stated share of the borrowers'
 * debt, deposited by stablecoin holders who open one trove at a 1,000% collateral ratio for it.
 *
 * <p>Liquidators need no float (the pool pays the debt): they act when the gas compensation pays
 * their gas. The pool's depositors sell their collateral gains at once, and the liquidator its
 * compensation, through the forced-sale market (the conservative case: in practice pool
 * rebalancers such as B.Protocol sell the gains). Debt the pool cannot absorb is redistributed to
 * the other troves, which changes every trove's liquidation price: the book then re-indexes all
 * troves (a full scan, only on steps where the pool ran dry).
 */
public final class LiquityBook extends DebtBook {
  /**
   * The Stability Pool's depth as a share of the borrowers' debt: 50%. Liquity v1's pool held
   * roughly 40-80% of LUSD supply through 2021-2023 (Liquity dashboards); an assumption to vary.
   */
  public static final double DEFAULT_POOL_SHARE = 0.5;
  private static final AccountId DEPOSITORS = AccountId.of("stable-holders");
  private static final double DEPOSITOR_RATIO = 10.0;

  private final LiquityParams params;
  /** The MCR as a double: a constant, read on every liquidation price. */
  private final double mcr;
  /** The pool's floor and the gas compensation's parts as doubles: constants, read on every liquidation. */
  private final double minInPool;
  private final double ethGasCompensation;
  private final double collGasCap;
  private final double poolShare;

  public LiquityBook(Borrowers population, Liquidators liquidators, Cascade cascade, double poolShare) {
    this(population, liquidators, cascade, poolShare, Behaviour.defaults());
  }

  public LiquityBook(Borrowers population, Liquidators liquidators, Cascade cascade, double poolShare, Behaviour behaviour) {
    this(population, liquidators, cascade, poolShare, behaviour, Interest.defaults());
  }

  public LiquityBook(Borrowers population, Liquidators liquidators, Cascade cascade, double poolShare, Behaviour behaviour,
      Interest interest) {
    super("liquity", population, liquidators, cascade, Congestion.NONE, behaviour, interest);
    if (!(poolShare > 0) || poolShare > 10) {
      throw new RuleViolation("poolShare", "must be in (0, 10] (was " + poolShare + ")");
    }
    this.params = LiquityParams.v2Weth();
    this.mcr = MakerBook.toDouble(params.mcr(), 18);
    this.minInPool = params.minInPool().toDouble();
    this.ethGasCompensation = params.ethGasCompensation().toDouble();
    this.collGasCap = params.collGasCap().toDouble();
    this.poolShare = poolShare;
  }

  @Override
  public LiquityBook withBehaviour(Behaviour b) {
    return new LiquityBook(population(), liquidators(), cascade(), poolShare, b, interest());
  }

  @Override
  public LiquityBook withInterest(Interest i) {
    return new LiquityBook(population(), liquidators(), cascade(), poolShare, behaviour(), i);
  }

  private static final BigInteger RATE_STEP = LiquityParams.pct(Double.toString(Interest.LIQUITY_RATE_STEP_PCT));
  private static final double YEAR_SECONDS = LiquityEngine.ONE_YEAR;

  public static LiquityBook defaults() {
    return new LiquityBook(Population.defaults(), Liquidators.defaults(), Cascade.defaults(), DEFAULT_POOL_SHARE);
  }

  public double poolShare() {
    return poolShare;
  }

  @Override
  public String description() {
    return "Liquity v2 WETH book: " + population().positions() + " troves, MCR 110%, Stability Pool "
        + Math.round(poolShare * 100) + "% of debt, " + liquidators().count() + " liquidators, forced sales with "
        + (cascade().impact() ? "price impact" : "no impact");
  }

  @Override
  public double liquidationRatio() {
    return mcr;
  }

  /** v2's penalty for a liquidation through the Stability Pool (5%). */
  @Override
  public double liquidationBonus() {
    return MakerBook.toDouble(((LiquityParams.Penalty.Capped) params.penalty()).viaPool(), 18);
  }

  @Override
  double minDebt() {
    return params.minNetDebt().toDouble();
  }

  @Override
  public DesignModel.Run newRun() {
    return new Run();
  }

  private final class Run extends BookRun {
    private TokenBook book;
    private LiquityEngine engine;
    private AccountId[] users;
    private double[] coll;
    private double[] debt;
    private double[] surplus;
    private boolean redistributed;
    /** Each trove's rate class (dense: 0, 1, ... in order of first appearance). */
    private int[] rateClass;
    /** Each class's grid step: its annual rate is {@code step x 0.5 %} (0: no interest). */
    private int[] classStep;
    /** When each trove's interest was last applied in the engine (a touch). */
    private Instant[] touched;
    /** The Stability Pool depositors' P&L so far [USD] and their deposit at the start. */
    private double spPnlUsd;
    private double spDeposit0;

    Run() {
      super(id(), population(), liquidators(), cascade(), congestion(), behaviour(), interest());
    }

    @Override
    int[] drawRateClasses(org.apache.commons.rng.UniformRandomProvider rng) {
      rateClass = new int[n];
      java.util.Map<Integer, Integer> dense = new java.util.LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        double r = interest.liquityRate(Population.gaussian(rng));
        int step = (int) Math.round(r * 100 / Interest.LIQUITY_RATE_STEP_PCT);
        rateClass[i] = dense.computeIfAbsent(step, k -> dense.size());
      }
      classStep = dense.keySet().stream().mapToInt(Integer::intValue).toArray();
      return rateClass;
    }

    @Override
    int rateClassCount() {
      return classStep.length;
    }

    private int step(int i) {
      return classStep[rateClass[i]];
    }

    @Override
    void open(Population.Draw[] draws, double price, Instant start) {
      book = new TokenBook();
      engine = new LiquityEngine(book, params, "liquity");
      setOracle(oracleAnswer());
      users = new AccountId[n];
      coll = new double[n];
      debt = new double[n];
      surplus = new double[n];
      double[][] sized = new double[n][];
      double total = 0;
      for (int i = 0; i < n; i++) {
        sized[i] = sized(draws[i], price);
        total += sized[i][1];
      }
      // The depositors' trove first: it keeps the system's collateral ratio above the CCR while the others open.
      Amount deposit = Amount.fromDouble(total * poolShare, Rounding.DOWN);
      Amount depositorColl = Amount.fromDouble(total * poolShare * DEPOSITOR_RATIO / price, Rounding.DOWN);
      book.mint(Token.ETH, DEPOSITORS, depositorColl.plus(params.ethGasCompensation()));
      engine.openTrove(DEPOSITORS, depositorColl, deposit);
      engine.provideToPool(DEPOSITORS, deposit);
      double supply = deposit.toDouble();
      for (int i = 0; i < n; i++) {
        AccountId u = AccountId.of("liquity:trove:" + i);
        users[i] = u;
        Amount c = Amount.fromDouble(sized[i][0], Rounding.DOWN);
        book.mint(Token.ETH, u, c.plus(params.ethGasCompensation()));
        LiquityEvent.TroveOpened opened = engine.openTrove(u, c, Amount.fromDouble(sized[i][1], Rounding.DOWN));
        supply += opened.debt().toDouble();
        if (step(i) > 0) {
          engine.setInterestRate(u, RATE_STEP.multiply(BigInteger.valueOf(step(i))));
        }
        coll[i] = c.toDouble();
        debt[i] = opened.debt().toDouble();
        coll0[i] = coll[i];
        debt0[i] = debt[i];
        index.put(i, liquidationPrice(i));
      }
      stableSupply = supply;
      touched = new Instant[n];
      java.util.Arrays.fill(touched, start);
      redistributed = false;
      spPnlUsd = 0;
      spDeposit0 = deposit.toDouble();
    }

    @Override
    void setOracle(Price price) {
      engine.setPrice(price);
    }

    @Override
    double liquidationPrice(int i) {
      return debt[i] > 0 && coll[i] > 0 ? debt[i] * liquidationRatio() / coll[i] : 0;
    }

    @Override
    int round(double oracle) {
      int acted = 0;
      // The pool's deposits as a double, read again only after the engine moved (a crash step can look at hundreds of
      // troves no liquidator would take, and the pool stands still for all of them).
      double deposits = Double.NaN;
      for (int i : triggered(oracle)) {
        if (Double.isNaN(deposits)) {
          deposits = engine.totalDeposits().toDouble();
        }
        Liquidators.Bot bot = chooseLiquidator(i, deposits);
        if (bot == null) {
          deferred.add(i);
          continue;
        }
        deposits = Double.NaN; // the accrual and the liquidation below move the pool
        actAfter(bot);
        touch(i);
        LiquityEvent.TroveLiquidated ev;
        try {
          ev = engine.liquidate(users[i], AccountId.of("liquity:liquidator:" + bot.id()));
        } catch (LiquityRuleViolation refused) {
          // Rounding at the oracle's precision left the ICR at the MCR, or it is the last trove.
          deferred.add(i);
          continue;
        }
        LiquidationSplit s = ev.split();
        double mkt = marketPriceNow();
        double d = toEth(s.debt());
        double c = toEth(s.coll());
        double kept = toEth(s.collSurplus());
        liquidatedUsd += d;
        liquidationCount++;
        penaltiesUsd += DebtRisk.penalty(d, c - kept, mkt);
        badDebtUsd += Math.max(0, d - (toEth(s.collToPool()) + toEth(s.collToRedistribute())) * mkt);
        surplus[i] += kept;
        coll[i] = 0;
        debt[i] = 0;
        positionClosed(i);
        double toPool = toEth(s.collToPool());
        double toLiquidator = toEth(s.collGasCompensation()) + toEth(s.ethGasCompensation());
        double proceeds = sell(toPool + toLiquidator);
        double perEth = toPool + toLiquidator > 0 ? proceeds / (toPool + toLiquidator) : 0;
        // The pool paid the offset debt in BOLD and got collateral; the liquidator paid gas and got its compensation.
        spPnlUsd += toPool * perEth - toEth(s.debtToOffset());
        keeperPnlUsd += toLiquidator * perEth + toEth(s.debtGasCompensation()) - gasUsd(bot, mkt);
        if (s.debtToRedistribute().signum() > 0) {
          redistributed = true;
        }
        acted++;
      }
      if (redistributed) {
        reindex();
      }
      return acted;
    }

    /** Redistribution moved debt and collateral onto every trove: read them back and index them again. */
    private void reindex() {
      redistributed = false;
      for (int i = 0; i < n; i++) {
        if (debt[i] > 0) {
          LiquityEvent.TroveAdjusted accrued = accrue(i);
          if (accrued != null) {
            coll[i] = accrued.coll().toDouble();
            debt[i] = accrued.debt().toDouble();
          } else {
            LiquityEngine.TroveView v = engine.trove(users[i]).orElseThrow();
            coll[i] = v.entireColl().toDouble();
            debt[i] = v.entireDebt().toDouble();
          }
          if (index.remove(i) || !deferred.contains(i)) {
            index.put(i, liquidationPrice(i));
          }
        }
      }
    }

    /** The first bot whose gas the compensation for trove {@code i} covers, with {@code deposits} in the pool; null when none. */
    private Liquidators.Bot chooseLiquidator(int i, double deposits) {
      double mkt = marketPriceNow();
      // v2 pays the 0.5% only on the collateral offset against the pool (the rest is redistributed).
      double offsetShare = Math.min(1, Math.max(0, deposits - minInPool) / debt[i]);
      double compensation = (ethGasCompensation + Math.min(coll[i] * offsetShare / params.collGasDivisor(), collGasCap)) * mkt;
      for (Liquidators.Bot bot : bots) {
        if (lands(bot) && gasUsd(bot, mkt) < compensation) {
          return bot;
        }
      }
      return null;
    }

    private static double toEth(BigInteger wei) {
      return MakerBook.toDouble(wei, 18);
    }

    /**
     * Applies trove {@code i}'s interest since its last touch in the engine, as any v2 operation on
     * the trove does first; its debt is then the engine's.
     */
    private void touch(int i) {
      LiquityEvent.TroveAdjusted accrued = accrue(i);
      if (accrued != null) {
        debt[i] = accrued.debt().toDouble();
      }
    }

    /**
     * {@link #touch}'s engine side: the accrual's event, whose collateral and debt are the trove's
     * whole (the accrual applies the pending redistribution first), or null when nothing was due.
     */
    private LiquityEvent.TroveAdjusted accrue(int i) {
      if (step(i) == 0 || !(debt[i] > 0)) {
        return null;
      }
      long seconds = clock.getEpochSecond() - touched[i].getEpochSecond();
      if (seconds <= 0) {
        return null;
      }
      LiquityEvent.TroveAdjusted accrued = engine.accrueInterest(users[i], seconds);
      touched[i] = Instant.ofEpochSecond(clock.getEpochSecond());
      return accrued;
    }

    /**
     * The interval's interest on the book's view of each trove (simple, at its class rate); the
     * engine applies it trove by trove when the trove is next touched.
     */
    @Override
    void accrue(Instant now, long seconds) {
      double years = seconds / YEAR_SECONDS;
      double[] factor = new double[classStep.length];
      for (int c = 0; c < classStep.length; c++) {
        factor[c] = 1 + classStep[c] * Interest.LIQUITY_RATE_STEP_PCT / 100 * years;
        grow(c, factor[c]);
      }
      for (int i = 0; i < n; i++) {
        debt[i] *= factor[rateClass[i]];
      }
    }

    @Override
    void finish(double price) {
      for (int i = 0; i < n; i++) {
        touch(i);
      }
    }

    @Override
    double repay(int i, double usd) {
      if (!(debt[i] > 0)) {
        return 0;
      }
      touch(i);
      double room = debt[i] - params.minNetDebt().toDouble() - params.debtGasCompensation().toDouble();
      // The owner repays with the BOLD it borrowed (bought back with outside USD, in effect): BOLD is only ever
      // minted against debt, so the supply still equals the system's debt afterwards.
      Amount amount = Amount.min(Amount.fromDouble(Math.min(usd, room), Rounding.DOWN),
          book.balanceOf(users[i], params.debtToken()));
      if (!amount.isPositive()) {
        return 0;
      }
      try {
        engine.repay(users[i], amount);
      } catch (LiquityRuleViolation refused) {
        return 0;
      }
      LiquityEngine.TroveView v = engine.trove(users[i]).orElseThrow();
      coll[i] = v.entireColl().toDouble();
      debt[i] = v.entireDebt().toDouble();
      return amount.toDouble();
    }

    @Override
    double[] reopen(int i, Population.Draw d, double price) {
      double[] cd = sized(d, price);
      Amount c = Amount.fromDouble(cd[0], Rounding.DOWN);
      book.mint(Token.ETH, users[i], c.plus(params.ethGasCompensation()));
      LiquityEvent.TroveOpened opened;
      try {
        opened = engine.openTrove(users[i], c, Amount.fromDouble(cd[1], Rounding.DOWN));
        if (step(i) > 0) {
          engine.setInterestRate(users[i], RATE_STEP.multiply(BigInteger.valueOf(step(i))));
        }
      } catch (LiquityRuleViolation refused) {
        book.burn(Token.ETH, users[i], c.plus(params.ethGasCompensation()));
        return null;
      }
      touched[i] = Instant.ofEpochSecond(clock.getEpochSecond());
      coll[i] = c.toDouble();
      debt[i] = opened.debt().toDouble();
      return new double[] {coll[i] + ethGasCompensation, opened.borrowed().toDouble()};
    }

    @Override
    boolean topUp(int i, double eth) {
      Amount amount = Amount.fromDouble(eth, Rounding.DOWN);
      if (!amount.isPositive() || !(debt[i] > 0)) {
        return false;
      }
      touch(i);
      book.mint(Token.ETH, users[i], amount);
      try {
        engine.addCollateral(users[i], amount);
      } catch (LiquityRuleViolation refused) {
        book.burn(Token.ETH, users[i], amount);
        return false;
      }
      LiquityEngine.TroveView v = engine.trove(users[i]).orElseThrow();
      coll[i] = v.entireColl().toDouble();
      debt[i] = v.entireDebt().toDouble();
      return true;
    }

    @Override
    void writeExtraMetrics(double endPrice, double[] out, int offset) {
      out[offset] = spDeposit0 > 0 ? 100 * spPnlUsd / spDeposit0 : 0;
    }

    @Override
    List<String> violatedInvariants() {
      return engine.violatedInvariants();
    }

    @Override
    double[] holdings(int i) {
      if (debt[i] > 0) {
        LiquityEngine.TroveView v = engine.trove(users[i]).orElseThrow();
        return new double[] {v.entireColl().toDouble(), v.entireDebt().toDouble(), surplus[i]};
      }
      return new double[] {0, 0, surplus[i]};
    }
  }
}
