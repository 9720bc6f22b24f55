package noliq.node;

import java.time.Instant;
import java.util.Optional;
import noliq.node.api.Api;
import noliq.node.bots.Bots;
import noliq.node.engine.Command;
import noliq.node.engine.Engine;
import noliq.node.engine.NodeClock;
import noliq.node.engine.Outcome;
import noliq.node.feed.LoopbackSource;
import noliq.node.feed.OhlcReplay;
import noliq.node.feed.PriceSource;

/**
 * A running node: the engine (journal replayed on start), the HTTP API and page, the price feed and
 * the bots. A fresh journal starts with the first price and the genesis entry (its seed, the vault's
 * policy and the borrower count), so the whole market, demo population included, is in the journal.
 */
public final class Node implements AutoCloseable {
  private final NodeConfig config;
  private final Engine engine;
  private final Api api;
  private final Bots bots;
  private final PriceSource source;
  private final boolean stepped;

  private Node(NodeConfig config, boolean stepped) {
    this.config = config;
    this.stepped = stepped;
    this.source = source(config);
    Instant origin = Optional.ofNullable(config.from()).or(source::start).orElseGet(Instant::now);
    this.engine = Engine.start(config.dataDir(), config.fsync(),
        stepped ? NodeClock.manual(origin) : new NodeClock(origin, config.speed()));
    if (engine.startSeq() == 0) {
      double first = source.priceAt(origin).orElse(config.startPrice());
      require(engine.submit(new Command.Tick("system", Bots.cents(first).toString()), null).join());
      require(engine.submit(new Command.Genesis("system", config.seed(), config.vaultPolicy(), config.borrowers()), null)
          .join());
    }
    this.api = new Api(engine, config.host(), config.port(), config.ratePerSecond(), config.corsOrigin());
    if (config.speed() > 1 || stepped) {
      // an accelerated (or stepped) clock starts when the node serves, from where the journal stands
      engine.clock().rebase(engine.query(m -> m.now()).join());
    }
    this.bots = new Bots(engine, config.seed());
    if (!stepped) {
      bots.startFeed(source, config.tickMillis());
      if (config.bots()) {
        bots.startBots(config.botMillis());
      }
    }
  }

  private static void require(Outcome o) {
    if (!o.accepted()) {
      throw new IllegalStateException("the node could not start its market: " + o.field() + ": " + o.rule());
    }
  }

  private static PriceSource source(NodeConfig c) {
    if (c.prices() != null) {
      OhlcReplay r = OhlcReplay.read(c.prices());
      if (c.from() != null || c.to() != null) {
        r = r.window(c.from() == null ? r.start().orElseThrow() : c.from(), c.to() == null ? r.end() : c.to());
      }
      return r;
    }
    if (c.priceUrl() != null) {
      return new LoopbackSource(c.priceUrl());
    }
    double p = c.startPrice();
    return new PriceSource() {
      @Override
      public Optional<Double> priceAt(Instant t) {
        return Optional.of(p);
      }

      @Override
      public String describe() {
        return "a constant demo price of " + p;
      }
    };
  }

  public static Node start(NodeConfig config) {
    return new Node(config, false);
  }

  /**
   * A node on a {@link NodeClock#manual manual} clock: no scheduler runs its feed or bots, and its
   * market time moves only by {@link #step}. Its API serves as usual. The same run whatever the
   * machine's speed or load: what a deterministic end-to-end test needs ({@code speed}, {@code tickMillis}
   * and {@code botMillis} are not used).
   */
  public static Node stepped(NodeConfig config) {
    return new Node(config, true);
  }

  /**
   * A stepped node's next step: its clock moves by {@code d}, then the feed ticks at the new time and,
   * when {@code runBots} (and the config has bots), every bot runs one round; all of it journaled and
   * applied before this returns, on the caller's thread (a bot's failure is thrown, not recorded).
   */
  public void step(java.time.Duration d, boolean runBots) {
    if (!stepped) {
      throw new IllegalStateException("only a stepped node is stepped; this one runs on its clock");
    }
    engine.clock().advance(d);
    bots.feedOnce(source);
    if (runBots && config.bots()) {
      bots.cycleOnce();
    }
  }

  public String url() {
    String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    return "http://" + host + ":" + api.port() + "/";
  }

  public Engine engine() {
    return engine;
  }

  public Api api() {
    return api;
  }

  public Bots bots() {
    return bots;
  }

  public String describe() {
    return "noliq node at " + url() + " | journal " + engine.journalFile() + " (fsync " + config.fsync()
        + ", " + (engine.snapshotSeq() > 0 ? "snapshot at entry " + engine.snapshotSeq() + " + " : "") + "replayed "
        + engine.replayed() + " entries in " + engine.replayMillis() + " ms"
        + (engine.ignoredSnapshots().isEmpty() ? "" : "; ignored " + String.join("; ", engine.ignoredSnapshots()))
        + ") | price: "
        + source.describe() + (stepped ? " | clock stepped by hand" : " | clock x" + config.speed()) + " | bots " + (config.bots() ? "on" : "off");
  }

  @Override
  public void close() {
    bots.close();
    api.close();
    engine.close();
  }
}
