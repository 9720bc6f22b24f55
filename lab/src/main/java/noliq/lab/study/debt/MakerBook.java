package noliq.lab.study.debt;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import noliq.debt.maker.Abacus;
import noliq.debt.maker.DssMath;
import noliq.debt.maker.IlkParams;
import noliq.debt.maker.MakerEngine;
import noliq.debt.maker.MakerEvent;
import noliq.debt.maker.MakerRuleViolation;
import noliq.lab.metrics.DebtRisk;
import noliq.lab.study.DesignModel;
import noliq.math.Amount;
import noliq.math.Decimals;
import noliq.math.Exact;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.book.AccountId;

/**
 * A population of ETH-B vaults on the real {@link MakerEngine} (Vat, Spotter, Dog, Clipper) with
 * {@link IlkParams#ethB()} (mat 130%, chop 13%, dust 30,000 DAI since the spell of 2021-06-18, ilk hole 15M DAI) and its July 2021
 * clipper ({@code buf} 1.2, 1% cut every 60 s, tail 90 min, cusp 0.4, tip 300 DAI, chip 0.1%).
 * The Dog's global {@code Hole} is 100M DAI (its value when Liquidations 2.0 went live in 2021).
 *
 * <p>Keepers bark any unsafe vault whose incentive ({@code tip + chip * tab}) pays their gas; they
 * take from an auction as soon as its price is below the market price net of the slippage of
 * selling the lot and of gas, with at most their DAI float, then sell what they bought through the
 * forced-sale market and buy DAI back. Auctions past {@code tail} are reset ({@code redo}). The
 * keepers' DAI, and the DAI they buy back, come from a market-maker vault collateralised 100x.
 */
public final class MakerBook extends DebtBook {
  public static final String ILK = "ETH-B";
  /** The Dog's global limit on DAI in auctions, {@code Hole} [DAI]. */
  public static final double DOG_HOLE_DAI = 100_000_000;
  private static final AccountId MARKET = AccountId.of("market:dai");
  private static final double MARKET_DAI = 1e10;

  private final IlkParams ilk;
  /** ETH-B's mat, chop, keeper tip and chip as doubles: constants, read on every liquidation price and bark. */
  private final double mat;
  private final double chop;
  private final double tip;
  private final double chip;

  public MakerBook(Borrowers population, Liquidators liquidators, Cascade cascade) {
    super("maker", population, liquidators, cascade);
    this.ilk = IlkParams.ethB();
    this.mat = toDouble(ilk.mat(), 27);
    this.chop = toDouble(ilk.chop(), 18);
    this.tip = toDouble(ilk.clipper().tip(), 45);
    this.chip = toDouble(ilk.clipper().chip(), 18);
  }

  /** A variant named {@code id} whose keepers meet {@code congestion}. */
  public MakerBook(String id, Borrowers population, Liquidators liquidators, Cascade cascade, Congestion congestion) {
    this(id, population, liquidators, cascade, congestion, Behaviour.defaults());
  }

  public MakerBook(String id, Borrowers population, Liquidators liquidators, Cascade cascade, Congestion congestion,
      Behaviour behaviour) {
    this(id, population, liquidators, cascade, congestion, behaviour, Interest.defaults());
  }

  public MakerBook(String id, Borrowers population, Liquidators liquidators, Cascade cascade, Congestion congestion,
      Behaviour behaviour, Interest interest) {
    super(id, population, liquidators, cascade, congestion, behaviour, interest);
    this.ilk = IlkParams.ethB();
    this.mat = toDouble(ilk.mat(), 27);
    this.chop = toDouble(ilk.chop(), 18);
    this.tip = toDouble(ilk.clipper().tip(), 45);
    this.chip = toDouble(ilk.clipper().chip(), 18);
  }

  @Override
  public MakerBook withBehaviour(Behaviour b) {
    return new MakerBook(id(), population(), liquidators(), cascade(), congestion(), b, interest());
  }

  @Override
  public MakerBook withInterest(Interest i) {
    return new MakerBook(id(), population(), liquidators(), cascade(), congestion(), behaviour(), i);
  }

  /**
   * The Black Thursday variant, {@code maker.congested}: the default book whose keepers meet
   * {@link Congestion#blackThursday} (counted in 5-minute steps on the crash bridges and replays
   * alike: 288 steps a day; on hourly paths the lookback is 12 days, a stated simplification).
   */
  public static MakerBook congested() {
    return new MakerBook("maker.congested", Population.defaults(), Liquidators.defaults(), Cascade.defaults(),
        Congestion.blackThursday(288));
  }

  public static MakerBook defaults() {
    return new MakerBook(Population.defaults(), Liquidators.defaults(), Cascade.defaults());
  }

  @Override
  public String description() {
    return "Maker ETH-B book (Liquidations 2.0)" + (congestion().active() ? " with Black-Thursday-like gas congestion" : "")
        + ": " + population().positions() + " vaults, mat 130%, chop 13%, "
        + liquidators().count() + " keepers, Clipper auctions, forced sales with "
        + (cascade().impact() ? "price impact" : "no impact");
  }

  @Override
  public double liquidationRatio() {
    return mat;
  }

  @Override
  public double liquidationBonus() {
    return chop - 1;
  }

  @Override
  double minDebt() {
    return toDouble(ilk.dust(), 45);
  }

  @Override
  public DesignModel.Run newRun() {
    return new Run();
  }

  static double toDouble(BigInteger units, int decimals) {
    return Decimals.toDouble(units, decimals);
  }

  static BigInteger wad(double x) {
    return Amount.fromDouble(x, Rounding.DOWN).wei();
  }

  static BigInteger rad(double x) {
    return wad(x).multiply(DssMath.RAY);
  }

  /** One running auction as the book follows it. */
  private static final class Auction {
    final int borrower;
    final double due;
    final double ink;
    Instant tic;
    double top;
    double lot;
    double collected;
    double sold;

    Auction(int borrower, double due, double ink, Instant tic, double top) {
      this.borrower = borrower;
      this.due = due;
      this.ink = ink;
      this.tic = tic;
      this.top = top;
      this.lot = ink;
    }
  }

  final class Run extends BookRun {
    private MakerEngine engine;
    private noliq.debt.maker.Jug jug;
    private double rate = 1;
    private AccountId[] users;
    /** The keepers' Vat accounts, by their place in {@code bots} (as every keeper array here). */
    private AccountId[] keepers;
    /** Each keeper's DAI in the Vat as a double: kept in step with every call that moves it. */
    private double[] keeperDai;
    private double[] coll;
    private double[] debt;
    private double[] returned;
    private final Map<Long, Auction> auctions = new LinkedHashMap<>();
    private final double cut;
    private final long cutStep;
    private final long tail;
    private final double feedThreshold = cascade().feed().deviationBps() / 10_000.0;

    Run() {
      super(id(), population(), liquidators(), cascade(), congestion(), behaviour(), interest());
      Abacus calc = ilk.clipper().calc();
      if (!(calc instanceof Abacus.StairstepExponentialDecrease s)) {
        throw new IllegalStateException("the Maker book's keepers model a stairstep clipper");
      }
      cut = toDouble(s.cut(), 27);
      cutStep = s.step();
      tail = ilk.clipper().tail();
    }

    @Override
    void open(Population.Draw[] draws, double price, Instant start) {
      // The Dog's limits hold for the real book; the representatives carry 1/weight of it each, so the
      // limits scale the same way (a weight of 1 leaves them as published).
      engine = new MakerEngine(rad(DOG_HOLE_DAI / weight));
      engine.addIlk(new IlkParams(ilk.name(), ilk.mat(), ilk.dust(), ilk.chop(),
          rad(toDouble(ilk.hole(), 45) / weight), ilk.clipper()));
      setOracle(oracleAnswer());
      auctions.clear();
      // The market maker's vault, 100x collateralised, holds the DAI keepers start with and buy back.
      BigInteger marketInk = wad(MARKET_DAI * 100 * liquidationRatio() / price);
      engine.join(ILK, MARKET, marketInk);
      engine.frob(ILK, MARKET, marketInk, wad(MARKET_DAI));
      users = new AccountId[n];
      coll = new double[n];
      debt = new double[n];
      returned = new double[n];
      double total = 0;
      for (int i = 0; i < n; i++) {
        double[] cd = sized(draws[i], price);
        AccountId u = AccountId.of("maker:vault:" + i);
        users[i] = u;
        BigInteger ink = wad(cd[0]);
        BigInteger art = wad(cd[1]);
        engine.join(ILK, u, ink);
        engine.frob(ILK, u, ink, art);
        refresh(i);
        coll0[i] = coll[i];
        debt0[i] = debt[i];
        total += debt[i];
        index.put(i, liquidationPrice(i));
      }
      stableSupply = total;
      rate = 1;
      jug = null;
      if (interest.makerAccrues()) {
        jug = new noliq.debt.maker.Jug(engine, BigInteger.ZERO);
        jug.init(ILK, interest.makerDuty(), start);
      }
      keepers = new AccountId[bots.length];
      keeperDai = new double[bots.length];
      for (int b = 0; b < bots.length; b++) {
        keepers[b] = AccountId.of("maker:keeper:" + bots[b].id());
        engine.move(MARKET, keepers[b], rad(botCapital(bots[b])));
        syncKeeper(b);
      }
    }

    /** Keeper {@code b}'s DAI in the Vat [USD at the representatives' scale]. */
    double keeperDai(int b) {
      return keeperDai[b];
    }

    /** Reads keeper {@code b}'s DAI again after a call that moved it (rad to double is costly: read it once). */
    private void syncKeeper(int b) {
      keeperDai[b] = toDouble(engine.dai(keepers[b]), 45);
    }

    private void refresh(int i) {
      MakerEngine.UrnView u = engine.urn(ILK, users[i]);
      coll[i] = toDouble(u.ink(), 18);
      // The debt is art x rate, the rate the Jug has dripped so far.
      debt[i] = toDouble(u.art().multiply(engine.ilkView(ILK).rate()), 45);
    }

    @Override
    void setOracle(Price price) {
      engine.poke(ILK, price);
    }

    @Override
    double liquidationPrice(int i) {
      return debt[i] > 0 && coll[i] > 0 ? debt[i] * liquidationRatio() / coll[i] : 0;
    }

    @Override
    int round(double oracle) {
      int acted = 0;
      for (int i : triggered(oracle)) {
        if (bark(i)) {
          acted++;
        } else {
          deferred.add(i);
        }
      }
      return acted + auctionEvents(oracle);
    }

    private boolean bark(int i) {
      double mkt = marketPriceNow();
      double incentive = tip + chip * debt[i] * (1 + liquidationBonus());
      for (int b = 0; b < bots.length; b++) {
        Liquidators.Bot bot = bots[b];
        if (!lands(bot) || gasUsd(bot, mkt) >= incentive) {
          continue;
        }
        Instant at = actAfter(bot);
        var barked = engine.tryBark(ILK, users[i], keepers[b], at);
        if (barked.isEmpty()) {
          // Most often the Hole is full, or the room left is too small for the vault: try again later. A crash meets
          // thousands of these; tryBark builds no refusal for them.
          return false;
        }
        MakerEvent.Barked ev = barked.get();
        syncKeeper(b);
        double due = toDouble(ev.due(), 45);
        keeperPnlUsd += toDouble(ev.coin(), 45) - gasUsd(bot, mkt);
        auctions.put(ev.id(), new Auction(i, due, toDouble(ev.dink(), 18), at, toDouble(ev.top(), 27)));
        liquidatedUsd += due;
        liquidationCount++;
        refresh(i);
        double lp = liquidationPrice(i);
        if (lp > 0) {
          index.put(i, lp);
        } else {
          positionClosed(i);
        }
        return true;
      }
      return false;
    }

    /**
     * Runs the auctions' takes and resets due before the step ends, in time order. Stops early when
     * a take's sale has moved the market far enough for the feed to publish a price below the next
     * liquidation price, so that the base loop checks the triggers again. Returns the takes made.
     */
    private int auctionEvents(double oracle) {
      int takes = 0;
      while (!auctions.isEmpty()) {
        long bestId = -1;
        Instant best = null;
        boolean bestIsTake = false;
        int bestKeeper = -1;
        double mkt = marketPriceNow();
        for (Map.Entry<Long, Auction> e : auctions.entrySet()) {
          Auction a = e.getValue();
          for (int b = 0; b < bots.length; b++) {
            Liquidators.Bot bot = bots[b];
            if (keeperDai[b] < 1 || !lands(bot)) {
              continue;
            }
            double buyEth = Math.min(a.lot, keeperDai[b] / mkt);
            double threshold = mkt * (1 - slippage(buyEth * mkt)) - gasUsd(bot, mkt) / buyEth;
            if (!(threshold > 0)) {
              continue;
            }
            // The stairstep price top * cut^k first reaches the threshold after k cuts.
            long k = threshold >= a.top ? 0 : (long) Math.ceil(Math.log(threshold / a.top) / Math.log(cut) - 1e-12);
            boolean take = k * cutStep < tail;
            Instant at = a.tic.plusSeconds(take ? k * cutStep : tail).plusMillis(Math.round(bot.latencySeconds() * 1000));
            if (at.isBefore(clock)) {
              at = clock;
            }
            if (best == null || at.isBefore(best)) {
              best = at;
              bestId = e.getKey();
              bestIsTake = take;
              bestKeeper = b;
            }
            break;
          }
        }
        if (best == null || !best.isBefore(stepEnd)) {
          return takes;
        }
        advanceTo(best);
        int result = bestIsTake ? take(bestId, bestKeeper) : reset(bestId, bestKeeper);
        if (result == REFUSED) {
          return takes;
        }
        if (result == TAKEN) {
          takes++;
          double after = marketPriceNow();
          if (after <= oracle * (1 - feedThreshold) && after < index.highestLiquidationPrice()) {
            return takes;
          }
        }
      }
      return takes;
    }

    private int reset(long id, int keeper) {
      try {
        MakerEvent.Redone ev = engine.redo(id, keepers[keeper], clock);
        syncKeeper(keeper);
        Auction a = auctions.get(id);
        a.tic = clock;
        a.top = toDouble(ev.top(), 27);
        return RESET;
      } catch (MakerRuleViolation notYet) {
        return REFUSED;
      }
    }

    private static final int TAKEN = 1;
    private static final int RESET = 0;
    private static final int REFUSED = -1;

    /** Takes from auction {@code id}, or resets it if its price fell below {@code cusp * top} first. */
    private int take(long id, int keeper) {
      MakerEngine.AuctionStatus s = engine.status(id, clock);
      if (s.needsRedo()) {
        return reset(id, keeper);
      }
      AccountId who = keepers[keeper];
      BigInteger amt = s.lot().min(engine.dai(who).divide(s.price()));
      if (amt.signum() <= 0) {
        return REFUSED;
      }
      MakerEvent.Taken ev;
      try {
        ev = engine.take(id, amt, s.price(), who, clock);
      } catch (MakerRuleViolation refused) {
        return REFUSED;
      }
      syncKeeper(keeper);
      Auction a = auctions.get(id);
      double slice = toDouble(ev.slice(), 18);
      a.collected += toDouble(ev.owe(), 45);
      a.sold += slice;
      a.lot = toDouble(ev.lot(), 18);
      double mkt = marketPriceNow();
      keeperPnlUsd -= toDouble(ev.owe(), 45) + gasUsd(bots[keeper], mkt);
      if (ev.slice().signum() > 0) {
        engine.exit(ILK, who, ev.slice());
        double proceeds = sell(slice);
        keeperPnlUsd += proceeds;
        BigInteger back = rad(proceeds);
        if (back.signum() > 0) {
          engine.move(MARKET, who, back);
          syncKeeper(keeper);
        }
      }
      if (ev.lot().signum() == 0 || ev.tab().signum() == 0) {
        double ret = toDouble(ev.returned(), 18);
        returned[a.borrower] += ret;
        badDebtUsd += Math.max(0, a.due - a.collected);
        penaltiesUsd += DebtRisk.penalty(a.due, a.ink - ret, mkt);
        auctions.remove(id);
      }
      return TAKEN;
    }

    @Override
    void finish(double price) {
      for (Map.Entry<Long, Auction> e : new ArrayList<>(auctions.entrySet())) {
        Auction a = e.getValue();
        double lot = a.ink - a.sold;
        badDebtUsd += Math.max(0, a.due - a.collected - lot * price);
        returned[a.borrower] += Math.max(0, lot - Math.max(0, a.due * (1 + liquidationBonus()) - a.collected) / price);
      }
    }

    @Override
    List<String> violatedInvariants() {
      return engine.violatedInvariants();
    }

    @Override
    double[] holdings(int i) {
      return new double[] {coll[i], debt[i], returned[i]};
    }

    @Override
    void accrue(Instant now, long seconds) {
      if (jug == null) {
        return;
      }
      double before = rate;
      rate = toDouble(jug.drip(ILK, now), 27);
      double factor = rate / before;
      for (int i = 0; i < n; i++) {
        debt[i] *= factor;
      }
      grow(0, factor);
    }

    @Override
    double repay(int i, double usd) {
      if (!(debt[i] > 0)) {
        return 0;
      }
      BigInteger r = engine.ilkView(ILK).rate();
      MakerEngine.UrnView u = engine.urn(ILK, users[i]);
      // Repaying must leave the vault at or above the dust (or at zero): stop at the dust.
      double room = Math.max(0, debt[i] - minDebt());
      BigInteger dart = Exact.mulDiv(rad(Math.min(usd, room)), BigInteger.ONE, r, Rounding.DOWN).min(u.art());
      if (dart.signum() <= 0) {
        return 0;
      }
      BigInteger dai = dart.multiply(r);
      try {
        engine.move(MARKET, users[i], dai);
        engine.frob(ILK, users[i], BigInteger.ZERO, dart.negate());
      } catch (MakerRuleViolation refused) {
        return 0;
      }
      refresh(i);
      return toDouble(dai, 45);
    }

    @Override
    double[] reopen(int i, Population.Draw d, double price) {
      double[] cd = sized(d, price);
      BigInteger ink = wad(cd[0]);
      BigInteger art = Exact.mulDiv(rad(cd[1]), BigInteger.ONE, engine.ilkView(ILK).rate(), Rounding.DOWN);
      try {
        engine.join(ILK, users[i], ink);
        engine.frob(ILK, users[i], ink, art);
      } catch (MakerRuleViolation refused) {
        return null;
      }
      refresh(i);
      return new double[] {toDouble(ink, 18), debt[i]};
    }

    @Override
    boolean topUp(int i, double eth) {
      BigInteger ink = wad(eth);
      if (ink.signum() <= 0 || !(debt[i] > 0)) {
        return false;
      }
      try {
        engine.join(ILK, users[i], ink);
        engine.frob(ILK, users[i], ink, BigInteger.ZERO);
      } catch (MakerRuleViolation refused) {
        return false;
      }
      refresh(i);
      return true;
    }
  }
}
