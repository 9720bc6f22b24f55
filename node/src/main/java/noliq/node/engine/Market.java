package noliq.node.engine;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import noliq.debt.aave.AccountData;
import noliq.debt.aave.Pool;
import noliq.debt.aave.ReserveConfig;
import noliq.market.auction.AuctionTerms;
import noliq.market.auction.RotationAuctionHouse;
import noliq.market.book.OrderBook;
import noliq.market.roll.RollAssumptions;
import noliq.math.Amount;
import noliq.math.Exact;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.RuleViolation;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import noliq.options.IndexId;
import noliq.options.Leg;
import noliq.options.OptionsLedger;
import noliq.options.Series;
import noliq.options.SeriesId;
import noliq.oracle.Answer;
import noliq.oracle.RequestKey;
import noliq.oracle.SettlementPort;
import noliq.oracle.optimistic.OptimisticConfig;
import noliq.oracle.optimistic.OptimisticOracle;
import noliq.oracle.optimistic.RequestState;
import noliq.oracle.vote.TokenVote;
import noliq.oracle.vote.VoteConfig;
import noliq.wrapper.policy.Observation;
import noliq.wrapper.policy.Policies;
import noliq.wrapper.policy.RollDecision;
import noliq.wrapper.vault.NavReport;
import noliq.wrapper.vault.VaultConfig;
import noliq.wrapper.vault.WrapperVault;
import noliq.wrapper.venue.AuctionVenue;
import noliq.wrapper.venue.MarketDesk;

/**
 * The market's whole state: the protocol objects the lab measures, sharing one {@link TokenBook}:
 * the options ledger settling through the optimistic oracle and its token vote, an order book per
 * leg of every listed series (priced in ETH), the rotation auction house, the wrapper vault (rolling
 * by Dutch auction through the same {@link MarketDesk} the lab uses) and an Aave v3.3 pool beside it.
 *
 * <p>It changes only by {@link #apply(Entry)}, one journaled entry at a time, and reads time only from
 * the entry: the same journal always folds into the same state ({@link #digest()}). Not thread-safe:
 * only the engine's writer thread touches it.
 */
public final class Market {
  public static final Token USDC = new Token("USDC");
  public static final Token VOTE_TOKEN = new Token("UMA");
  public static final IndexId INDEX = IndexId.ETH_USD;
  /** What a new account gets, a test network's faucet: stated, so that anyone can try the market. */
  public static final Amount FAUCET_ETH = Amount.of(100);
  public static final Amount FAUCET_USDC = Amount.of(100_000);
  /** The optimistic oracle's bond and final fee (UMA's 750 + 250 USDC, as in the lab's slow oracle). */
  public static final Amount BOND = Amount.of(750);
  public static final Amount FINAL_FEE = Amount.of(250);
  /** The volatility the vault and the desk value P with (stated; the lab's roll studies vary it). */
  public static final double VOL = 0.8;
  /** Idempotency keys are remembered for this many keyed commands, oldest forgotten first. */
  public static final int IDEMPOTENCY_MEMORY = 100_000;
  /** Points of the vault NAV chart kept (one per tick, oldest dropped). */
  public static final int HISTORY = 2_000;
  public static final List<String> VOTERS = List.of("bot:voter-1", "bot:voter-2", "bot:voter-3");
  public static final Amount VOTER_STAKE = Amount.of(10_000);

  private final TokenBook book = new TokenBook();
  private final TokenVote vote = new TokenVote(book, VOTE_TOKEN, AccountId.of("vote:pool"),
      AccountId.of("vote:treasury"), VoteConfig.uma(Amount.of(15_000)));
  private final OptimisticOracle oracle = new OptimisticOracle(book, USDC, AccountId.of("oo:escrow"),
      AccountId.of("oo:store"), vote, OptimisticConfig.uma(BOND, FINAL_FEE));
  private final OptionsLedger ledger = new OptionsLedger(book, SettlementPort.halfHalf(oracle), new Ignore<>());
  private final RotationAuctionHouse auctions = new RotationAuctionHouse(book, "node");
  private final Map<Token, OrderBook> books = new LinkedHashMap<>();
  private final Pool pool = new Pool(book);
  private final Map<String, String> keyHashes = new TreeMap<>();
  private final Map<String, Outcome> idempotent = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Outcome> eldest) {
      return size() > IDEMPOTENCY_MEMORY;
    }
  };
  /** The first tick's price at or after each series' maturity: what an honest proposer reports. */
  private final Map<SeriesId, Price> priceAtMaturity = new TreeMap<>(new ByHex());
  private final ArrayDeque<NavPoint> navHistory = new ArrayDeque<>();
  private MarketDesk desk;
  private WrapperVault vault;
  private Price spot;
  private Instant now = Instant.EPOCH;
  private long seq;
  private boolean genesis;
  private int listedSeen;

  /**
   * One point of the vault chart: NAV per 10^offset shares (USD; intrinsic and model mark) against the
   * USD target, the NAV per share at the vault's first point: a wrapper that tracks its target keeps them level.
   */
  public record NavPoint(Instant at, Price spot, double navPerShareUsd, double markPerShareUsd, double targetUsd) {}

  // Named classes, not lambdas, wherever the market hands a function to a protocol object: a
  // snapshot writes the object graph, and a lambda's hidden class can be neither read nor written.

  /** The market's price, as the vault and the desk read it. */
  private record Feed(Market market) implements noliq.wrapper.port.SpotFeed {
    @Override
    public Observation observe(Instant t) {
      return market.observe(t);
    }
  }

  /** A listener that keeps nothing: the market's history is its journal. */
  private record Ignore<T>() implements java.util.function.Consumer<T> {
    @Override
    public void accept(T event) {
      // nothing to keep
    }
  }

  /** The node's makers see a calm market (the desk's own default, as a named class). */
  private record Calm() implements noliq.wrapper.port.MarketStress.Feed {
    @Override
    public noliq.wrapper.port.MarketStress observe(Instant t) {
      return noliq.wrapper.port.MarketStress.CALM;
    }
  }

  private record ByHex() implements java.util.Comparator<SeriesId> {
    @Override
    public int compare(SeriesId a, SeriesId b) {
      return a.hex().compareTo(b.hex());
    }
  }

  // ---- the fold ---------------------------------------------------------------------------

  /** Applies the next journaled entry. A refusal changes nothing and is part of the deterministic history. */
  public Outcome apply(Entry e) {
    if (e.seq() != seq + 1) {
      throw new IllegalStateException("journal out of order: expected entry " + (seq + 1) + ", got " + e.seq());
    }
    seq = e.seq();
    Instant at = Instant.ofEpochMilli(e.at());
    if (at.isAfter(now)) {
      now = at;
    }
    String idemKey = e.idem() == null ? null : e.cmd().account() + "|" + e.idem();
    if (idemKey != null) {
      Outcome earlier = idempotent.get(idemKey);
      if (earlier != null) {
        return earlier;
      }
    }
    Outcome out;
    try {
      Object result = book.atomically(() -> execute(e.cmd()));
      listNewBooks();
      out = Outcome.accepted(e, result);
    } catch (RuleViolation refused) {
      out = Outcome.refused(e, refused.field(), refused.rule());
    } catch (RuntimeException bug) {
      // Not a rule: a defect. The book's changes are rolled back; the refusal is as deterministic as
      // the command, so a replay meets it again the same way instead of failing to start.
      out = Outcome.refused(e, "command", "could not be applied: " + bug);
    }
    if (idemKey != null) {
      idempotent.put(idemKey, out);
    }
    return out;
  }

  private Object execute(Command c) {
    if (!genesis && !(c instanceof Command.Genesis) && !(c instanceof Command.Tick)) {
      throw new RuleViolation("type", "the market has no genesis yet: it starts with a tick and genesis");
    }
    if (c instanceof Command.Genesis || c instanceof Command.Tick || c instanceof Command.OpenAccount) {
      if (!c.account().equals("system")) {
        throw new RuleViolation("account", "only the node itself may " + Outcome.typeOf(c));
      }
    }
    AccountId who = AccountId.of(c.account());
    return switch (c) {
      case Command.Genesis g -> genesis(g);
      case Command.Tick t -> tick(Price.parse(t.price(), "price"));
      case Command.OpenAccount o -> openAccount(o);
      case Command.ListSeries l -> {
        Series s = Series.pn(INDEX, Price.parse(l.strike(), "strike"), Instant.parse(l.maturity()));
        if (!s.maturity().isAfter(now)) {
          throw new RuleViolation("maturity", "must be after the market's time " + now);
        }
        yield Map.of("series", ledger.list(s).hex());
      }
      case Command.Split s -> ledger.split(who, series(s.series()).id(), Amount.parse(s.amount(), "amount"), now);
      case Command.Merge m -> ledger.merge(who, series(m.series()).id(), Amount.parse(m.amount(), "amount"), now);
      case Command.Redeem r -> ledger.redeem(who, series(r.series()).id(), Leg.valueOf(r.leg()),
          Amount.parse(r.amount(), "amount"), now);
      case Command.Settle s -> settle(series(s.series()));
      case Command.PlaceOrder p -> {
        OrderBook ob = bookOf(p.series(), p.leg());
        OrderBook.Placement placed = ob.place(who, OrderBook.Side.valueOf(p.side()), Price.parse(p.limit(), "limit"),
            Amount.parse(p.amount(), "amount"), OrderBook.TimeInForce.valueOf(p.tif() == null ? "GTC" : p.tif()), now);
        yield placed;
      }
      case Command.CancelOrder x -> bookOf(x.series(), x.leg()).cancel(who, x.order(), now);
      case Command.StartAuction a -> auctions.start(who, token(a.sell(), "sell"), Amount.parse(a.lot(), "lot"),
          token(a.buy(), "buy"), new AuctionTerms(Price.parse(a.fairPrice(), "fairPrice"), a.maxEdgePips(),
              Duration.ofSeconds(a.rampSeconds()), Duration.ofSeconds(a.rampSeconds())), now);
      case Command.TakeAuction t -> auctions.take(t.auction(), who, Amount.parse(t.lot(), "lot"),
          Price.parse(t.maxPrice(), "maxPrice"), now);
      case Command.CancelAuction x -> auctions.cancel(x.auction(), who, now);
      case Command.ExpireAuction x -> auctions.expire(x.auction(), now);
      case Command.Propose p -> oracle.propose(key(p.series()), who, Answer.value(Price.parse(p.value(), "value")), now);
      case Command.Dispute d -> oracle.dispute(key(d.series()), who, now);
      case Command.VoteCommit v -> vote.commit(key(v.series()), who, v.hash(), now);
      case Command.VoteReveal v -> vote.reveal(key(v.series()), who, Answer.value(Price.parse(v.value(), "value")),
          v.salt(), now);
      case Command.VoteResolve v -> vote.resolve(key(v.series()), now);
      case Command.VaultDeposit d -> vault.deposit(who, Amount.parse(d.amount(), "amount"), now);
      case Command.VaultWithdraw w -> vault.withdraw(who, Amount.parse(w.shares(), "shares"));
      case Command.VaultRoll r -> keeper();
      case Command.AaveSupply s -> pool.supply(who, aaveAsset(s.asset()), Amount.parse(s.amount(), "amount"));
      case Command.AaveBorrow b -> pool.borrow(who, aaveAsset(b.asset()), Amount.parse(b.amount(), "amount"));
      case Command.AaveRepay r -> pool.repay(who, who, aaveAsset(r.asset()), Amount.parse(r.amount(), "amount"));
      case Command.AaveLiquidate l -> pool.liquidate(who, AccountId.of(l.user()), Token.ETH, USDC,
          Amount.parse(l.debtToCover(), "debtToCover"), false);
    };
  }

  private Object genesis(Command.Genesis g) {
    if (genesis) {
      throw new RuleViolation("type", "the market already had its genesis");
    }
    if (spot == null) {
      throw new RuleViolation("price", "a tick must set the first price before genesis");
    }
    genesis = true;
    desk = new MarketDesk(ledger, new Feed(this), RollAssumptions.DEFAULTS);
    desk.setStress(new Calm());
    vault = new WrapperVault(VaultConfig.of("node", Policies.named(g.vaultPolicy())), ledger, new AuctionVenue(desk),
        new Feed(this), new Ignore<>());
    pool.listReserve(ReserveConfig.weth());
    pool.listReserve(ReserveConfig.usdc());
    pool.setPrice(USDC, Price.of(1));
    pool.setPrice(Token.ETH, spot);
    for (String v : VOTERS) {
      book.mint(VOTE_TOKEN, AccountId.of(v), VOTER_STAKE);
      vote.stake(AccountId.of(v), VOTER_STAKE, now);
    }
    // The demo borrowers: a seeded population of WETH-collateral, USDC-debt positions, with USDC
    // suppliers beside them, so that the liquidators have a book to watch.
    SplittableRandom rng = new SplittableRandom(g.seed());
    AccountId suppliers = AccountId.of("aave:suppliers");
    Amount supply = Amount.of(50_000_000L);
    book.mint(USDC, suppliers, supply);
    pool.supply(suppliers, USDC, supply);
    double x = spot.toDouble();
    for (int i = 0; i < g.borrowers(); i++) {
      AccountId u = AccountId.of("aave:borrower-" + i);
      double collateral = 1 + rng.nextDouble() * 49;
      double ltv = 0.40 + rng.nextDouble() * 0.39; // LTV cap 80%
      Amount coll = Amount.fromDouble(collateral, Rounding.DOWN);
      book.mint(Token.ETH, u, coll);
      pool.supply(u, Token.ETH, coll);
      pool.borrow(u, USDC, usdc(collateral * x * ltv));
    }
    faucet(AccountId.of("bot:liquidator"), Amount.of(10), Amount.of(5_000_000L));
    faucet(AccountId.of("bot:maker"), Amount.of(100_000), Amount.ZERO);
    faucet(AccountId.of("bot:arbitrageur"), Amount.of(10_000), Amount.ZERO);
    faucet(AccountId.of("bot:proposer"), Amount.ZERO, Amount.of(100_000));
    faucet(AccountId.of("bot:disputer"), Amount.ZERO, Amount.of(100_000));
    faucet(AccountId.of("bot:careless"), Amount.ZERO, Amount.of(100_000));
    faucet(AccountId.of("bot:vault-depositor"), Amount.of(1_000), Amount.ZERO);
    vault.deposit(AccountId.of("bot:vault-depositor"), Amount.of(500), now);
    recordNav();
    return Map.of("seed", g.seed(), "borrowers", g.borrowers(), "vaultPolicy", g.vaultPolicy());
  }

  private static Amount usdc(double usd) {
    BigInteger wei = Amount.fromDouble(usd, Rounding.DOWN).wei();
    BigInteger unit = BigInteger.TEN.pow(12);
    return Amount.ofWei(wei.divide(unit).multiply(unit));
  }

  private Object tick(Price price) {
    spot = price;
    if (!genesis) {
      return Map.of("price", price);
    }
    pool.setPrice(Token.ETH, price);
    int listed = 0;
    for (ListingRule.Listing l : ListingRule.at(price, now)) {
      Series s = Series.pn(INDEX, l.strike(), l.maturity());
      if (ledger.series(s.id()).isEmpty()) {
        ledger.list(s);
        listed++;
      }
    }
    // Every series past maturity gets its settlement request at the first tick after it.
    for (Series s : ledger.allSeries().values()) {
      if (!now.isBefore(s.maturity()) && !priceAtMaturity.containsKey(s.id())) {
        priceAtMaturity.put(s.id(), price);
        oracle.request(SettlementPort.keyOf(s), AccountId.of("system"), Amount.ZERO, now);
      }
    }
    recordNav();
    return Map.of("price", price, "listed", listed);
  }

  private Object openAccount(Command.OpenAccount o) {
    String name = "user:" + keyHashes.size();
    if (keyHashes.containsValue(o.keyHash())) {
      throw new RuleViolation("keyHash", "is already in use");
    }
    keyHashes.put(name, o.keyHash());
    faucet(AccountId.of(name), FAUCET_ETH, FAUCET_USDC);
    return Map.of("account", name, "keyHash", o.keyHash(), "eth", FAUCET_ETH, "usdc", FAUCET_USDC);
  }

  private void faucet(AccountId who, Amount eth, Amount usdc) {
    if (eth.isPositive()) {
      ledger.deposit(who, eth);
    }
    if (usdc.isPositive()) {
      book.mint(USDC, who, usdc);
    }
  }

  /**
   * Settles a series and, in the same all-or-nothing step, its oracle request: every bond goes back
   * to its owner or to the winner of a dispute, and the reward to the last proposer, as UMA's
   * {@code settleAndGetPrice} does when a contract reads the price. A request with no final answer
   * (a deleted vote: the ledger settles it by its invalid-answer policy) keeps its bonds in escrow,
   * as the contract does.
   */
  private Object settle(Series s) {
    Object settlement = ledger.settle(s.id(), now);
    RequestKey key = SettlementPort.keyOf(s);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("settlement", settlement);
    if (oracle.state(key, now) != RequestState.SETTLED && oracle.finalAnswer(key, now).isPresent()) {
      out.put("oracle", oracle.settle(key, now));
    }
    return out;
  }

  /** The keeper's public call: redeem every matured, final series the vault holds, then roll if due. */
  private Object keeper() {
    List<Object> done = new ArrayList<>();
    for (SeriesId id : List.copyOf(vault.heldSeries())) {
      Series s = ledger.series(id).orElseThrow();
      if (!now.isBefore(s.maturity()) && oracle.finalAnswer(SettlementPort.keyOf(s), now).isPresent()) {
        done.add(vault.redeem(id, now));
      }
    }
    RollDecision d = vault.rollDecision(now);
    if (d.rolls() || done.isEmpty()) {
      done.add(vault.roll(now));
    }
    return done;
  }

  private void listNewBooks() {
    Map<SeriesId, Series> all = ledger.allSeries();
    if (all.size() == listedSeen) {
      return;
    }
    int i = 0;
    for (Series s : all.values()) {
      if (i++ < listedSeen) {
        continue;
      }
      for (Leg leg : List.of(Leg.P, Leg.N)) {
        Token t = s.token(leg);
        books.put(t, new OrderBook(book, t.symbol(), t, Token.ETH));
      }
    }
    listedSeen = all.size();
  }

  private void recordNav() {
    if (vault == null || vault.current().isEmpty() || spot == null) {
      return;
    }
    NavReport nav = vault.nav(now);
    // per 10^offset shares: one unit of value at the first deposit (ERC-4626's decimals offset)
    double unit = Math.pow(10, vault.config().decimalsOffset());
    double perShare = nav.intrinsicPerShare().toDouble() * unit;
    double mark = nav.markPerShare().toDouble() * unit;
    double target = navHistory.isEmpty() ? perShare : navHistory.peekFirst().targetUsd();
    navHistory.addLast(new NavPoint(now, spot, perShare, mark, target));
    if (navHistory.size() > HISTORY) {
      navHistory.removeFirst();
    }
  }

  // ---- lookups ----------------------------------------------------------------------------

  private Series series(String hex) {
    return ledger.series(new SeriesId(hex))
        .orElseThrow(() -> new RuleViolation("series", "is not listed (was " + hex + ")"));
  }

  private RequestKey key(String hex) {
    return SettlementPort.keyOf(series(hex));
  }

  private OrderBook bookOf(String hex, String leg) {
    Series s = series(hex);
    return books.get(s.token(Leg.valueOf(leg)));
  }

  private Token token(String symbol, String field) {
    if (symbol.equals("ETH")) {
      return Token.ETH;
    }
    if (symbol.equals(USDC.symbol())) {
      return USDC;
    }
    Token t = new Token(symbol);
    if (!books.containsKey(t)) {
      throw new RuleViolation(field, "must be ETH, USDC or P:/N: of a listed series (was " + symbol + ")");
    }
    return t;
  }

  private static Token aaveAsset(String asset) {
    return asset.equals("ETH") ? Token.ETH : USDC;
  }

  public Observation observe(Instant t) {
    if (spot == null) {
      throw new RuleViolation("price", "the market has no price yet");
    }
    return new Observation(spot, t, VOL);
  }

  // ---- queries (the writer thread only) ----------------------------------------------------

  public long seq() {
    return seq;
  }

  public Instant now() {
    return now;
  }

  public Optional<Price> spot() {
    return Optional.ofNullable(spot);
  }

  public boolean hasGenesis() {
    return genesis;
  }

  public TokenBook book() {
    return book;
  }

  public OptionsLedger ledger() {
    return ledger;
  }

  public Map<Token, OrderBook> books() {
    return Collections.unmodifiableMap(books);
  }

  public RotationAuctionHouse auctions() {
    return auctions;
  }

  public OptimisticOracle oracle() {
    return oracle;
  }

  public TokenVote vote() {
    return vote;
  }

  public Optional<WrapperVault> vault() {
    return Optional.ofNullable(vault);
  }

  public Pool pool() {
    return pool;
  }

  public Map<String, String> keyHashes() {
    return Collections.unmodifiableMap(keyHashes);
  }

  public Optional<Price> priceAtMaturity(SeriesId id) {
    return Optional.ofNullable(priceAtMaturity.get(id));
  }

  public List<NavPoint> navHistory() {
    return List.copyOf(navHistory);
  }

  public Optional<RequestState> requestState(Series s) {
    try {
      oracle.get(SettlementPort.keyOf(s));
    } catch (RuleViolation unknown) {
      return Optional.empty();
    }
    return Optional.of(oracle.state(SettlementPort.keyOf(s), now));
  }

  /** Health factors of every pool account with debt (18 decimals; above 1 is safe). */
  public Map<AccountId, BigInteger> healthFactors() {
    Map<AccountId, BigInteger> out = new TreeMap<>();
    for (AccountId a : pool.accounts()) {
      if (!pool.debt(a, USDC).isZero()) {
        AccountData d = pool.accountData(a);
        out.put(a, d.healthFactor());
      }
    }
    return out;
  }

  /**
   * A SHA-256 over the whole state in a canonical order: every balance and supply, every open
   * order, every auction, the pool, the vault, the oracle, the accounts and the remembered
   * idempotency keys. Two markets with the same digest hold the same state.
   */
  public String digest() {
    StringBuilder sb = new StringBuilder();
    sb.append(seq).append('|').append(now).append('|').append(spot).append('|').append(genesis).append('\n');
    sb.append(book.snapshot()).append('\n');
    books.forEach((t, ob) -> sb.append(t).append(ob.openOrders()).append('\n'));
    sb.append(auctions.auctions()).append('\n');
    sb.append(pool.snapshot()).append('\n');
    if (vault != null) {
      sb.append(vault.current()).append(vault.heldSeries()).append(vault.totalShares()).append('\n');
    }
    sb.append(oracle.events().size()).append('|').append(vote.events().size()).append('|')
        .append(ledger.allSeries().keySet()).append('\n');
    sb.append(keyHashes).append('\n').append(idempotent.keySet()).append('\n').append(priceAtMaturity).append('\n');
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  static BigInteger wad() {
    return Exact.WAD;
  }
}
