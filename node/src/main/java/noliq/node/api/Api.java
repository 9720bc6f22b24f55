package noliq.node.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import noliq.math.RuleViolation;
import noliq.math.book.Token;
import noliq.node.engine.Command;
import noliq.node.engine.Engine;
import noliq.node.engine.Json;
import noliq.node.engine.Market;
import noliq.node.engine.Outcome;

/**
 * The node's JSON API, its OpenAPI 3 description (generated from the same route table that
 * registers the routes, and checked against the server's real routes by a test), the event stream
 * and the web page.
 *
 * <p>Rules: every POST needs an {@code Idempotency-Key} header (a repeat returns the first outcome
 * and changes nothing); a POST that acts needs an API key ({@code X-Api-Key} or
 * {@code Authorization: Bearer}), stored only as its SHA-256, and acts as that key's account (a body
 * naming another account is refused); bad input is a 400 naming the field and the rule, journaled
 * nowhere; a market refusal is a 422 naming them too, with nothing changed; each key (or client
 * address, before it has a key) is rate-limited. CORS is off unless an origin is given.
 */
public final class Api implements AutoCloseable {
  /** How long a request waits for the writer before answering 503. */
  static final long TIMEOUT_MS = 10_000;

  /** One route: the table both registers it and describes it in the OpenAPI document. */
  public record Route(String method, String path, String summary, String command, boolean auth) {}

  private final Engine engine;
  private final Map<String, String> accountsByKeyHash = new ConcurrentHashMap<>();
  private final RateLimiter limiter;
  private final EventHub hub = new EventHub();
  private final SecureRandom random = new SecureRandom();
  private final String corsOrigin;
  private final Javalin app;
  private final List<Route> routes = new ArrayList<>();

  public Api(Engine engine, String host, int port, double ratePerSecond, String corsOrigin) {
    this.engine = engine;
    this.limiter = new RateLimiter(ratePerSecond, Math.max(1, ratePerSecond * 2));
    this.corsOrigin = corsOrigin;
    engine.query(m -> {
      m.keyHashes().forEach((account, hash) -> accountsByKeyHash.put(hash, account));
      return null;
    }).join();
    engine.onOutcome(o -> {
      if (o.accepted() && o.type().equals("open-account") && o.result() instanceof Map<?, ?> r) {
        accountsByKeyHash.put(String.valueOf(r.get("keyHash")), String.valueOf(r.get("account")));
      }
      hub.publish(o);
    });
    get("/api/status", "The node: journal position, market time, price.", c -> query(c, Views::status));
    get("/api/series", "The series ladder: every listed series, its best bids and asks (ETH per unit) and fair values.",
        c -> query(c, Views::series));
    get("/api/books/{series}/{leg}", "One leg's order book depth (leg P or N; prices in ETH per unit).", this::book);
    get("/api/auctions", "Every rotation auction with its timeline and current price.", c -> query(c, Views::auctions));
    get("/api/oracle", "Every settlement request: state, proposals, disputes, vote rounds.", c -> query(c, Views::oracle));
    get("/api/vault", "The wrapper vault: holdings, NAV, and NAV per share against its USD target over time.",
        c -> query(c, Views::vault));
    get("/api/pool", "The Aave v3.3 pool beside it: totals and the borrowers' health-factor distribution.",
        c -> query(c, Views::pool));
    routes.add(new Route("GET", "/api/me", "Your account: balances, orders, auctions, vault shares, pool position.",
        null, true));
    routes.add(new Route("GET", "/api/events", "Server-sent events: every accepted or refused command, in order.",
        null, false));
    routes.add(new Route("POST", "/api/accounts", "Opens an account with the faucet's ETH and USDC; returns its API key once.",
        null, false));
    post("/api/series", "list-series", "Lists a P/N series (strike in USD, maturity ISO-8601 UTC).");
    post("/api/split", "split", "Splits ETH into P and N of a series.");
    post("/api/merge", "merge", "Merges P and N of a series back into ETH.");
    post("/api/redeem", "redeem", "Redeems a leg of a settled series for ETH.");
    post("/api/settle", "settle", "Settles a matured series from the oracle's final answer.");
    post("/api/orders", "place-order", "Places an order on a leg's book (limit in ETH per unit; tif GTC, IOC or POST_ONLY).");
    post("/api/orders/cancel", "cancel-order", "Cancels one of your open orders.");
    post("/api/auctions", "start-auction", "Starts a rotation (Dutch) auction of a lot.");
    post("/api/auctions/take", "take-auction", "Takes (part of) an auction's lot at its current price.");
    post("/api/auctions/cancel", "cancel-auction", "Cancels your open auction.");
    post("/api/auctions/expire", "expire-auction", "Closes an auction past its end; the rest returns to its seller.");
    post("/api/oracle/propose", "propose", "Proposes a matured series' settlement price, posting the bond.");
    post("/api/oracle/dispute", "dispute", "Disputes the proposal, posting the bond; the vote decides.");
    post("/api/oracle/vote/commit", "vote-commit", "Commits a vote's hash.");
    post("/api/oracle/vote/reveal", "vote-reveal", "Reveals a committed vote.");
    post("/api/oracle/vote/resolve", "vote-resolve", "Resolves a vote round after its reveal phase.");
    post("/api/vault/deposit", "vault-deposit", "Deposits ETH into the wrapper vault for shares.");
    post("/api/vault/withdraw", "vault-withdraw", "Burns vault shares for a pro-rata slice of its holdings.");
    post("/api/vault/roll", "vault-roll", "The keeper's public call: does what the vault's rules allow now.");
    post("/api/pool/supply", "aave-supply", "Supplies ETH or USDC to the Aave pool.");
    post("/api/pool/borrow", "aave-borrow", "Borrows ETH or USDC from the Aave pool.");
    post("/api/pool/repay", "aave-repay", "Repays your own Aave debt.");
    post("/api/pool/liquidate", "aave-liquidate", "Liquidates an Aave borrower below health factor 1 (repays USDC, receives ETH).");
    routes.add(new Route("GET", "/openapi.json", "This description.", null, false));

    this.app = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.staticFiles.enableWebjars();
      cfg.staticFiles.add("/web", Location.CLASSPATH);
      for (Route r : routes) {
        Handler h = handlerFor(r);
        if (r.method().equals("GET")) {
          if (r.path().equals("/api/events")) {
            cfg.routes.sse(r.path(), this::events);
          } else {
            cfg.routes.get(r.path(), h);
          }
        } else {
          cfg.routes.post(r.path(), h);
        }
      }
      if (corsOrigin != null) {
        cfg.routes.before(c -> {
          c.header("Access-Control-Allow-Origin", corsOrigin);
          c.header("Access-Control-Allow-Headers", "Content-Type, X-Api-Key, Authorization, Idempotency-Key");
        });
      }
      cfg.routes.exception(BusyException.class, (e, c) -> error(c, 503, "node", e.getMessage()));
      cfg.routes.exception(RuleViolation.class, (e, c) -> error(c, 400, e.field(), e.rule()));
      cfg.routes.exception(Exception.class, (e, c) -> error(c, 500, "server", String.valueOf(e.getMessage())));
    }).start(host, port);
  }

  private final Map<String, Handler> getHandlers = new LinkedHashMap<>();

  private void get(String path, String summary, Handler h) {
    routes.add(new Route("GET", path, summary, null, false));
    getHandlers.put(path, h);
  }

  private void post(String path, String command, String summary) {
    routes.add(new Route("POST", path, summary, command, true));
  }

  private Handler handlerFor(Route r) {
    if (r.method().equals("GET")) {
      return switch (r.path()) {
        case "/api/me" -> this::me;
        case "/openapi.json" -> c -> c.contentType("application/json").result(Json.text(OpenApi.document(routes)));
        default -> getHandlers.getOrDefault(r.path(), c -> error(c, 404, "path", "has no handler"));
      };
    }
    if (r.path().equals("/api/accounts")) {
      return this::openAccount;
    }
    return c -> command(c, r.command());
  }

  public int port() {
    return app.port();
  }

  public List<Route> routes() {
    return List.copyOf(routes);
  }

  /** The real routes the server registered (method and path), for the OpenAPI check. */
  public List<String> registeredRoutes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .map(p -> p.endpoint.method.name() + " " + p.endpoint.path).toList();
  }

  // ---- handlers ---------------------------------------------------------------------------

  private void query(Context c, Function<Market, Object> view) {
    if (!limiter.allow("ip:" + c.ip())) {
      error(c, 429, "rate", "more than " + limiter.perSecond() + " requests a second from this client");
      return;
    }
    json(c, 200, await(engine.query(view::apply)));
  }

  private void book(Context c) {
    String series = c.pathParam("series");
    String leg = c.pathParam("leg");
    if (!series.matches("[0-9a-f]{24}")) {
      error(c, 400, "series", "must be a series id, 24 lowercase hex digits");
      return;
    }
    if (!leg.equals("P") && !leg.equals("N")) {
      error(c, 400, "leg", "must be P or N");
      return;
    }
    Object view = await(engine.query(m -> Views.book(m, new Token(leg + ":" + series))));
    if (view == null) {
      error(c, 404, "series", "is not listed");
      return;
    }
    json(c, 200, view);
  }

  private void me(Context c) {
    Optional<String> account = authenticate(c);
    if (account.isEmpty()) {
      return;
    }
    json(c, 200, await(engine.query(m -> Views.account(m, account.get()))));
  }

  private void events(io.javalin.http.sse.SseClient client) {
    EventHub.Subscriber s = hub.subscribe();
    client.keepAlive();
    client.onClose(() -> hub.unsubscribe(s));
    Thread.ofVirtual().name("noliq-sse").start(() -> {
      try {
        client.sendComment("noliq events");
        while (!client.terminated()) {
          String e = s.queue.poll(15, TimeUnit.SECONDS);
          if (s.lagging) {
            client.sendEvent("lagging", "{\"rule\":\"fell " + EventHub.QUEUE + " events behind; reconnect\"}");
            client.close();
            break;
          }
          if (e == null) {
            client.sendComment("keep-alive");
          } else {
            client.sendEvent("outcome", e);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException closed) {
        // the client went away
      } finally {
        hub.unsubscribe(s);
      }
    });
  }

  private void openAccount(Context c) {
    Optional<String> idem = idempotencyKey(c);
    if (idem.isEmpty()) {
      return;
    }
    if (!limiter.allow("accounts:" + c.ip())) {
      error(c, 429, "rate", "too many accounts opened from this client; retry later");
      return;
    }
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    String apiKey = "nlq_" + HexFormat.of().formatHex(raw);
    String hash = sha256(apiKey);
    Outcome o = await(engine.submit(new Command.OpenAccount("system", hash), "accounts:" + c.ip() + ":" + idem.get()));
    if (!o.accepted()) {
      error(c, 422, o.field(), o.rule());
      return;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    Map<?, ?> r = (Map<?, ?>) o.result();
    out.put("account", r.get("account"));
    boolean fresh = hash.equals(r.get("keyHash"));
    out.put("apiKey", fresh ? apiKey : null);
    out.put("note", fresh ? "keep the key: the node stores only its SHA-256 and cannot show it again"
        : "this Idempotency-Key already opened this account; its key was shown once, the first time");
    out.put("eth", r.get("eth"));
    out.put("usdc", r.get("usdc"));
    out.put("seq", o.seq());
    json(c, fresh ? 201 : 200, out);
  }

  private void command(Context c, String type) {
    Optional<String> idem = idempotencyKey(c);
    if (idem.isEmpty()) {
      return;
    }
    Optional<String> account = authenticate(c);
    if (account.isEmpty()) {
      return;
    }
    JsonNode body;
    try {
      body = c.body().isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(c.body());
    } catch (IOException e) {
      error(c, 400, "body", "must be a JSON object (" + e.getMessage().split("\n")[0] + ")");
      return;
    }
    if (!(body instanceof ObjectNode obj)) {
      error(c, 400, "body", "must be a JSON object");
      return;
    }
    if (obj.has("type")) {
      error(c, 400, "type", "is set by the path, not the body");
      return;
    }
    if (obj.has("account") && !account.get().equals(obj.get("account").asText())) {
      error(c, 400, "account", "is set from your API key: an account moves only its own tokens");
      return;
    }
    Map<String, Object> known = OpenApi.fields(commandClass(type));
    for (java.util.Iterator<String> names = obj.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("account") && !known.containsKey(name)) {
        error(c, 400, name, "is not a field of " + type + "; its fields are " + String.join(", ", known.keySet()));
        return;
      }
    }
    obj.put("type", type);
    obj.put("account", account.get());
    Command cmd;
    try {
      cmd = Json.MAPPER.treeToValue(obj, Command.class);
    } catch (ValueInstantiationException e) {
      RuleViolation v = ruleOf(e);
      error(c, 400, v == null ? "body" : v.field(), v == null ? e.getOriginalMessage() : v.rule());
      return;
    } catch (UnrecognizedPropertyException e) {
      error(c, 400, e.getPropertyName(), "is not a field of " + type + "; its fields are " + fieldsOf(type));
      return;
    } catch (InvalidTypeIdException e) {
      error(c, 400, "type", "is unknown");
      return;
    } catch (MismatchedInputException e) {
      String field = e.getPath().isEmpty() ? "body" : e.getPath().get(e.getPath().size() - 1).getFieldName();
      error(c, 400, field, "has the wrong type (" + e.getOriginalMessage().split("\n")[0] + ")");
      return;
    } catch (IOException e) {
      error(c, 400, "body", e.getMessage());
      return;
    }
    Outcome o = await(engine.submit(cmd, idem.get()));
    if (o == null) {
      error(c, 503, "node", "busy");
      return;
    }
    if (o.accepted()) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("seq", o.seq());
      out.put("type", o.type());
      out.put("result", o.result());
      json(c, 200, out);
    } else {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("seq", o.seq());
      out.put("field", o.field());
      out.put("rule", o.rule());
      out.put("error", o.field() + ": " + o.rule());
      json(c, 422, out);
    }
  }

  private static RuleViolation ruleOf(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RuleViolation v) {
        return v;
      }
    }
    return null;
  }

  static String fieldsOf(String type) {
    return String.join(", ", OpenApi.fields(commandClass(type)).keySet());
  }

  static Class<?> commandClass(String type) {
    for (JsonSubTypes.Type t : Command.class.getAnnotation(JsonSubTypes.class).value()) {
      if (t.name().equals(type)) {
        return t.value();
      }
    }
    throw new IllegalArgumentException("no command " + type);
  }

  static List<RecordComponent> components(Class<?> c) {
    return List.of(c.getRecordComponents());
  }

  // ---- rules shared by handlers ---------------------------------------------------------------

  private Optional<String> idempotencyKey(Context c) {
    String k = c.header("Idempotency-Key");
    if (k == null || k.isBlank() || k.length() > 64 || !k.matches("[A-Za-z0-9_.:-]+")) {
      error(c, 400, "Idempotency-Key", "header is required on every POST: 1 to 64 letters, digits or - _ . :");
      return Optional.empty();
    }
    return Optional.of(k);
  }

  private Optional<String> authenticate(Context c) {
    String key = c.header("X-Api-Key");
    String auth = c.header("Authorization");
    if (key == null && auth != null && auth.startsWith("Bearer ")) {
      key = auth.substring("Bearer ".length()).trim();
    }
    if (key == null || key.isBlank()) {
      error(c, 401, "X-Api-Key", "header is required (or Authorization: Bearer KEY); POST /api/accounts opens an account");
      return Optional.empty();
    }
    String account = accountsByKeyHash.get(sha256(key));
    if (account == null) {
      error(c, 401, "X-Api-Key", "is not a key of any account");
      return Optional.empty();
    }
    if (!limiter.allow("key:" + account)) {
      c.header("Retry-After", "1");
      error(c, 429, "rate", "more than " + limiter.perSecond() + " requests a second for this key");
      return Optional.empty();
    }
    return Optional.of(account);
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  private static <T> T await(java.util.concurrent.CompletableFuture<T> f) {
    try {
      return f.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Engine.Busy busy) {
        throw new BusyException(busy.getMessage());
      }
      if (e.getCause() instanceof RuleViolation v) {
        throw v;
      }
      throw new CompletionException(e.getCause());
    } catch (TimeoutException e) {
      throw new BusyException("the node did not answer within " + TIMEOUT_MS + " ms");
    }
  }

  static final class BusyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BusyException(String m) {
      super(m);
    }
  }

  private static void json(Context c, int status, Object body) {
    c.status(status).contentType("application/json").result(Json.text(body));
  }

  static void error(Context c, int status, String field, String rule) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("field", field);
    out.put("rule", rule);
    out.put("error", field + ": " + rule);
    json(c, status, out);
  }

  @Override
  public void close() {
    app.stop();
  }
}
