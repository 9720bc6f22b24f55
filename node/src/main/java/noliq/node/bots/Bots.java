package noliq.node.bots;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import noliq.market.auction.RotationAuctionHouse;
import noliq.market.book.OrderBook;
import noliq.math.Amount;
import noliq.math.Exact;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.node.engine.Command;
import noliq.node.engine.Engine;
import noliq.node.engine.Market;
import noliq.node.feed.PriceSource;
import noliq.options.Leg;
import noliq.options.Series;
import noliq.oracle.Answer;
import noliq.oracle.RequestKey;
import noliq.oracle.SettlementPort;
import noliq.oracle.optimistic.OptimisticOracle;
import noliq.oracle.optimistic.RequestState;
import noliq.oracle.vote.TokenVote;
import noliq.pricing.InverseOptions;
import noliq.wrapper.vault.Marks;

/**
 * The node's bots, on its scheduler. Each is an ordinary account: it reads the market through a
 * query and acts only by submitting commands, which are journaled like anyone's, so a replay never
 * runs a bot. Their rules, stated:
 *
 * <ul>
 *   <li><b>feed</b>: every {@code tickMillis}, the price source's price at the market's time, in cents, as a tick
 *       when it moved or when the market has had no entry for an hour of its time (its clock moves only with entries);
 *   <li><b>maker</b> ({@code bot:maker}): on every P and N book of a series more than a day from maturity,
 *       a bid and an ask {@value #MAKER_HALF_SPREAD} either side of Black–Scholes fair value (vol {@link Market#VOL}),
 *       {@value #MAKER_SIZE} units each, re-quoted when fair value moves by more than half the half-spread;
 *       it splits ETH for the legs it sells;
 *   <li><b>arbitrageur</b> ({@code bot:arbitrageur}): splits and sells P and N when their bids sum above 1 ETH,
 *       buys and merges when their asks sum below; takes a rotation auction once its price is at or
 *       under fair value (splitting ETH for the leg it pays with);
 *   <li><b>liquidator</b> ({@code bot:liquidator}): liquidates every pool borrower below health factor 1;
 *   <li><b>keeper</b> ({@code bot:keeper}): calls the vault's public roll when its rules allow, settles series
 *       whose oracle answer is final, expires auctions past their end, resolves vote rounds;
 *   <li><b>proposer</b> ({@code bot:proposer}) proposes the price at maturity; a <b>careless proposer</b>
 *       ({@code bot:careless}), with probability {@value #CARELESS_PROBABILITY} per request (seeded), proposes
 *       1.5 times it first, so disputes happen; the <b>disputer</b> ({@code bot:disputer}) disputes any proposal
 *       more than 1% off; three <b>voters</b> commit and reveal the price at maturity.
 * </ul>
 */
public final class Bots implements AutoCloseable {
  static final double MAKER_HALF_SPREAD = 0.01;
  static final String MAKER_SIZE = "20";
  static final double CARELESS_PROBABILITY = 0.3;
  static final AccountId MAKER = AccountId.of("bot:maker");
  static final java.time.Duration HEARTBEAT = java.time.Duration.ofHours(1);
  static final AccountId ARB = AccountId.of("bot:arbitrageur");

  private final Engine engine;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "noliq-bots");
    t.setDaemon(true);
    return t;
  });
  private final SplittableRandom rng;
  private final Set<String> carelessDone = new HashSet<>();
  private final Map<Token, Double> quotedFair = new java.util.HashMap<>();
  private volatile String lastError;

  public Bots(Engine engine, long seed) {
    this.engine = engine;
    this.rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
  }

  /** Starts the price feed alone (for a node without bots). */
  public void startFeed(PriceSource source, long tickMillis) {
    scheduler.scheduleWithFixedDelay(() -> guarded(() -> feed(source)), 0, tickMillis, TimeUnit.MILLISECONDS);
  }

  /** Starts every bot, each cycle every {@code cycleMillis} of wall time. */
  public void startBots(long cycleMillis) {
    scheduler.scheduleWithFixedDelay(() -> guarded(this::cycle), cycleMillis, cycleMillis, TimeUnit.MILLISECONDS);
  }

  public Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }

  private void guarded(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      lastError = e.toString();
    }
  }

  /** One tick of the price feed now, on the caller's thread (a stepped node's feed). */
  public void feedOnce(PriceSource source) {
    feed(source);
  }

  /** One round of every bot now, on the caller's thread (a stepped node's bots). */
  public void cycleOnce() {
    cycle();
  }

  private void feed(PriceSource source) {
    Instant t = engine.clock().now();
    Optional<Double> p = source.priceAt(t);
    if (p.isEmpty()) {
      return;
    }
    Price rounded = cents(p.get());
    // a tick when the price moved, and at least every market hour: time in the market moves only with entries
    boolean due = engine.query(m -> m.spot().map(s -> !s.equals(rounded)).orElse(true)
        || t.isAfter(m.now().plus(HEARTBEAT))).join();
    if (due) {
      engine.submit(new Command.Tick("system", rounded.toString()), null).join();
    }
  }

  /** A feed price as an exact number of cents (rounded down), as price feeds publish. */
  public static Price cents(double usd) {
    return Price.parse(java.math.BigDecimal.valueOf((long) Math.floor(usd * 100)).movePointLeft(2).toPlainString(), "price");
  }

  /** One round of every bot: each decides on one consistent view, then acts. */
  void cycle() {
    run(this::maker);
    run(this::arbitrageur);
    run(this::liquidator);
    run(this::oracleBots);
    run(this::keeper);
  }

  private void run(Function<Market, List<Command>> bot) {
    List<Command> commands = engine.query(m -> m.hasGenesis() ? bot.apply(m) : List.<Command>of()).join();
    List<CompletableFuture<?>> pending = new ArrayList<>();
    for (Command c : commands) {
      pending.add(engine.submit(c, null));
    }
    pending.forEach(CompletableFuture::join);
  }

  // ---- the maker ----------------------------------------------------------------------------

  static double fairPEth(Series s, double x, Instant now) {
    double years = (s.maturity().getEpochSecond() - now.getEpochSecond()) / (365.0 * 86_400);
    if (years <= 0) {
      return Math.min(1, s.strike().toDouble() / x);
    }
    return InverseOptions.pIndex(x, s.strike().toDouble(), years, Market.VOL) / x;
  }

  static String ethPrice(double v, Rounding r) {
    double scaled = r == Rounding.UP ? Math.ceil(v * 1e6) : Math.floor(v * 1e6);
    return java.math.BigDecimal.valueOf((long) Math.max(1, scaled)).movePointLeft(6).toPlainString();
  }

  private List<Command> maker(Market m) {
    List<Command> out = new ArrayList<>();
    double x = m.spot().orElseThrow().toDouble();
    Instant now = m.now();
    for (Series s : m.ledger().allSeries().values()) {
      boolean live = s.maturity().isAfter(now.plusSeconds(86_400));
      double fp = fairPEth(s, x, now);
      for (Leg leg : List.of(Leg.P, Leg.N)) {
        Token t = s.token(leg);
        OrderBook ob = m.books().get(t);
        if (ob == null) {
          continue;
        }
        double fair = leg == Leg.P ? fp : 1 - fp;
        Double quoted = quotedFair.get(t);
        List<OrderBook.OrderView> mine = ob.openOrders().stream().filter(o -> o.owner().equals(MAKER)).toList();
        boolean stale = quoted == null || Math.abs(fair - quoted) > MAKER_HALF_SPREAD / 2 * Math.max(fair, 1e-3)
            || mine.size() < 2;
        if (!live || fair < 0.002 || stale) {
          for (OrderBook.OrderView o : mine) {
            out.add(new Command.CancelOrder(MAKER.name(), s.id().hex(), leg.name(), o.id()));
          }
          quotedFair.remove(t);
        }
        if (live && fair >= 0.002 && stale) {
          Amount size = Amount.of(MAKER_SIZE);
          Amount have = m.book().balanceOf(MAKER, t);
          if (have.isLessThan(size.plus(size))) {
            out.add(new Command.Split(MAKER.name(), s.id().hex(), "50"));
          }
          out.add(new Command.PlaceOrder(MAKER.name(), s.id().hex(), leg.name(), "BUY",
              ethPrice(fair * (1 - MAKER_HALF_SPREAD), Rounding.DOWN), MAKER_SIZE, "GTC"));
          out.add(new Command.PlaceOrder(MAKER.name(), s.id().hex(), leg.name(), "SELL",
              ethPrice(fair * (1 + MAKER_HALF_SPREAD), Rounding.UP), MAKER_SIZE, "GTC"));
          quotedFair.put(t, fair);
        }
      }
    }
    return out;
  }

  // ---- the arbitrageur ----------------------------------------------------------------------

  private List<Command> arbitrageur(Market m) {
    List<Command> out = new ArrayList<>();
    double x = m.spot().orElseThrow().toDouble();
    Instant now = m.now();
    for (Series s : m.ledger().allSeries().values()) {
      OrderBook p = m.books().get(s.pToken());
      OrderBook n = m.books().get(s.nToken());
      if (p == null || n == null || m.ledger().settlement(s.id()).isPresent()) {
        continue;
      }
      Optional<Price> pb = p.bestBid();
      Optional<Price> nb = n.bestBid();
      if (pb.isPresent() && nb.isPresent() && pb.get().toDouble() + nb.get().toDouble() > 1.001) {
        String q = "1";
        out.add(new Command.Split(ARB.name(), s.id().hex(), q));
        out.add(new Command.PlaceOrder(ARB.name(), s.id().hex(), "P", "SELL", pb.get().toString(), q, "IOC"));
        out.add(new Command.PlaceOrder(ARB.name(), s.id().hex(), "N", "SELL", nb.get().toString(), q, "IOC"));
      }
      Optional<Price> pa = p.bestAsk();
      Optional<Price> na = n.bestAsk();
      if (pa.isPresent() && na.isPresent() && pa.get().toDouble() + na.get().toDouble() < 0.999) {
        String q = "1";
        out.add(new Command.PlaceOrder(ARB.name(), s.id().hex(), "P", "BUY", pa.get().toString(), q, "IOC"));
        out.add(new Command.PlaceOrder(ARB.name(), s.id().hex(), "N", "BUY", na.get().toString(), q, "IOC"));
        out.add(new Command.Merge(ARB.name(), s.id().hex(), q));
      }
    }
    Marks marks = new Marks(m.ledger());
    for (RotationAuctionHouse.AuctionView a : m.auctions().auctions()) {
      if (a.status() != RotationAuctionHouse.Status.OPEN || !now.isBefore(a.end()) || a.seller().equals(ARB)) {
        continue;
      }
      double sellEth = fairEth(marks, a.sell(), m, x, now);
      double buyEth = fairEth(marks, a.buy(), m, x, now);
      if (Double.isNaN(sellEth) || Double.isNaN(buyEth) || buyEth <= 0) {
        continue;
      }
      Price priceNow = m.auctions().priceAt(a.id(), now);
      double fairRatio = sellEth / buyEth;
      if (priceNow.toDouble() > fairRatio) {
        continue; // not yet conceded to fair value
      }
      Amount cost = Amount.ofWei(Exact.mulDiv(a.remaining().wei(), priceNow.units(), Exact.WAD, Rounding.UP))
          .plus(Amount.ofWei(1_000_000));
      if (!a.buy().equals(Token.ETH)) {
        marks.legOf(a.buy()).ifPresent(l -> {
          Amount have = m.book().balanceOf(ARB, a.buy());
          if (have.isLessThan(cost)) {
            out.add(new Command.Split(ARB.name(), l.id().hex(), cost.minus(have).toString()));
          }
        });
      }
      out.add(new Command.TakeAuction(ARB.name(), a.id(), a.remaining().toString(), priceNow.toString()));
    }
    return out;
  }

  private static double fairEth(Marks marks, Token t, Market m, double x, Instant now) {
    if (t.equals(Token.ETH)) {
      return 1;
    }
    return marks.legOf(t).map(l -> {
      double p = fairPEth(l.series(), x, now);
      return l.leg() == Leg.P ? p : l.leg() == Leg.N ? 1 - p : Double.NaN;
    }).orElse(Double.NaN);
  }

  // ---- the liquidator -----------------------------------------------------------------------

  private List<Command> liquidator(Market m) {
    List<Command> out = new ArrayList<>();
    m.healthFactors().forEach((user, hf) -> {
      if (hf.compareTo(Exact.WAD) < 0 && out.size() < 50) {
        out.add(new Command.AaveLiquidate("bot:liquidator", user.name(), m.pool().debt(user, Market.USDC).toString()));
      }
    });
    return out;
  }

  // ---- the oracle's bots --------------------------------------------------------------------

  private List<Command> oracleBots(Market m) {
    List<Command> out = new ArrayList<>();
    Instant now = m.now();
    TokenVote vote = m.vote();
    for (Series s : m.ledger().allSeries().values()) {
      Optional<RequestState> st = m.requestState(s);
      Optional<Price> truth = m.priceAtMaturity(s.id());
      if (st.isEmpty() || truth.isEmpty()) {
        continue;
      }
      String id = s.id().hex();
      RequestKey key = SettlementPort.keyOf(s);
      switch (st.get()) {
        case REQUESTED -> {
          if (carelessDone.add(id) && rng.nextDouble() < CARELESS_PROBABILITY) {
            Price wrong = new Price(Exact.mulDiv(truth.get().units(), java.math.BigInteger.valueOf(3),
                java.math.BigInteger.TWO, Rounding.DOWN));
            out.add(new Command.Propose("bot:careless", id, wrong.toString()));
          } else {
            out.add(new Command.Propose("bot:proposer", id, truth.get().toString()));
          }
        }
        case PROPOSED -> {
          OptimisticOracle.Request req = m.oracle().get(key);
          OptimisticOracle.Round last = req.rounds().get(req.rounds().size() - 1);
          if (last.answer() instanceof Answer.Value v
              && Math.abs(v.x().toDouble() / truth.get().toDouble() - 1) > 0.01) {
            out.add(new Command.Dispute("bot:disputer", id));
          }
        }
        case DISPUTED -> {
          int round = vote.round(key);
          Instant start = vote.roundStart(key);
          Instant reveal = start.plus(vote.config().commitPhase());
          Instant end = reveal.plus(vote.config().revealPhase());
          for (String v : Market.VOTERS) {
            long salt = (id + "|" + round + "|" + v).hashCode();
            if (now.isBefore(reveal)) {
              String hash = TokenVote.commitment(key, round, AccountId.of(v), Answer.value(truth.get()), salt);
              if (!carelessDone.contains("commit|" + id + "|" + round + "|" + v)) {
                carelessDone.add("commit|" + id + "|" + round + "|" + v);
                out.add(new Command.VoteCommit(v, id, hash));
              }
            } else if (now.isBefore(end)) {
              if (carelessDone.add("reveal|" + id + "|" + round + "|" + v)) {
                out.add(new Command.VoteReveal(v, id, truth.get().toString(), salt));
              }
            }
          }
          if (!now.isBefore(end) && carelessDone.add("resolve|" + id + "|" + round)) {
            out.add(new Command.VoteResolve("bot:keeper", id));
          }
        }
        default -> {
          if (st.get().isFinal() && m.ledger().settlement(s.id()).isEmpty()) {
            out.add(new Command.Settle("bot:keeper", id));
          }
        }
      }
    }
    return out;
  }

  // ---- the keeper ---------------------------------------------------------------------------

  private List<Command> keeper(Market m) {
    List<Command> out = new ArrayList<>();
    Instant now = m.now();
    m.vault().ifPresent(v -> {
      boolean redeemable = v.heldSeries().stream().anyMatch(id -> {
        Series s = m.ledger().series(id).orElseThrow();
        return !now.isBefore(s.maturity()) && m.requestState(s).map(RequestState::isFinal).orElse(false);
      });
      if (redeemable || v.rollDecision(now).rolls()) {
        out.add(new Command.VaultRoll("bot:keeper"));
      }
    });
    for (RotationAuctionHouse.AuctionView a : m.auctions().auctions()) {
      if (a.status() == RotationAuctionHouse.Status.OPEN && !now.isBefore(a.end())) {
        out.add(new Command.ExpireAuction("bot:keeper", a.id()));
      }
    }
    return out;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
