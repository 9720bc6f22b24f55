package noliq.node.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGeneratorFactory;
import noliq.market.book.OrderBook;
import noliq.math.Amount;
import noliq.math.Rounding;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.node.Http;
import noliq.node.Node;
import noliq.node.NodeConfig;
import noliq.node.engine.Entry;
import noliq.node.engine.Journal;
import noliq.node.engine.Market;
import noliq.options.Series;
import noliq.wrapper.agent.AgentConfig;
import noliq.wrapper.policy.Observation;
import noliq.wrapper.vault.Marks;
import noliq.wrapper.policy.Policies;
import noliq.wrapper.port.Mechanism;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The holder's agent trading through a live node that replays the May 2021 crash (ETH 3,400 to an
 * intrabar 1,900 on 19 May) from the shipped hourly history: its P, at model mark, stays within
 * its band of the USD target the whole way, it rolls at least once, and no P of it ever leaves
 * except by its own decision (an audit over the node's journal).
 *
 * <p>The node runs on a stepped clock: the test moves market time by {@value #STEP_MINUTES} minutes a
 * step, the feed ticks and (every {@value #BOT_EVERY} steps) the bots run, then the agent takes its look,
 * each waiting for the last. The same cadence the node had at 12,000 times the wall clock (a tick each
 * 50 ms, bots each 150 ms, the agent each 40 ms or more), without its dependence on how fast the
 * machine is: a loaded machine used to let the crash run ahead of the agent's looks. The run is the
 * same every time.
 */
class AgentEndToEndTest {
  static final Instant FROM = Instant.parse("2021-05-18T00:00:00Z");
  static final Instant TO = Instant.parse("2021-05-24T00:00:00Z");
  static final double TARGET_USD = 10_000;
  /**
   * The band, from the policy's own rule: it holds P deep in the money and rolls once the price falls
   * under 1.5 strikes, checking every few hours, so a fast crash can take the price close to the strike
   * before the roll. At the strike a 28-day P at 80% volatility is marked 8.8% under it (Black–Scholes,
   * ETH numeraire), the furthest its mark falls while the price stays above the strike; under the strike
   * its value at settlement falls too. A band of 10% holds the first and catches the second.
   */
  static final double BAND = 0.10;
  /** Market minutes a step; the feed ticks every step. */
  static final int STEP_MINUTES = 10;
  /** The bots run every this many steps (every 30 market minutes). */
  static final int BOT_EVERY = 3;

  @TempDir Path dir;

  static Path history() {
    String data = System.getProperty("noliq.data", "../shared/data");
    for (Path p : List.of(Path.of(data, "redistributable", "eth_usdt_1h_2017-2025.csv"),
        Path.of("..", "data", "eth_usdt_1h_2017-2025.csv"), Path.of(data, "eth_usdt_1h.csv"))) {
      if (Files.exists(p)) {
        return p;
      }
    }
    throw new IllegalStateException("the hourly ETH history is needed: give -Dnoliq.data (see data/README)");
  }

  @Test
  void theAgentsPStaysInItsBandThroughTheCrashWithNoForcedSale() throws Exception {
    NodeConfig cfg = NodeConfig.defaults(dir).withPort(0).withRate(10_000).withReplay(history(), FROM, TO, 1);
    cfg = new NodeConfig(cfg.dataDir(), cfg.host(), cfg.port(), cfg.fsync(), cfg.speed(), cfg.prices(), cfg.from(),
        cfg.to(), null, 2500, 3, "kyrrui-tracker", 100, cfg.ratePerSecond(), null, true, 50, 150);
    List<Double> deviations = new ArrayList<>();
    List<Map<String, Object>> log = new ArrayList<>();
    String account;
    double minX = Double.MAX_VALUE;
    int steps = 0;
    try (Node node = Node.stepped(cfg)) {
      Http http = new Http(node.url());
      var opened = http.post("/api/accounts", null, "{}");
      String key = opened.json().get("apiKey").asText();
      account = opened.json().get("account").asText();
      AgentConfig config = new AgentConfig(Policies.named("kyrrui-tracker"), 1, Duration.ofHours(2), Duration.ofHours(1),
          Mechanism.RESTING_ORDERS, Duration.ofHours(12));
      // the node marks at one flat vol: the agent values on the same surface
      NodeAgent agent = new NodeAgent(new NodeClient(node.url(), key), config,
          noliq.wrapper.port.VolFeed.constant(noliq.pricing.VolSurface.flat(Market.VOL)), TARGET_USD,
          RandomGeneratorFactory.of("L64X128MixRandom").create(17), log::add);
      Instant end = TO.minus(Duration.ofHours(2));
      // bounded: the window is 6 days, 864 steps of 10 minutes
      int maxSteps = (int) (Duration.between(FROM, TO).toMinutes() / STEP_MINUTES);
      while (node.engine().clock().now().isBefore(end) && steps < maxSteps) {
        node.step(Duration.ofMinutes(STEP_MINUTES), ++steps % BOT_EVERY == 0);
        agent.step();
        String who = account;
        double[] v = node.engine().query(m -> value(m, who)).join();
        minX = Math.min(minX, v[1]);
        if (v[0] > 0) {
          deviations.add(v[0] / TARGET_USD - 1);
        }
      }
      assertThat(node.engine().clock().now()).as("the run reached its end in %d steps", steps).isAfterOrEqualTo(end);
      long rolls = log.stream().filter(e -> "trade".equals(e.get("event")) && e.get("from") != null).count();
      System.out.printf("agent e2e: %d steps, %d samples, %d rolls, lowest tick %.2f, P mark / target - 1 in [%.4f, %.4f]%n",
          steps, deviations.size(), rolls, minX, deviations.stream().mapToDouble(d -> d).min().orElse(0),
          deviations.stream().mapToDouble(d -> d).max().orElse(0));
      log.forEach(e -> System.out.println("  agent: " + e));
      assertThat(minX).as("the replay went through the crash").isLessThan(2300);
      double entryX = log.stream().filter(e -> "trade".equals(e.get("event")) && e.get("from") == null)
          .map(e -> Double.parseDouble(String.valueOf(e.get("x")))).findFirst().orElse(0.0);
      assertThat(entryX).as("the agent entered before the crash").isGreaterThan(3000);
      assertThat(rolls).as("the agent rolled in the crash").isPositive();
      assertThat(deviations).isNotEmpty();
      assertThat(deviations).allSatisfy(d -> assertThat(Math.abs(d)).isLessThanOrEqualTo(BAND));
      assertThat(noForcedSale(Journal.readAll(node.engine().journalFile()), account)).isEmpty();
      // the vault beside it, rolled by the keeper bot through its Dutch auction
      var vault = node.engine().query(m -> {
        var h = m.navHistory();
        return List.of(h.get(0).spot().toDouble(), m.vault().orElseThrow().current().orElseThrow().strike().toDouble(),
            h.get(h.size() - 1).navPerShareUsd() / h.get(h.size() - 1).targetUsd() - 1,
            h.stream().mapToDouble(p -> p.markPerShareUsd() / p.targetUsd() - 1).min().orElseThrow());
      }).join();
      System.out.printf("vault: entered at x = %.2f, now holds strike %.2f; NAV / target - 1 at the end %.4f, lowest mark %.4f%n",
          vault.get(0), vault.get(1), vault.get(2), vault.get(3));
      assertThat(vault.get(1)).as("the vault rolled down in the crash").isLessThan(vault.get(0) * 0.5 - 1);
    }
  }

  /**
   * The account's P at its model mark in USD (Black–Scholes in the ETH numeraire at the node's
   * volatility, settled legs at their payout), and the price. The mark, not the intrinsic value:
   * a P whose strike the price approaches loses mark value well before the price crosses it, so the
   * band has teeth even when the price stays above the strike.
   */
  static double[] value(Market m, String account) {
    Marks marks = new Marks(m.ledger());
    Observation obs = m.observe(m.now());
    double usd = 0;
    for (Series s : m.ledger().allSeries().values()) {
      Amount p = m.book().balanceOf(AccountId.of(account), s.pToken());
      if (p.isPositive()) {
        usd += marks.mark(s.pToken(), p, obs, Rounding.DOWN).toDouble();
      }
    }
    return new double[] {usd, obs.spot().toDouble()};
  }

  /**
   * Folds the journal and lists every entry by another account that took P from {@code account}
   * while it had no resting sell order that could have been matched: a forced sale.
   */
  static List<Long> noForcedSale(List<Entry> journal, String account) {
    Market m = new Market();
    AccountId who = AccountId.of(account);
    List<Long> forced = new ArrayList<>();
    for (Entry e : journal) {
      double before = pHeld(m, who);
      boolean resting = m.books().values().stream().anyMatch(ob -> ob.openOrders().stream()
          .anyMatch(o -> o.owner().equals(who) && o.side() == OrderBook.Side.SELL));
      m.apply(e);
      double after = pHeld(m, who);
      if (after < before - 1e-12 && !e.cmd().account().equals(account) && !resting) {
        forced.add(e.seq());
      }
    }
    return forced;
  }

  static double pHeld(Market m, AccountId who) {
    double sum = 0;
    for (Map.Entry<Token, Amount> b : m.book().balancesOf(who).entrySet()) {
      if (b.getKey().symbol().startsWith("P:")) {
        sum += b.getValue().toDouble();
      }
    }
    return sum;
  }
}
