package noliq.lab.study.debt;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import noliq.lab.metrics.DebtRisk;
import noliq.lab.scenarios.PricePath;
import noliq.lab.study.DesignModel;
import noliq.lab.study.Trace;
import noliq.market.impact.ForcedSaleMarket;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.oracle.feeds.FeedEvent;
import noliq.oracle.feeds.PushFeed;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The virtual clock every debt book shares: it builds the book for the path, then for each step
 * lets the protocol see the step's low through the push feed, has the protocol-specific
 * {@link #round} liquidate what the index says is triggered, sells the seized collateral through
 * the forced-sale market, and repeats within the step while liquidations still happen (at most
 * {@link Cascade#maxRounds()} rounds). Subclasses hold the real engine.
 */
abstract class BookRun implements DesignModel.Run {
  private static final double YEAR_MILLIS = 365.25 * 24 * 3600 * 1000;

  protected final String id;
  protected final Borrowers population;
  protected final Liquidators liquidators;
  protected final Cascade cascade;
  protected final Congestion congestion;
  protected final Behaviour behaviour;
  protected final Interest interest;
  /** The gas price the network asks on this step (0 without congestion: each bot pays its own). */
  protected double networkGwei;

  // ---- per path
  protected ForcedSaleMarket market;
  protected PushFeed feed;
  protected GrowingIndex index;
  protected Liquidators.Bot[] bots;
  protected int n;
  protected double[] coll0;
  protected double[] debt0;
  protected double price0;
  protected double stableSupply;
  protected double liquidatedUsd;
  protected double badDebtUsd;
  protected double penaltiesUsd;
  protected long liquidationCount;
  /** How many real positions each representative borrower stands for on this path. */
  protected double weight;
  /**
   * The liquidators' or keepers' P&L on this path at the representatives' scale [USD]: bonus or
   * auction discount realised by selling at once, plus protocol incentives, less the debt repaid
   * (or DAI paid) and gas. Books add to it call by call.
   */
  protected double keeperPnlUsd;
  /** Positions triggered this step that no one liquidated; they return to the index at the step's end. */
  protected final List<Integer> deferred = new ArrayList<>();
  /** The time of the latest action in this step; actions never go back in time. */
  protected Instant clock;
  /** The end of this step (the next point's time): actions inside a step happen before it. */
  protected Instant stepEnd;
  private Instant marketClock;
  private double exoLow;
  /** The double each published round was made from: round r is {@code published[r - 1]}. */
  private double[] published = new double[64];
  private int publishedCount;
  private FeedEvent.Published lastRound;
  private Price visibleAnswer;
  private double oracle;
  private long examined;
  /** The forced sales of the UTC day under way against that day's ETH volume (none when the path has no volume state). */
  private boolean volumeKnown;
  private long saleDay;
  private double saleDayVolumeEth;
  private double saleDayForcedEth;
  private double maxDayShare;
  private double sumDayShare;
  private int forcedDays;

  BookRun(String id, Borrowers population, Liquidators liquidators, Cascade cascade, Congestion congestion,
      Behaviour behaviour, Interest interest) {
    this.id = id;
    this.population = population;
    this.liquidators = liquidators;
    this.cascade = cascade;
    this.congestion = congestion;
    this.behaviour = behaviour;
    this.interest = interest;
  }

  // ---- borrowers who react (per path)
  /** Reacting borrowers by the oracle price under which they start to worry: liquidation price x threshold. */
  private GrowingIndex worries;
  /** Per borrower: whether it repays (rather than tops up) when it reacts. */
  private boolean[] repays;
  /** Per borrower: the fresh draw it reopens with after a liquidation, or null when it does not reopen. */
  private Population.Draw[] reopenWith;
  /** Borrowers waiting to reopen, with the time they may. */
  private final java.util.Map<Integer, Instant> reopening = new java.util.LinkedHashMap<>();
  private long repayments;
  private long reopened;
  private Instant lastAccrual;
  private double[] threshold;
  private double[] health0;
  /** USD each borrower added from outside the book (top-ups), at the market price when added. */
  private double[] contributedUsd;
  /** Borrowers below their threshold, with the time they were first seen there. */
  private final java.util.Map<Integer, Instant> worried = new java.util.LinkedHashMap<>();
  private long topUps;

  /** Builds the engine and the book at {@code price} and {@code start}; fills coll0, debt0, stableSupply and the index. */
  abstract void open(Population.Draw[] draws, double price, Instant start);

  /** Sets the protocol's oracle price (what the feed shows now). */
  abstract void setOracle(Price price);

  /** One round of liquidations at oracle price {@code oracle}; returns how many actions moved the book. */
  abstract int round(double oracle);

  /** The liquidation price of borrower {@code i} as the book stands (0 when it has no debt). */
  abstract double liquidationPrice(int i);

  /**
   * The rate class of each borrower (null: one class), drawn from {@code rng} after every draw the
   * books share; Liquity's user-set rates. Called before {@link #open}.
   */
  int[] drawRateClasses(UniformRandomProvider rng) {
    return null;
  }

  /** How many rate classes {@link #drawRateClasses} uses. */
  int rateClassCount() {
    return 1;
  }

  /** Collects {@code seconds} of interest up to {@code now} on the whole book (and grows {@link #index} with it). */
  void accrue(Instant now, long seconds) {}

  /**
   * Borrower {@code i} repays {@code usd} of its debt with stablecoin from outside the book; returns
   * the USD actually repaid (0 when the protocol refuses, e.g. below a minimum debt).
   */
  abstract double repay(int i, double usd);

  /**
   * Borrower {@code i}, whose position a liquidation closed, opens a new one drawn as {@code d}
   * (collateral in ETH at {@code price}, health under this book's ratio, sized to the book's minimum
   * debt as at the start); returns its fresh collateral [ETH] and debt [USD], or null when the
   * protocol refuses it.
   */
  abstract double[] reopen(int i, Population.Draw d, double price);

  /** A liquidation left borrower {@code i} without debt: it may reopen (the books call this). */
  protected final void positionClosed(int i) {
    if (reopenWith != null && reopenWith[i] != null && !reopening.containsKey(i)) {
      reopening.put(i, clock.plus(behaviour.delay()));
    }
  }

  /** Settles what is still open at the path's end (auctions) at {@code price}. */
  void finish(double price) {}

  /** The engine's own invariants that the last path left broken (empty when the book was driven correctly). */
  abstract List<String> violatedInvariants();

  /** Borrower {@code i}'s collateral [ETH], debt [USD] and other ETH it holds from the book (returned collateral, surplus). */
  abstract double[] holdings(int i);

  /**
   * Borrower {@code i} adds {@code eth} of collateral from outside the book; returns false when the
   * protocol refuses it (the position is closed or being auctioned away).
   */
  abstract boolean topUp(int i, double eth);

  @Override
  public final void simulate(PricePath path, UniformRandomProvider rng, Trace trace, double[] out, int offset) {
    Population.Drawn drawn = population.draw(rng, path.price(0));
    Population.Draw[] draws = drawn.draws();
    weight = drawn.weight();
    bots = liquidators.draw(rng);
    market = cascade.newMarket();
    feed = new PushFeed(cascade.feed());
    n = draws.length;
    // Drawn after the borrowers and the bots, in the same order on every book, so that the books share them.
    double[] reactU = new double[n];
    double[] thresholdU = new double[n];
    double[] repayU = new double[n];
    double[] reopenU = new double[n];
    for (int i = 0; i < n; i++) {
      reactU[i] = rng.nextDouble();
      thresholdU[i] = rng.nextDouble();
      repayU[i] = rng.nextDouble();
      reopenU[i] = rng.nextDouble();
    }
    Population.Draw[] fresh = behaviour.reopenProbability() > 0 ? population.draw(rng, path.price(0)).draws() : null;
    int[] classes = drawRateClasses(rng);
    index = new GrowingIndex(rateClassCount(), classes);
    coll0 = new double[n];
    debt0 = new double[n];
    liquidatedUsd = 0;
    badDebtUsd = 0;
    penaltiesUsd = 0;
    liquidationCount = 0;
    keeperPnlUsd = 0;
    examined = 0;
    deferred.clear();
    marketClock = null;
    publishedCount = 0;
    lastRound = null;
    volumeKnown = path.hasVolume();
    saleDay = Long.MIN_VALUE;
    saleDayForcedEth = 0;
    maxDayShare = 0;
    sumDayShare = 0;
    forcedDays = 0;
    Instant start = path.time(0);
    price0 = path.price(0);
    clock = start;
    oracle = observe(price0);
    open(draws, oracle, start);
    worries = new GrowingIndex(rateClassCount(), classes);
    threshold = new double[n];
    health0 = new double[n];
    repays = new boolean[n];
    contributedUsd = new double[n];
    worried.clear();
    reopening.clear();
    topUps = 0;
    repayments = 0;
    reopened = 0;
    lastAccrual = start;
    reopenWith = null;
    if (fresh != null) {
      reopenWith = new Population.Draw[n];
      for (int i = 0; i < n; i++) {
        if (reopenU[i] < behaviour.reopenProbability()) {
          // The replacement's collateral in USD at the path's first price: it keeps that size and health when it opens.
          reopenWith[i] = new Population.Draw(fresh[i].collateralEth() * price0, fresh[i].health());
        }
      }
    }
    if (behaviour.active()) {
      for (int i = 0; i < n; i++) {
        health0[i] = draws[i].health();
        if (reactU[i] < behaviour.reactShare()) {
          repays[i] = repayU[i] < behaviour.repayShare();
          threshold[i] = Math.min(health0[i], behaviour.thresholdLow() + (behaviour.thresholdHigh() - behaviour.thresholdLow()) * thresholdU[i]);
          double lp = liquidationPrice(i);
          if (lp > 0) {
            worries.put(i, lp * threshold[i]);
          }
        }
      }
    }

    int size = path.size();
    double[] exo = new double[size];
    double[] endo = new double[size];
    exo[0] = price0;
    endo[0] = price0;
    double endoClose = price0;
    long startMillis = start.toEpochMilli();
    boolean tracing = trace.enabled();
    for (int t = 1; t < size; t++) {
      if (volumeKnown) {
        enterDay(path.stepDay(t), path.dayVolume(t));
      }
      Instant now = path.time(t);
      stepEnd = t + 1 < size ? path.time(t + 1) : now.plus(Duration.between(path.time(t - 1), now));
      clock = now;
      exoLow = path.low(t);
      if (!interest.none() && !now.isBefore(lastAccrual.plus(interest.accrualInterval()))) {
        collect(now);
      }
      networkGwei = congestion.active() ? congestion.networkGwei(fallFromHigh(path, t)) : 0;
      double stepMin = Double.POSITIVE_INFINITY;
      for (int r = 0; r < cascade.maxRounds(); r++) {
        double seen = marketPrice(exoLow, clock);
        stepMin = Math.min(stepMin, seen);
        updateOracle(observe(seen));
        if (round(oracle) == 0) {
          break;
        }
      }
      stepMin = Math.min(stepMin, marketPrice(exoLow, clock));
      // back in the order they came out: most of them come out again next step, from the index's run
      for (int i : deferred) {
        double lp = liquidationPrice(i);
        if (lp > 0) {
          index.park(i, lp);
        }
      }
      deferred.clear();
      if (behaviour.active()) {
        react(now);
      }
      if (!reopening.isEmpty()) {
        reopenDue(now);
      }
      endoClose = marketPrice(path.price(t), clock);
      updateOracle(observe(endoClose));
      exo[t] = exoLow;
      endo[t] = stepMin;
      if (tracing) {
        double years = (now.toEpochMilli() - startMillis) / YEAR_MILLIS;
        trace.record(id + ".exogenous_usd", years, exoLow);
        trace.record(id + ".endogenous_usd", years, stepMin);
        trace.record(id + ".liquidated_cum_usd", years, liquidatedUsd * weight);
      }
    }
    if (!interest.none()) {
      collect(clock.isAfter(lastAccrual) ? clock : lastAccrual);
    }
    finish(endoClose);
    closeDay();
    writeMetrics(exo, endo, endoClose, out, offset);
  }

  /** Starts counting forced sales against day {@code day} (with {@code volumeEth} traded) if it is a new day. */
  private void enterDay(long day, double volumeEth) {
    if (day != saleDay) {
      closeDay();
      saleDay = day;
      saleDayVolumeEth = volumeEth;
    }
  }

  /** The day under way is over: its forced sales as a share of the whole market's volume that day (the stated multiple of the path's). */
  private void closeDay() {
    if (saleDayForcedEth > 0) {
      double share = saleDayVolumeEth > 0 ? saleDayForcedEth / (cascade.marketVolumeMultiple() * saleDayVolumeEth)
          : Double.POSITIVE_INFINITY;
      maxDayShare = Math.max(maxDayShare, share);
      sumDayShare += share;
      forcedDays++;
    }
    saleDayForcedEth = 0;
  }

  private void writeMetrics(double[] exo, double[] endo, double endPrice, double[] out, int o) {
    double insolvent = badDebtUsd;
    double book = 0;
    for (int i = 0; i < n; i++) {
      book += debt0[i];
    }
    double pnlSum = 0;
    int ruined = 0;
    double equity0Sum = 0;
    double equitySum = 0;
    for (int i = 0; i < n; i++) {
      double[] h = holdings(i);
      double collateral = h[0];
      double debt = h[1];
      double extraEth = h[2];
      if (debt > 0) {
        insolvent += Math.max(0, debt - collateral * endPrice);
      }
      double e0 = coll0[i] * price0 - debt0[i];
      double e1 = (collateral + extraEth) * endPrice - debt - contributedUsd[i];
      double pnl = (e1 - e0) / e0;
      pnlSum += pnl;
      if (pnl <= -DebtMetrics.RUIN_FRACTION) {
        ruined++;
      }
      equity0Sum += e0;
      equitySum += e1;
    }
    double exoDrawdown = DebtRisk.maxDrawdown(exo);
    // The representatives stand for the whole book: every USD figure and count is scaled by the weight.
    out[o + DebtMetrics.LIQUIDATED_USD] = liquidatedUsd * weight;
    out[o + DebtMetrics.INSOLVENT_USD] = insolvent * weight;
    out[o + DebtMetrics.BAD_DEBT_USD] = badDebtUsd * weight;
    out[o + DebtMetrics.PENALTIES_USD] = penaltiesUsd * weight;
    out[o + DebtMetrics.LIQUIDATIONS] = liquidationCount * weight;
    out[o + DebtMetrics.BORROWER_PNL_PCT] = 100 * pnlSum / n;
    out[o + DebtMetrics.BORROWER_RUINED_PCT] = 100.0 * ruined / n;
    out[o + DebtMetrics.BORROWER_RUIN] = (equitySum - equity0Sum) / equity0Sum <= -DebtMetrics.RUIN_FRACTION ? 1 : 0;
    out[o + DebtMetrics.CASCADE_AMPLIFICATION] = exoDrawdown == 0 ? 1.0 : DebtRisk.cascadeAmplification(exo, endo);
    out[o + DebtMetrics.STABLE_LOSS_PCT] = 100 * badDebtUsd / stableSupply;
    double min = Double.POSITIVE_INFINITY;
    for (double x : endo) {
      min = Math.min(min, x);
    }
    out[o + DebtMetrics.MIN_PRICE_USD] = min;
    out[o + DebtMetrics.BOOK_DEBT_USD] = book * weight;
    out[o + DebtMetrics.LIQUIDATED_PCT_BOOK] = 100 * liquidatedUsd / book;
    out[o + DebtMetrics.INSOLVENT_PCT_BOOK] = 100 * insolvent / book;
    out[o + DebtMetrics.PENALTIES_PCT_BOOK] = 100 * penaltiesUsd / book;
    out[o + DebtMetrics.KEEPER_PNL_USD] = keeperPnlUsd * weight;
    double capital = 0;
    for (Liquidators.Bot b : bots) {
      capital += b.capitalUsd();
    }
    out[o + DebtMetrics.KEEPER_PNL_PCT_CAPITAL] = 100 * keeperPnlUsd * weight / capital;
    out[o + DebtMetrics.FORCED_PCT_DAY_VOLUME_MAX] = volumeKnown ? 100 * maxDayShare : Double.NaN;
    out[o + DebtMetrics.FORCED_PCT_DAY_VOLUME_MEAN] = volumeKnown && forcedDays > 0 ? 100 * sumDayShare / forcedDays : Double.NaN;
    out[o + DebtMetrics.FORCED_DAYS] = volumeKnown ? forcedDays : Double.NaN;
    writeExtraMetrics(endPrice, out, o + DebtMetrics.COUNT);
  }

  /** Book-specific figures after the common ones (the Stability Pool's, for Liquity); none by default. */
  void writeExtraMetrics(double endPrice, double[] out, int offset) {}

  /**
   * Bot {@code b}'s float at the representatives' scale: its capital over the weight, so that the
   * keepers finance the same share of the scaled-down book as of the real one.
   */
  protected double botCapital(Liquidators.Bot bot) {
    return bot.capitalUsd() / weight;
  }

  /**
   * The reacting borrowers at the end of a step: those whose health (oracle over liquidation price)
   * has been below their threshold for the delay add collateral back to their opening health.
   */
  private void react(Instant now) {
    for (int i : worries.triggeredBelow(oracle)) {
      worried.putIfAbsent(i, now);
    }
    var it = worried.entrySet().iterator();
    while (it.hasNext()) {
      var e = it.next();
      int i = e.getKey();
      double lp = liquidationPrice(i);
      if (!(lp > 0)) {
        it.remove();
        continue;
      }
      if (oracle / lp >= threshold[i]) {
        worries.put(i, lp * threshold[i]);
        it.remove();
        continue;
      }
      if (Duration.between(e.getValue(), now).compareTo(behaviour.delay()) < 0) {
        continue;
      }
      double[] held = holdings(i);
      boolean acted = false;
      if (repays[i]) {
        // Repay down to the opening health: debt x (1 - health now / health at opening).
        double usd = held[1] * (1 - oracle / (lp * health0[i]));
        double paid = usd > 0 ? repay(i, usd) : 0;
        if (paid > 0) {
          contributedUsd[i] += paid;
          repayments++;
          acted = true;
        }
      } else {
        double eth = held[0] * (lp * health0[i] / oracle - 1);
        if (eth > 0 && topUp(i, eth)) {
          contributedUsd[i] += eth * marketPrice(exoLow, clock);
          topUps++;
          acted = true;
        }
      }
      if (acted) {
        double after = liquidationPrice(i);
        if (after > 0) {
          index.put(i, after);
          worries.put(i, after * threshold[i]);
        }
      }
      it.remove();
    }
  }

  /** How many top-ups the last path saw (at the representatives' scale). */
  long topUps() {
    return topUps;
  }

  /** How many repayments the last path saw (at the representatives' scale). */
  long repayments() {
    return repayments;
  }

  /** How many positions were reopened after a liquidation on the last path (representatives). */
  long reopened() {
    return reopened;
  }

  /** Collects interest up to {@code now}. */
  private void collect(Instant now) {
    long seconds = now.getEpochSecond() - lastAccrual.getEpochSecond();
    if (seconds > 0) {
      accrue(now, seconds);
      lastAccrual = Instant.ofEpochSecond(now.getEpochSecond());
    }
  }

  /** Reopens the positions whose delay after their liquidation has run out, at the oracle price. */
  private void reopenDue(Instant now) {
    var it = reopening.entrySet().iterator();
    while (it.hasNext()) {
      var e = it.next();
      if (now.isBefore(e.getValue())) {
        continue;
      }
      int i = e.getKey();
      it.remove();
      Population.Draw d = reopenWith[i];
      reopenWith[i] = null;
      // The draw's USD collateral and health, under this book's ratio, at the oracle price.
      double[] opened = reopen(i, new Population.Draw(d.collateralEth() / oracle, d.health()), oracle);
      if (opened != null) {
        contributedUsd[i] += opened[0] * marketPrice(exoLow, clock) - opened[1];
        reopened++;
        double lp = liquidationPrice(i);
        if (lp > 0) {
          index.put(i, lp);
          if (threshold[i] > 0) {
            health0[i] = d.health();
            threshold[i] = Math.min(threshold[i], d.health());
            worries.put(i, lp * threshold[i]);
          }
        }
      }
    }
  }

  /** Every debt of rate class {@code c} has grown by {@code factor}: the indexes follow. */
  protected final void grow(int c, double factor) {
    index.grow(c, factor);
    worries.grow(c, factor);
  }

  // ---------------------------------------------------------------- the feed

  /** The feed sees {@code price} at the clock; returns what the protocol reads once the latest round has landed. */
  private double observe(double price) {
    if (cannotPublish(price)) {
      return oracle;
    }
    if (feed.observe(Price.fromDouble(price, Rounding.DOWN), clock) instanceof FeedEvent.Published round) {
      if (publishedCount == published.length) {
        published = Arrays.copyOf(published, publishedCount * 2);
      }
      published[publishedCount++] = price;
      lastRound = round;
    }
    FeedEvent.Published visible = feed.latest(clock.plus(cascade.feed().latency())).orElseThrow();
    visibleAnswer = visible.answer();
    return published[(int) visible.round() - 1];
  }

  /**
   * A shortcut that spares the exact conversion on quiet steps: true only when the feed certainly
   * would not publish (the move is 2% short of the deviation threshold and the heartbeat has not
   * run out) and its latest round is already visible.
   */
  private boolean cannotPublish(double price) {
    if (lastRound == null || clock.isBefore(lastRound.visibleAt())) {
      return false;
    }
    double last = published[(int) lastRound.round() - 1];
    double threshold = cascade.feed().deviationBps() / 10_000.0 * 0.98;
    return Math.abs(price - last) < threshold * last && clock.isBefore(lastRound.at().plus(cascade.feed().heartbeat()));
  }

  /** Sets the protocol's oracle only when the feed's answer changed. */
  private void updateOracle(double price) {
    if (price != oracle) {
      oracle = price;
      setOracle(visibleAnswer);
    }
  }

  /** The feed's answer the protocol reads now. */
  protected Price oracleAnswer() {
    return visibleAnswer;
  }

  // ---------------------------------------------------------------- helpers for the books

  /** The positions whose liquidation price is above {@code oracle}, out of the index (O(log n + k)). */
  protected List<Integer> triggered(double oracle) {
    List<Integer> hit = index.triggeredBelow(oracle);
    examined += hit.size();
    return hit;
  }

  /** How many positions the rounds of the last path looked at: the liquidation candidates, not the book. */
  long examined() {
    return examined;
  }

  /** The price forced sellers meet at {@code at}: the exogenous price less the deviation past sales left. */
  protected double marketPrice(double exogenous, Instant at) {
    if (market == null) {
      return exogenous;
    }
    Instant t = marketClock != null && at.isBefore(marketClock) ? marketClock : at;
    marketClock = t;
    return market.price(exogenous, t);
  }

  /** The market price at the clock, for the step's low. */
  protected double marketPriceNow() {
    return marketPrice(exoLow, clock);
  }

  /** Sells {@code eth} of seized collateral at the clock; returns the USD proceeds. */
  protected double sell(double eth) {
    if (!(eth > 0)) {
      return 0;
    }
    if (market == null) {
      saleDayForcedEth += eth * weight;
      return eth * exoLow;
    }
    Instant t = marketClock != null && clock.isBefore(marketClock) ? marketClock : clock;
    marketClock = t;
    // The representative's sale stands for weight real ones: the market meets them all at once.
    saleDayForcedEth += eth * weight;
    return market.sell(eth * weight, exoLow, t).proceedsUsd() / weight;
  }

  /**
   * The average slippage of selling {@code usd} at once into an undisturbed market (a bot's
   * estimate), for one real position's sale.
   */
  protected double slippage(double usd) {
    return market == null ? 0 : market.curve().slippage(usd);
  }

  /**
   * Moves the clock to when {@code bot} acts on a trigger seen now: after the feed's landing and
   * its own latency, but inside the step.
   */
  protected Instant actAfter(Liquidators.Bot bot) {
    Instant t = clock.plus(cascade.feed().latency()).plusMillis(Math.round(bot.latencySeconds() * 1000));
    return advanceTo(t);
  }

  /** Moves the clock forward to {@code t}, but never to or past the step's end. */
  protected Instant advanceTo(Instant t) {
    Instant last = stepEnd.minusMillis(1);
    if (t.isAfter(last)) {
      t = last;
    }
    if (t.isAfter(clock)) {
      clock = t;
    }
    return clock;
  }

  /** The gas of one call by {@code bot}: at its own gas price, or the network's when congestion raised it. */
  protected double gasUsd(Liquidators.Bot bot, double ethPrice) {
    double gwei = Math.max(bot.gasGwei(), networkGwei);
    return liquidators.gasUnits() * gwei * 1e-9 * ethPrice;
  }

  /** Whether {@code bot}'s transactions land on this step: the network asks no more than its ceiling. */
  protected boolean lands(Liquidators.Bot bot) {
    return networkGwei <= bot.gasGwei();
  }

  /** How far step {@code t}'s low stands below the highest price of the lookback. */
  private double fallFromHigh(PricePath path, int t) {
    double high = 0;
    for (int k = Math.max(0, t - congestion.lookbackSteps()); k < t; k++) {
      high = Math.max(high, path.price(k));
    }
    return high > 0 ? 1 - path.low(t) / high : 0;
  }
}
