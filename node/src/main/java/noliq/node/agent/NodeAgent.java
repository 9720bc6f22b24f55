package noliq.node.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.node.engine.Market;
import noliq.options.Series;
import noliq.wrapper.agent.AgentConfig;
import noliq.wrapper.agent.AgentDecision;
import noliq.wrapper.agent.LocalAgent;
import noliq.wrapper.policy.Position;
import noliq.wrapper.policy.RollDecision;
import noliq.wrapper.port.Mechanism;
import noliq.wrapper.port.PriceView;
import noliq.wrapper.port.VolFeed;

/**
 * The holder's private agent trading through a node's API: the same {@link LocalAgent} decision
 * (policy, private median, random moment within its window) the lab measures, executed as API
 * calls. A roll by resting orders sells the held P at the best bid and buys the target P at the
 * best ask for the USD target's worth (what does not fill rests, GTC); a roll by auction starts a
 * rotation auction of the held P for the target P at the fair ratio, conceding up to 2% over its
 * deadline. A held series that matures unrolled is redeemed once settled. Time is the node's: a
 * node replaying history at speed gives the agent the same accelerated clock.
 */
public final class NodeAgent {
  static final long AUCTION_EDGE_PIPS = 20_000;

  private final NodeClient node;
  private final AgentConfig config;
  private final VolFeed volFeed;
  private final double targetUsd;
  private final RandomGenerator rng;
  private final Consumer<Map<String, Object>> log;
  private final String run;
  private Position held;
  private AgentDecision pending;
  private Instant nextCheck;
  private long requests;

  /** {@code volFeed}: the surface the agent values its P on (the node publishes none: its user states it). */
  public NodeAgent(NodeClient node, AgentConfig config, VolFeed volFeed, double targetUsd, RandomGenerator rng,
      Consumer<Map<String, Object>> log) {
    if (!(targetUsd > 0) || targetUsd > 1e9) {
      throw new noliq.math.RuleViolation("--target-usd", "must be in (0, 1e9] (was " + targetUsd + ")");
    }
    this.node = node;
    this.config = config;
    this.volFeed = volFeed;
    this.targetUsd = targetUsd;
    this.rng = rng;
    this.log = log;
    this.run = Long.toHexString(rng.nextLong());
  }

  public Optional<Position> held() {
    return Optional.ofNullable(held);
  }

  /** One look at the node: redeem a settled series, trade a due roll whose moment came, or check. */
  public void step() {
    JsonNode status = node.get("/api/status");
    Instant now = Instant.parse(status.get("time").asText());
    double x = status.get("price").asDouble();
    if (held != null && !now.isBefore(held.maturity())) {
      redeemIfSettled(now);
      return;
    }
    PriceView view = new PriceView() {
      @Override
      public List<String> sources() {
        return List.of("node");
      }

      @Override
      public Optional<Price> read(int index) {
        return Optional.of(Price.parse(status.get("price").asText(), "price"));
      }
    };
    LocalAgent agent = new LocalAgent(config, volFeed, noliq.math.book.AccountId.of("me"), Market.INDEX, Optional.ofNullable(held));
    if (pending != null && !now.isBefore(pending.tradeAt().orElseThrow())) {
      AgentDecision fresh = agent.decide(now, view, rng);
      pending = null;
      nextCheck = fresh.nextCheck();
      logDecision(fresh);
      if (fresh.decision().orElse(null) instanceof RollDecision.Roll roll) {
        execute(roll, x, now);
      }
    } else if (pending == null && (nextCheck == null || !now.isBefore(nextCheck))) {
      AgentDecision d = agent.decide(now, view, rng);
      nextCheck = d.nextCheck();
      logDecision(d);
      if (d.rolls()) {
        pending = d;
      }
    }
  }

  private void logDecision(AgentDecision d) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("at", d.at().toString());
    r.put("event", d.rolls() ? "roll-due" : "hold");
    r.put("median", d.reading().median().map(Price::toString).orElse(null));
    r.put("tradeAt", d.tradeAt().map(Instant::toString).orElse(null));
    r.put("why", d.why());
    log.accept(r);
  }

  private JsonNode row(String seriesId) {
    for (JsonNode r : node.get("/api/series")) {
      if (r.get("id").asText().equals(seriesId)) {
        return r;
      }
    }
    throw new IllegalStateException("series " + seriesId + " is not listed on the node");
  }

  private Amount balance(String token) {
    JsonNode b = node.get("/api/me").get("balances").get(token);
    return b == null ? Amount.ZERO : Amount.of(b.asText());
  }

  private String idem(String what) {
    return "agent-" + run + "-" + (++requests) + "-" + what;
  }

  private void execute(RollDecision.Roll roll, double x, Instant now) {
    Series next = roll.to().series(Market.INDEX);
    node.post("/api/series", Map.of("strike", next.strike().toString(), "maturity", next.maturity().toString()),
        idem("list"));
    String to = next.id().hex();
    Optional<Series> from = Optional.ofNullable(held).map(p -> Series.pn(Market.INDEX, p.strike(), p.maturity()));
    Amount heldP = from.map(s -> balance(s.pToken().symbol())).orElse(Amount.ZERO);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("at", now.toString());
    r.put("event", "trade");
    r.put("mechanism", config.mechanism().name());
    r.put("x", x);
    r.put("from", from.map(s -> s.id().hex()).orElse(null));
    r.put("to", to);
    if (config.mechanism() == Mechanism.DUTCH_AUCTION && heldP.isPositive()) {
      JsonNode a = row(from.get().id().hex());
      JsonNode b = row(to);
      double ratio = a.get("pFairEth").asDouble() / b.get("pFairEth").asDouble();
      JsonNode started = node.post("/api/auctions", Map.of("sell", from.get().pToken().symbol(),
          "buy", next.pToken().symbol(), "lot", heldP.toString(), "fairPrice", decimal(ratio, 9, RoundingMode.UP),
          "maxEdgePips", AUCTION_EDGE_PIPS, "rampSeconds", Math.max(60, config.deadline().toSeconds())), idem("auction"));
      r.put("auction", started.path("result").path("auctionId").asLong());
      r.put("lot", heldP.toString());
    } else {
      if (heldP.isPositive()) {
        JsonNode a = row(from.get().id().hex());
        double bid = a.path("pBid").isNull() ? a.get("pFairEth").asDouble() * 0.98 : a.get("pBid").asDouble();
        node.post("/api/orders", Map.of("series", from.get().id().hex(), "leg", "P", "side", "SELL",
            "limit", decimal(bid, 6, RoundingMode.DOWN), "amount", heldP.toString(), "tif", "GTC"), idem("sell"));
        r.put("sold", heldP.toString());
      }
      JsonNode b = row(to);
      double ask = b.path("pAsk").isNull() ? b.get("pFairEth").asDouble() * 1.02 : b.get("pAsk").asDouble();
      double wanted = targetUsd / Math.min(x, next.strike().toDouble());
      double have = balance(next.pToken().symbol()).toDouble();
      double eth = balance("ETH").toDouble();
      double units = Math.min(wanted - have, eth / ask * 0.999);
      if (units > 1e-6) {
        node.post("/api/orders", Map.of("series", to, "leg", "P", "side", "BUY", "limit", decimal(ask, 6, RoundingMode.UP),
            "amount", decimal(units, 6, RoundingMode.DOWN), "tif", "GTC"), idem("buy"));
        r.put("bought", decimal(units, 6, RoundingMode.DOWN));
      }
    }
    held = Position.opened(roll.to(), Price.parse(decimal(x, 2, RoundingMode.DOWN), "price"), now);
    log.accept(r);
  }

  private void redeemIfSettled(Instant now) {
    Series s = Series.pn(Market.INDEX, held.strike(), held.maturity());
    JsonNode r = row(s.id().hex());
    if (r.get("settled").isNull()) {
      return; // the oracle is still resolving
    }
    Amount p = balance(s.pToken().symbol());
    if (p.isPositive()) {
      node.post("/api/redeem", Map.of("series", s.id().hex(), "leg", "P", "amount", p.toString()), idem("redeem"));
    }
    held = null;
    pending = null;
    nextCheck = null;
    log.accept(Map.of("at", now.toString(), "event", "redeemed", "series", s.id().hex(), "p", p.toString()));
  }

  static String decimal(double v, int places, RoundingMode mode) {
    return new BigDecimal(v).setScale(places, mode).stripTrailingZeros().toPlainString();
  }
}
