package noliq.lab.study.debt;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import noliq.debt.aave.AaveEvent;
import noliq.debt.aave.AaveViolation;
import noliq.debt.aave.Pool;
import noliq.debt.aave.ReserveConfig;
import noliq.lab.metrics.DebtRisk;
import noliq.lab.study.DesignModel;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;

/**
 * A population of WETH-collateral, USDC-debt borrowers on the real Aave v3.3 {@link Pool}, with
 * the WETH and USDC reserve presets ({@link ReserveConfig#weth()}: LTV 80%, LT 83%, bonus 5%,
 * protocol fee 10%; {@link ReserveConfig#usdc()}). The USDC the borrowers draw comes from
 * stablecoin holders who supply {@code debt / 0.9} (Aave v3's optimal utilisation for USDC is 90%);
 * they bear any deficit. Liquidators repay with their own USDC float (the engine applies the close
 * factor), receive WETH, and sell it at once through the forced-sale market.
 */
public final class AaveBook extends DebtBook {
  /** The share of the USDC supply that is borrowed at the start (Aave v3 USDC optimal utilisation). */
  public static final double UTILISATION = 0.9;

  private final ReserveConfig weth;
  private final ReserveConfig usdc;

  public AaveBook(Borrowers population, Liquidators liquidators, Cascade cascade) {
    this(population, liquidators, cascade, Behaviour.defaults());
  }

  public AaveBook(Borrowers population, Liquidators liquidators, Cascade cascade, Behaviour behaviour) {
    this(population, liquidators, cascade, behaviour, Interest.defaults());
  }

  public AaveBook(Borrowers population, Liquidators liquidators, Cascade cascade, Behaviour behaviour, Interest interest) {
    super("aave", population, liquidators, cascade, Congestion.NONE, behaviour, interest);
    this.weth = ReserveConfig.weth();
    this.usdc = ReserveConfig.usdc();
  }

  @Override
  public AaveBook withBehaviour(Behaviour b) {
    return new AaveBook(population(), liquidators(), cascade(), b, interest());
  }

  @Override
  public AaveBook withInterest(Interest i) {
    return new AaveBook(population(), liquidators(), cascade(), behaviour(), i);
  }

  /** The default population, liquidators and cascade. */
  public static AaveBook defaults() {
    return new AaveBook(Population.defaults(), Liquidators.defaults(), Cascade.defaults());
  }

  @Override
  public String description() {
    return "Aave v3.3 WETH/USDC book: " + population().positions() + " borrowers, LT 83%, bonus 5%, "
        + liquidators().count() + " liquidators, Chainlink-style feed, forced sales with "
        + (cascade().impact() ? "price impact" : "no impact");
  }

  @Override
  public double liquidationRatio() {
    return 10_000.0 / weth.liquidationThresholdBps();
  }

  @Override
  public double liquidationBonus() {
    return (weth.liquidationBonusBps() - 10_000) / 10_000.0;
  }

  @Override
  double minDebt() {
    return 0;
  }

  @Override
  public DesignModel.Run newRun() {
    return new Run();
  }

  private static final AccountId SUPPLIERS = AccountId.of("stable-holders");
  /** The price the book's positions open at, over the oracle's: above LT/LTV, so the LTV check never binds. */
  private static final double OPENING_PRICE_FACTOR = 1.05;
  private static final AccountId MARKET = AccountId.of("market:eth-usd");
  private static final BigInteger USDC_TO_WEI = BigInteger.TEN.pow(12);

  /** A double USD amount as USDC (6 decimals), truncated. */
  static Amount usdc(double usd) {
    BigInteger wei = Amount.fromDouble(usd, Rounding.DOWN).wei();
    return Amount.ofWei(wei.divide(USDC_TO_WEI).multiply(USDC_TO_WEI));
  }

  private final class Run extends BookRun {
    private TokenBook book;
    private Pool pool;
    private AccountId[] users;
    private AccountId[] botAccounts;
    private double[] coll;
    private double[] debt;
    /** Each liquidator's USDC balance as a double, refreshed after each of its liquidations. */
    private double[] cash;
    private final double lt = weth.liquidationThresholdBps() / 10_000.0;
    private final double protocolShareOfBonus = weth.liquidationProtocolFeeBps() / 10_000.0;

    Run() {
      super(id(), population(), liquidators(), cascade(), congestion(), behaviour(), interest());
    }

    @Override
    void open(Population.Draw[] draws, double price, Instant start) {
      book = new TokenBook();
      pool = new Pool(book);
      pool.listReserve(weth);
      pool.listReserve(usdc);
      pool.setPrice(usdc.asset(), Price.of(1));
      setOracle(oracleAnswer());
      users = new AccountId[n];
      coll = new double[n];
      debt = new double[n];
      Amount[] collAmount = new Amount[n];
      Amount[] debtAmount = new Amount[n];
      double total = 0;
      for (int i = 0; i < n; i++) {
        double[] cd = sized(draws[i], price);
        collAmount[i] = Amount.fromDouble(cd[0], Rounding.DOWN);
        debtAmount[i] = usdc(cd[1]);
        total += debtAmount[i].toDouble();
      }
      stableSupply = total / UTILISATION;
      Amount supply = usdc(stableSupply);
      book.mint(usdc.asset(), SUPPLIERS, supply);
      pool.supply(SUPPLIERS, usdc.asset(), supply);
      // A borrower drawn with a health under LT/LTV = 1.0375 could not open there (the LTV check at borrow),
      // only drift there: the book opens everyone at a 5% higher price, then the oracle's own.
      pool.setPrice(Token.ETH, Price.fromDouble(price * OPENING_PRICE_FACTOR, Rounding.DOWN));
      for (int i = 0; i < n; i++) {
        AccountId u = AccountId.of("aave:borrower:" + i);
        users[i] = u;
        book.mint(Token.ETH, u, collAmount[i]);
        pool.supply(u, Token.ETH, collAmount[i]);
        pool.borrow(u, usdc.asset(), debtAmount[i]);
        coll[i] = collAmount[i].toDouble();
        debt[i] = debtAmount[i].toDouble();
        coll0[i] = coll[i];
        debt0[i] = debt[i];
        index.put(i, liquidationPrice(i));
      }
      setOracle(oracleAnswer());
      if (interest.aaveAccrues()) {
        pool.setInterestRateStrategy(usdc.asset(), interest.aaveStrategy(), interest.aaveReserveFactorBps());
      }
      botAccounts = new AccountId[bots.length];
      for (int b = 0; b < bots.length; b++) {
        botAccounts[b] = AccountId.of("aave:liquidator:" + bots[b].id());
        book.mint(usdc.asset(), botAccounts[b], usdc(botCapital(bots[b])));
      }
      cash = new double[bots.length];
      for (int b = 0; b < bots.length; b++) {
        cash[b] = book.balanceOf(botAccounts[b], usdc.asset()).toDouble();
      }
      // The market's side of every forced sale: it takes the WETH and pays USDC.
      book.mint(usdc.asset(), MARKET, usdc(1e13));
    }

    @Override
    void setOracle(Price price) {
      pool.setPrice(Token.ETH, price);
    }

    @Override
    double liquidationPrice(int i) {
      return debt[i] > 0 && coll[i] > 0 ? debt[i] / (coll[i] * lt) : 0;
    }

    @Override
    int round(double oracle) {
      List<Integer> hit = triggered(oracle);
      int acted = 0;
      for (int i : hit) {
        int b = chooseLiquidator(i, oracle);
        if (b < 0) {
          deferred.add(i);
          continue;
        }
        actAfter(bots[b]);
        AccountId liquidator = botAccounts[b];
        Amount cap = book.balanceOf(liquidator, usdc.asset());
        AaveEvent.LiquidationCall call;
        try {
          call = pool.liquidate(liquidator, users[i], Token.ETH, usdc.asset(), cap, false);
        } catch (AaveViolation refused) {
          // Rounding at the oracle's 8 decimals can leave the health factor at 1: not liquidatable yet.
          deferred.add(i);
          continue;
        }
        double repaid = call.debtRepaid().toDouble();
        double toLiquidator = call.collateralToLiquidator().toDouble();
        double seized = toLiquidator + call.protocolFee().toDouble();
        double mkt = marketPriceNow();
        liquidatedUsd += repaid;
        penaltiesUsd += DebtRisk.penalty(repaid, seized, mkt);
        liquidationCount++;
        for (AaveEvent.DeficitCreated d : call.deficits()) {
          badDebtUsd += d.amount().toDouble();
        }
        keeperPnlUsd -= repaid + gasUsd(bots[b], mkt);
        if (call.collateralToLiquidator().isPositive()) {
          double proceeds = sell(toLiquidator);
          keeperPnlUsd += proceeds;
          book.transfer(Token.ETH, liquidator, MARKET, call.collateralToLiquidator());
          Amount paid = usdc(proceeds);
          if (paid.isPositive()) {
            book.transfer(usdc.asset(), MARKET, liquidator, paid);
          }
        }
        cash[b] = book.balanceOf(liquidator, usdc.asset()).toDouble();
        coll[i] = pool.supplied(users[i], Token.ETH).toDouble();
        debt[i] = pool.debt(users[i], usdc.asset()).toDouble();
        double lp = liquidationPrice(i);
        if (lp > 0) {
          // Still unhealthy: the index hands it out again in the next round.
          index.put(i, lp);
        } else if (!(debt[i] > 0)) {
          positionClosed(i);
        }
        acted++;
      }
      return acted;
    }

    /** The fastest liquidator with float for whom the liquidation pays after slippage and gas; -1 if none. */
    private int chooseLiquidator(int i, double oracle) {
      double health = coll[i] * oracle * lt / debt[i];
      double closeFactor = health < 0.95 ? 1.0 : 0.5;
      double mkt = marketPriceNow();
      for (int b = 0; b < bots.length; b++) {
        double repay = Math.min(debt[i] * closeFactor, cash[b]);
        if (!(repay > 0) || !lands(bots[b])) {
          continue;
        }
        double seizedEth = Math.min(coll[i], repay * (1 + liquidationBonus()) / oracle);
        double bonusEth = seizedEth - Math.min(seizedEth, repay / oracle);
        double toLiquidatorEth = seizedEth - bonusEth * protocolShareOfBonus;
        double value = toLiquidatorEth * mkt;
        double profit = value * (1 - slippage(value)) - repay - gasUsd(bots[b], mkt);
        if (profit > 0) {
          return b;
        }
      }
      return -1;
    }

    /** Per reserve: {@code cash + total debt + deficit = total supplied}, as the pool promises. */
    @Override
    List<String> violatedInvariants() {
      List<String> broken = new ArrayList<>();
      for (ReserveConfig r : pool.reserves()) {
        Amount left = pool.cash(r.asset()).plus(pool.totalDebt(r.asset())).plus(pool.deficit(r.asset()));
        if (!left.equals(pool.totalSupplied(r.asset()))) {
          broken.add(r.asset() + ": cash + debt + deficit = " + left + " but supplied = " + pool.totalSupplied(r.asset()));
        }
      }
      return broken;
    }

    @Override
    double[] holdings(int i) {
      return new double[] {coll[i], debt[i], 0};
    }

    @Override
    void accrue(Instant now, long seconds) {
      AaveEvent.InterestAccrued a = pool.accrueInterest(usdc.asset(), seconds);
      if (a.increase().isPositive()) {
        double factor = MakerBook.toDouble(a.factor(), 27);
        for (int i = 0; i < n; i++) {
          debt[i] *= factor;
        }
        grow(0, factor);
      }
    }

    @Override
    double repay(int i, double usd) {
      Amount amount = usdc(Math.min(usd, debt[i]));
      if (!amount.isPositive() || !(debt[i] > 0)) {
        return 0;
      }
      book.mint(usdc.asset(), users[i], amount);
      AaveEvent.Repaid r = pool.repay(users[i], users[i], usdc.asset(), amount);
      debt[i] = pool.debt(users[i], usdc.asset()).toDouble();
      return r.amount().toDouble();
    }

    @Override
    double[] reopen(int i, Population.Draw d, double price) {
      double[] cd = sized(d, price);
      Amount c = Amount.fromDouble(cd[0], Rounding.DOWN);
      Amount b = usdc(cd[1]);
      if (!c.isPositive() || !b.isPositive() || b.compareTo(pool.cash(usdc.asset())) > 0) {
        return null;
      }
      book.mint(Token.ETH, users[i], c);
      pool.supply(users[i], Token.ETH, c);
      // As at the start: the LTV check at borrow would refuse a health under LT/LTV, so it opens at a 5% higher price.
      pool.setPrice(Token.ETH, Price.fromDouble(price * OPENING_PRICE_FACTOR, Rounding.DOWN));
      try {
        pool.borrow(users[i], usdc.asset(), b);
      } catch (AaveViolation refused) {
        coll[i] = pool.supplied(users[i], Token.ETH).toDouble();
        return new double[] {c.toDouble(), 0};
      } finally {
        setOracle(oracleAnswer());
      }
      coll[i] = pool.supplied(users[i], Token.ETH).toDouble();
      debt[i] = pool.debt(users[i], usdc.asset()).toDouble();
      return new double[] {c.toDouble(), b.toDouble()};
    }

    @Override
    boolean topUp(int i, double eth) {
      Amount amount = Amount.fromDouble(eth, Rounding.DOWN);
      if (!amount.isPositive() || !(debt[i] > 0)) {
        return false;
      }
      book.mint(Token.ETH, users[i], amount);
      pool.supply(users[i], Token.ETH, amount);
      coll[i] = pool.supplied(users[i], Token.ETH).toDouble();
      return true;
    }
  }
}
