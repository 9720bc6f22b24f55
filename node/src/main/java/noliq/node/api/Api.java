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
  static final String BATCH_PATH = "/api/batch";
  /** A batch holds at most this many commands (a bounded request, a bounded wait). */
  static final int BATCH_MAX = 256;

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
  /** The command types a client may send: those of the POST routes, in their order. */
  private final List<String> postable = new ArrayList<>();

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
    routes.add(new Route("POST", BATCH_PATH, "Up to " + BATCH_MAX + " commands in one request, each with its \"type\" "
        + "(a POST route's command): journaled in order in one group commit and answered together. Each is applied on "
        + "its own (not a transaction); command i's idempotency key is the header's key + \"#\" + i.", null, true));
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
    postable.add(command);
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
    if (r.path().equals(BATCH_PATH)) {
      return this::batch;
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
    if (!SERIES_ID.matcher(series).matches()) {
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

  /** Bad input found while reading a body: the field and the rule, answered as a 400. */
  private static final class BadInput extends Exception {
    private static final long serialVersionUID = 1L;
    final String field;
    final String rule;

    BadInput(String field, String rule) {
      super(field + ": " + rule, null, false, false);
      this.field = field;
      this.rule = rule;
    }
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
    Command cmd;
    try {
      JsonNode body = body(c);
      if (!(body instanceof ObjectNode obj)) {
        throw new BadInput("body", "must be a JSON object");
      }
      if (obj.has("type")) {
        throw new BadInput("type", "is set by the path, not the body");
      }
      cmd = toCommand(obj, type, account.get(), "");
    } catch (BadInput bad) {
      error(c, 400, bad.field, bad.rule);
      return;
    }
    Outcome o = await(engine.submit(cmd, idem.get()));
    json(c, o.accepted() ? 200 : 422, outcomeView(o));
  }

  /** Up to {@value #BATCH_MAX} commands in one request: all read first (one bad input refuses the whole request). */
  private void batch(Context c) {
    Optional<String> idem = idempotencyKey(c);
    if (idem.isEmpty()) {
      return;
    }
    Optional<String> account = authenticate(c);
    if (account.isEmpty()) {
      return;
    }
    List<Command> cmds = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    try {
      JsonNode body = body(c);
      if (!(body instanceof ObjectNode)) {
        throw new BadInput("body", "must be a JSON object");
      }
      for (java.util.Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!name.equals("commands")) {
          throw new BadInput(name, "is not a field of a batch; its one field is commands");
        }
      }
      JsonNode list = body.get("commands");
      if (list == null || !list.isArray()) {
        throw new BadInput("commands", "the body must be {\"commands\": [...]}, an array of commands");
      }
      if (list.isEmpty() || list.size() > BATCH_MAX) {
        throw new BadInput("commands", "must hold 1 to " + BATCH_MAX + " commands (was " + list.size() + ")");
      }
      for (int i = 0; i < list.size(); i++) {
        String at = "commands[" + i + "].";
        if (!(list.get(i) instanceof ObjectNode obj)) {
          throw new BadInput("commands[" + i + "]", "must be a JSON object");
        }
        JsonNode type = obj.remove("type");
        if (type == null || !type.isTextual() || !postable.contains(type.asText())) {
          throw new BadInput(at + "type", "must be one of " + String.join(", ", postable));
        }
        cmds.add(toCommand(obj, type.asText(), account.get(), at));
        keys.add(idem.get() + "#" + i);
      }
    } catch (BadInput bad) {
      error(c, 400, bad.field, bad.rule);
      return;
    }
    List<Outcome> outs = await(engine.submitAll(cmds, keys));
    List<Object> views = new ArrayList<>(outs.size());
    int refused = 0;
    for (Outcome o : outs) {
      views.add(outcomeView(o));
      refused += o.accepted() ? 0 : 1;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("accepted", outs.size() - refused);
    out.put("refused", refused);
    out.put("outcomes", views);
    json(c, 200, out);
  }

  private static JsonNode body(Context c) throws BadInput {
    try {
      String text = c.body();
      return text.isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new BadInput("body", "must be a JSON object (" + e.getMessage().split("\n")[0] + ")");
    }
  }

  /** A command of {@code type} acting as {@code account} from a body's fields; {@code at} prefixes field names. */
  private static Command toCommand(ObjectNode obj, String type, String account, String at) throws BadInput {
    if (obj.has("account") && !account.equals(obj.get("account").asText())) {
      throw new BadInput(at + "account", "is set from your API key: an account moves only its own tokens");
    }
    Map<String, Object> known = FIELDS.get(commandClass(type));
    for (java.util.Iterator<String> names = obj.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("account") && !known.containsKey(name)) {
        throw new BadInput(at + name, "is not a field of " + type + "; its fields are " + String.join(", ", known.keySet()));
      }
    }
    obj.put("type", type);
    obj.put("account", account);
    try {
      return Json.MAPPER.treeToValue(obj, Command.class);
    } catch (ValueInstantiationException e) {
      RuleViolation v = ruleOf(e);
      throw new BadInput(at + (v == null ? "body" : v.field()), v == null ? e.getOriginalMessage() : v.rule());
    } catch (UnrecognizedPropertyException e) {
      throw new BadInput(at + e.getPropertyName(), "is not a field of " + type + "; its fields are " + fieldsOf(type));
    } catch (InvalidTypeIdException e) {
      throw new BadInput(at + "type", "is unknown");
    } catch (MismatchedInputException e) {
      String field = e.getPath().isEmpty() ? "body" : e.getPath().get(e.getPath().size() - 1).getFieldName();
      throw new BadInput(at + field, "has the wrong type (" + e.getOriginalMessage().split("\n")[0] + ")");
    } catch (IOException e) {
      throw new BadInput(at + "body", e.getMessage());
    }
  }

  private static Map<String, Object> outcomeView(Outcome o) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("seq", o.seq());
    if (o.accepted()) {
      out.put("type", o.type());
      out.put("result", o.result());
    } else {
      out.put("field", o.field());
      out.put("rule", o.rule());
      out.put("error", o.field() + ": " + o.rule());
    }
    return out;
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
    Class<?> c = COMMANDS.get(type);
    if (c == null) {
      throw new IllegalArgumentException("no command " + type);
    }
    return c;
  }

  /** Command classes by their name in the API, and their body fields: read once, not per request. */
  private static final Map<String, Class<?>> COMMANDS = new java.util.HashMap<>();
  private static final ClassValue<Map<String, Object>> FIELDS = new ClassValue<>() {
    @Override
    protected Map<String, Object> computeValue(Class<?> type) {
      return java.util.Collections.unmodifiableMap(OpenApi.fields(type));
    }
  };

  static {
    for (JsonSubTypes.Type t : Command.class.getAnnotation(JsonSubTypes.class).value()) {
      COMMANDS.put(t.name(), t.value());
    }
  }

  static List<RecordComponent> components(Class<?> c) {
    return List.of(c.getRecordComponents());
  }

  // ---- rules shared by handlers ---------------------------------------------------------------

  private static final java.util.regex.Pattern IDEMPOTENCY_KEY = java.util.regex.Pattern.compile("[A-Za-z0-9_.:-]+");
  private static final java.util.regex.Pattern SERIES_ID = java.util.regex.Pattern.compile("[0-9a-f]{24}");

  private Optional<String> idempotencyKey(Context c) {
    String k = c.header("Idempotency-Key");
    if (k == null || k.isBlank() || k.length() > 64 || !IDEMPOTENCY_KEY.matcher(k).matches()) {
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
