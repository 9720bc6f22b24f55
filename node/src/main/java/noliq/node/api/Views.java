package noliq.node.api;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import noliq.market.auction.RotationAuctionHouse;
import noliq.market.book.OrderBook;
import noliq.math.Amount;
import noliq.math.Exact;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.node.engine.Market;
import noliq.options.Leg;
import noliq.options.Series;
import noliq.options.SeriesId;
import noliq.oracle.SettlementPort;
import noliq.oracle.optimistic.OptimisticOracle;
import noliq.pricing.InverseOptions;
import noliq.wrapper.vault.NavReport;
import noliq.wrapper.vault.WrapperVault;

/**
 * What the API and the page show, read from the market on the writer thread (so each view is one
 * consistent moment) and returned as plain maps and lists for JSON.
 */
public final class Views {
  private Views() {}

  public static Map<String, Object> status(Market m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("seq", m.seq());
    out.put("time", m.now());
    out.put("price", m.spot().orElse(null));
    out.put("genesis", m.hasGenesis());
    out.put("series", m.ledger().allSeries().size());
    return out;
  }

  /** The series ladder: every listed series with its best prices (ETH per unit) and fair values. */
  public static List<Map<String, Object>> series(Market m) {
    List<Map<String, Object>> out = new ArrayList<>();
    double x = m.spot().map(Price::toDouble).orElse(Double.NaN);
    for (Series s : m.ledger().allSeries().values()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("id", s.id().hex());
      r.put("strike", s.strike());
      r.put("maturity", s.maturity());
      double years = Math.max(0, (s.maturity().getEpochSecond() - m.now().getEpochSecond()) / (365.0 * 86_400));
      double pFairEth = years > 0 ? InverseOptions.pIndex(x, s.strike().toDouble(), years, Market.VOL) / x
          : Math.min(1, s.strike().toDouble() / x);
      r.put("pFairEth", round(pFairEth));
      r.put("nFairEth", round(1 - pFairEth));
      for (Leg leg : List.of(Leg.P, Leg.N)) {
        OrderBook ob = m.books().get(s.token(leg));
        String k = leg.name().toLowerCase();
        r.put(k + "Bid", ob == null ? null : ob.bestBid().orElse(null));
        r.put(k + "Ask", ob == null ? null : ob.bestAsk().orElse(null));
      }
      r.put("pSupply", m.book().totalSupply(s.pToken()));
      r.put("settled", m.ledger().settlement(s.id()).map(st -> st.pPerUnit().toString()).orElse(null));
      r.put("oracle", m.requestState(s).map(Enum::name).orElse(null));
      out.add(r);
    }
    return out;
  }

  static double round(double v) {
    return Double.isFinite(v) ? Math.round(v * 1e6) / 1e6 : v;
  }

  /** The depth of one leg's book, best first on each side. */
  public static Map<String, Object> book(Market m, Token leg) {
    OrderBook ob = m.books().get(leg);
    if (ob == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("book", ob.name());
    out.put("quote", "ETH");
    out.put("bids", ob.levels(OrderBook.Side.BUY));
    out.put("asks", ob.levels(OrderBook.Side.SELL));
    return out;
  }

  /** Every auction, with its timeline (start, end, the price now). */
  public static List<Map<String, Object>> auctions(Market m) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (RotationAuctionHouse.AuctionView a : m.auctions().auctions()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("id", a.id());
      r.put("seller", a.seller());
      r.put("sell", a.sell());
      r.put("buy", a.buy());
      r.put("lot", a.lot());
      r.put("remaining", a.remaining());
      r.put("proceeds", a.proceeds());
      r.put("status", a.status().name());
      r.put("start", a.start());
      r.put("end", a.end());
      r.put("fairPrice", a.terms().fairPrice());
      r.put("maxEdgePips", a.terms().maxEdgePips());
      boolean live = a.status() == RotationAuctionHouse.Status.OPEN && m.now().isBefore(a.end());
      r.put("priceNow", live ? m.auctions().priceAt(a.id(), m.now()) : null);
      out.add(r);
    }
    return out;
  }

  /** Every settlement request, with its rounds and timeline. */
  public static List<Map<String, Object>> oracle(Market m) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Series s : m.ledger().allSeries().values()) {
      if (m.requestState(s).isEmpty()) {
        continue;
      }
      OptimisticOracle.Request req = m.oracle().get(SettlementPort.keyOf(s));
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("series", s.id().hex());
      r.put("strike", s.strike());
      r.put("maturity", s.maturity());
      r.put("requestedAt", req.requestedAt());
      r.put("state", m.requestState(s).get().name());
      r.put("priceAtMaturity", m.priceAtMaturity(s.id()).orElse(null));
      List<Map<String, Object>> rounds = new ArrayList<>();
      for (OptimisticOracle.Round round : req.rounds()) {
        Map<String, Object> rr = new LinkedHashMap<>();
        rr.put("proposer", round.proposer());
        rr.put("answer", round.answer().toString());
        rr.put("proposedAt", round.proposedAt());
        rr.put("expiresAt", round.expiresAt());
        rr.put("round", round.toString());
        rounds.add(rr);
      }
      r.put("rounds", rounds);
      r.put("voteRound", safeRound(m, s));
      r.put("settled", m.ledger().settlement(s.id()).isPresent());
      out.add(r);
    }
    return out;
  }

  private static Object safeRound(Market m, Series s) {
    try {
      return Map.of("round", m.vote().round(SettlementPort.keyOf(s)),
          "roundStart", m.vote().roundStart(SettlementPort.keyOf(s)));
    } catch (RuntimeException notEscalated) {
      return null;
    }
  }

  /** The vault: its holdings, NAV and the chart of NAV per share against its USD target. */
  public static Map<String, Object> vault(Market m) {
    Map<String, Object> out = new LinkedHashMap<>();
    WrapperVault v = m.vault().orElse(null);
    if (v == null || m.spot().isEmpty()) {
      return out;
    }
    out.put("policy", v.config().policy().name());
    out.put("mechanism", v.config().mechanism().name());
    out.put("current", v.current().map(p -> Map.of("strike", p.strike(), "maturity", p.maturity(),
        "entrySpot", p.entrySpot())).orElse(null));
    out.put("shares", v.totalShares());
    NavReport nav = v.nav(m.now());
    out.put("navUsd", nav.intrinsic());
    out.put("markUsd", nav.modelMark());
    out.put("navPerShareUsd", nav.intrinsicPerShare());
    out.put("rollDecision", v.rollDecision(m.now()).reason());
    out.put("history", m.navHistory());
    return out;
  }

  /** The Aave pool beside the vault: totals and the health-factor distribution of its borrowers. */
  public static Map<String, Object> pool(Market m) {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<AccountId, BigInteger> hf = m.healthFactors();
    String[] labels = {"<1", "1-1.1", "1.1-1.25", "1.25-1.5", "1.5-2", "2-3", ">=3"};
    double[] edges = {1, 1.1, 1.25, 1.5, 2, 3};
    int[] counts = new int[labels.length];
    for (BigInteger h : hf.values()) {
      double v = new Amount(h.min(Exact.MAX)).toDouble();
      int i = 0;
      while (i < edges.length && v >= edges[i]) {
        i++;
      }
      counts[i]++;
    }
    List<Map<String, Object>> buckets = new ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      buckets.add(Map.of("healthFactor", labels[i], "borrowers", counts[i]));
    }
    out.put("borrowers", hf.size());
    out.put("distribution", buckets);
    out.put("totalDebtUsdc", m.pool().totalDebt(Market.USDC));
    out.put("totalCollateralEth", m.pool().totalSupplied(Token.ETH));
    out.put("deficitUsdc", m.pool().deficit(Market.USDC));
    return out;
  }

  /** One account: its balances, open orders, auctions, vault shares and pool position. */
  public static Map<String, Object> account(Market m, String name) {
    AccountId a = AccountId.of(name);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("account", name);
    Map<String, Object> balances = new TreeMap<>();
    m.book().balancesOf(a).forEach((t, v) -> balances.put(t.symbol(), v));
    out.put("balances", balances);
    List<Map<String, Object>> orders = new ArrayList<>();
    m.books().forEach((t, ob) -> ob.openOrders().stream().filter(o -> o.owner().equals(a)).forEach(o -> {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("book", t.symbol());
      r.put("id", o.id());
      r.put("side", o.side().name());
      r.put("limit", o.limit());
      r.put("amount", o.amount());
      r.put("remaining", o.remaining());
      orders.add(r);
    }));
    out.put("orders", orders);
    out.put("auctions", m.auctions().auctions().stream().filter(x -> x.seller().equals(a))
        .map(x -> Map.of("id", x.id(), "status", x.status().name(), "remaining", x.remaining())).toList());
    m.vault().ifPresent(v -> out.put("vaultShares", v.sharesOf(a)));
    out.put("poolCollateralEth", m.pool().supplied(a, Token.ETH));
    out.put("poolDebtUsdc", m.pool().debt(a, Market.USDC));
    return out;
  }

  /** The series id of a leg token such as {@code P:<id>}. */
  static SeriesId seriesOf(Token t) {
    return new SeriesId(t.symbol().substring(2));
  }

  static Instant now(Market m) {
    return m.now();
  }
}
