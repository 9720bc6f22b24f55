package noliq.node.engine;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.RuleViolation;

/**
 * Everything that changes the market, as data: the journal holds these, in order, and the market's
 * state is their fold. Each record checks its own fields when built (from JSON or by a bot), so a
 * malformed command is refused, naming the field and the rule, before it is journaled. Whether the
 * market accepts it (enough balance, an open auction...) is decided when it is applied, the same way
 * on every replay.
 *
 * <p>{@code account} is who acts. Over HTTP the server sets it from the API key, never from the body,
 * so an account can only move its own tokens.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Command.Genesis.class, name = "genesis"),
    @JsonSubTypes.Type(value = Command.Tick.class, name = "tick"),
    @JsonSubTypes.Type(value = Command.OpenAccount.class, name = "open-account"),
    @JsonSubTypes.Type(value = Command.ListSeries.class, name = "list-series"),
    @JsonSubTypes.Type(value = Command.Split.class, name = "split"),
    @JsonSubTypes.Type(value = Command.Merge.class, name = "merge"),
    @JsonSubTypes.Type(value = Command.Redeem.class, name = "redeem"),
    @JsonSubTypes.Type(value = Command.Settle.class, name = "settle"),
    @JsonSubTypes.Type(value = Command.PlaceOrder.class, name = "place-order"),
    @JsonSubTypes.Type(value = Command.CancelOrder.class, name = "cancel-order"),
    @JsonSubTypes.Type(value = Command.StartAuction.class, name = "start-auction"),
    @JsonSubTypes.Type(value = Command.TakeAuction.class, name = "take-auction"),
    @JsonSubTypes.Type(value = Command.CancelAuction.class, name = "cancel-auction"),
    @JsonSubTypes.Type(value = Command.ExpireAuction.class, name = "expire-auction"),
    @JsonSubTypes.Type(value = Command.Propose.class, name = "propose"),
    @JsonSubTypes.Type(value = Command.Dispute.class, name = "dispute"),
    @JsonSubTypes.Type(value = Command.VoteCommit.class, name = "vote-commit"),
    @JsonSubTypes.Type(value = Command.VoteReveal.class, name = "vote-reveal"),
    @JsonSubTypes.Type(value = Command.VoteResolve.class, name = "vote-resolve"),
    @JsonSubTypes.Type(value = Command.VaultDeposit.class, name = "vault-deposit"),
    @JsonSubTypes.Type(value = Command.VaultWithdraw.class, name = "vault-withdraw"),
    @JsonSubTypes.Type(value = Command.VaultRoll.class, name = "vault-roll"),
    @JsonSubTypes.Type(value = Command.AaveSupply.class, name = "aave-supply"),
    @JsonSubTypes.Type(value = Command.AaveBorrow.class, name = "aave-borrow"),
    @JsonSubTypes.Type(value = Command.AaveRepay.class, name = "aave-repay"),
    @JsonSubTypes.Type(value = Command.AaveLiquidate.class, name = "aave-liquidate"),
})
public sealed interface Command {
  /** Who acts; the system's own commands (genesis, ticks) act as {@code "system"}. */
  String account();

  /** The market's first entry: the seed and sizes its demo population is drawn from. */
  record Genesis(String account, long seed, String vaultPolicy, int borrowers) implements Command {
    public Genesis {
      requireAccount(account);
      if (borrowers < 0 || borrowers > 10_000) {
        throw new RuleViolation("borrowers", "must be in [0, 10000] (was " + borrowers + ")");
      }
      required("vaultPolicy", vaultPolicy);
    }
  }

  /** The price feed's new index value x (USD per ETH). */
  record Tick(String account, String price) implements Command {
    public Tick {
      requireAccount(account);
      positivePrice("price", price);
    }
  }

  /** A new account with the SHA-256 hash of its API key (the key itself is never journaled). */
  record OpenAccount(String account, String keyHash) implements Command {
    public OpenAccount {
      requireAccount(account);
      if (keyHash == null || !Syntax.KEY_HASH.matcher(keyHash).matches()) {
        throw new RuleViolation("keyHash", "must be 64 lowercase hex digits (a SHA-256)");
      }
    }
  }

  /** Lists a P/N series (covered call, 50/50 on an invalid answer); anyone may, as on chain. */
  record ListSeries(String account, String strike, String maturity) implements Command {
    public ListSeries {
      requireAccount(account);
      positivePrice("strike", strike);
      instant("maturity", maturity);
    }
  }

  record Split(String account, String series, String amount) implements Command {
    public Split {
      requireAccount(account);
      seriesId(series);
      positiveAmount("amount", amount);
    }
  }

  record Merge(String account, String series, String amount) implements Command {
    public Merge {
      requireAccount(account);
      seriesId(series);
      positiveAmount("amount", amount);
    }
  }

  record Redeem(String account, String series, String leg, String amount) implements Command {
    public Redeem {
      requireAccount(account);
      seriesId(series);
      oneOf("leg", leg, "P", "N", "I");
      positiveAmount("amount", amount);
    }
  }

  /** Settles a matured series from the oracle's final answer; anyone may. */
  record Settle(String account, String series) implements Command {
    public Settle {
      requireAccount(account);
      seriesId(series);
    }
  }

  /** An order on the book of {@code leg} of {@code series} against ETH: {@code limit} is ETH per unit. */
  record PlaceOrder(String account, String series, String leg, String side, String limit, String amount, String tif)
      implements Command {
    public PlaceOrder {
      requireAccount(account);
      seriesId(series);
      oneOf("leg", leg, "P", "N");
      oneOf("side", side, "BUY", "SELL");
      positivePrice("limit", limit);
      positiveAmount("amount", amount);
      if (tif != null) {
        oneOf("tif", tif, "GTC", "IOC", "POST_ONLY");
      }
    }
  }

  record CancelOrder(String account, String series, String leg, long order) implements Command {
    public CancelOrder {
      requireAccount(account);
      seriesId(series);
      oneOf("leg", leg, "P", "N");
      if (order <= 0) {
        throw new RuleViolation("order", "must be a positive order id (was " + order + ")");
      }
    }
  }

  /**
   * A rotation auction: sells {@code lot} of token {@code sell} for token {@code buy}, starting at
   * {@code fairPrice} (buy per sell) and conceding up to {@code maxEdgePips} millionths over {@code rampSeconds}.
   */
  record StartAuction(String account, String sell, String buy, String lot, String fairPrice, long maxEdgePips,
      long rampSeconds) implements Command {
    public StartAuction {
      requireAccount(account);
      required("sell", sell);
      required("buy", buy);
      positiveAmount("lot", lot);
      positivePrice("fairPrice", fairPrice);
      if (maxEdgePips < 0 || maxEdgePips > 500_000) {
        throw new RuleViolation("maxEdgePips", "must be in [0, 500000] millionths (was " + maxEdgePips + ")");
      }
      if (rampSeconds < 60 || rampSeconds > 30 * 86_400) {
        throw new RuleViolation("rampSeconds", "must be in [60, 2592000] (was " + rampSeconds + ")");
      }
    }
  }

  record TakeAuction(String account, long auction, String lot, String maxPrice) implements Command {
    public TakeAuction {
      requireAccount(account);
      positiveId("auction", auction);
      positiveAmount("lot", lot);
      positivePrice("maxPrice", maxPrice);
    }
  }

  record CancelAuction(String account, long auction) implements Command {
    public CancelAuction {
      requireAccount(account);
      positiveId("auction", auction);
    }
  }

  record ExpireAuction(String account, long auction) implements Command {
    public ExpireAuction {
      requireAccount(account);
      positiveId("auction", auction);
    }
  }

  /** Proposes {@code value} (USD per ETH) as the series' settlement price, posting the bond. */
  record Propose(String account, String series, String value) implements Command {
    public Propose {
      requireAccount(account);
      seriesId(series);
      positivePrice("value", value);
    }
  }

  record Dispute(String account, String series) implements Command {
    public Dispute {
      requireAccount(account);
      seriesId(series);
    }
  }

  record VoteCommit(String account, String series, String hash) implements Command {
    public VoteCommit {
      requireAccount(account);
      seriesId(series);
      required("hash", hash);
    }
  }

  record VoteReveal(String account, String series, String value, long salt) implements Command {
    public VoteReveal {
      requireAccount(account);
      seriesId(series);
      positivePrice("value", value);
    }
  }

  record VoteResolve(String account, String series) implements Command {
    public VoteResolve {
      requireAccount(account);
      seriesId(series);
    }
  }

  record VaultDeposit(String account, String amount) implements Command {
    public VaultDeposit {
      requireAccount(account);
      positiveAmount("amount", amount);
    }
  }

  record VaultWithdraw(String account, String shares) implements Command {
    public VaultWithdraw {
      requireAccount(account);
      positiveAmount("shares", shares);
    }
  }

  /** The keeper's public call: does what the vault's rules allow now (roll, redeem a settled series). */
  record VaultRoll(String account) implements Command {
    public VaultRoll {
      requireAccount(account);
    }
  }

  record AaveSupply(String account, String asset, String amount) implements Command {
    public AaveSupply {
      requireAccount(account);
      oneOf("asset", asset, "ETH", "USDC");
      positiveAmount("amount", amount);
    }
  }

  record AaveBorrow(String account, String asset, String amount) implements Command {
    public AaveBorrow {
      requireAccount(account);
      oneOf("asset", asset, "ETH", "USDC");
      positiveAmount("amount", amount);
    }
  }

  record AaveRepay(String account, String asset, String amount) implements Command {
    public AaveRepay {
      requireAccount(account);
      oneOf("asset", asset, "ETH", "USDC");
      positiveAmount("amount", amount);
    }
  }

  /** Repays up to {@code debtToCover} USDC of {@code user}'s debt for its ETH collateral plus the bonus. */
  record AaveLiquidate(String account, String user, String debtToCover) implements Command {
    public AaveLiquidate {
      requireAccount(account);
      required("user", user);
      positiveAmount("debtToCover", debtToCover);
    }
  }

  // ---- field rules ------------------------------------------------------------------------

  /** The fields' syntaxes, compiled once: every command is checked against them on every request. */
  final class Syntax {
    static final java.util.regex.Pattern ACCOUNT = java.util.regex.Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    static final java.util.regex.Pattern SERIES = java.util.regex.Pattern.compile("[0-9a-f]{24}");
    static final java.util.regex.Pattern KEY_HASH = java.util.regex.Pattern.compile("[0-9a-f]{64}");

    private Syntax() {}
  }

  /** Account names: 1 to 64 of letters, digits and {@code - _ : .}. */
  static void requireAccount(String account) {
    if (account == null || !Syntax.ACCOUNT.matcher(account).matches()) {
      throw new RuleViolation("account", "must be 1 to 64 letters, digits or - _ : . (was '" + account + "')");
    }
  }

  static void required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new RuleViolation(field, "is required");
    }
    if (value.length() > 200) {
      throw new RuleViolation(field, "must be at most 200 characters");
    }
  }

  static void seriesId(String series) {
    if (series == null || !Syntax.SERIES.matcher(series).matches()) {
      throw new RuleViolation("series", "must be a series id, 24 lowercase hex digits (was '" + series + "')");
    }
  }

  static void oneOf(String field, String value, String... allowed) {
    for (String a : allowed) {
      if (a.equals(value)) {
        return;
      }
    }
    throw new RuleViolation(field, "must be one of " + String.join(", ", allowed) + " (was '" + value + "')");
  }

  static void positiveAmount(String field, String text) {
    required(field, text);
    if (!Amount.parse(text, field).isPositive()) {
      throw new RuleViolation(field, "must be positive (was " + text + ")");
    }
  }

  static void positivePrice(String field, String text) {
    required(field, text);
    Price p = Price.parse(text, field);
    if (!p.isPositive()) {
      throw new RuleViolation(field, "must be positive (was " + text + ")");
    }
    if (p.units().compareTo(BigInteger.TEN.pow(18 + 12)) > 0) {
      throw new RuleViolation(field, "must be at most 1e12 (was " + text + ")");
    }
  }

  static void positiveId(String field, long id) {
    if (id <= 0) {
      throw new RuleViolation(field, "must be a positive id (was " + id + ")");
    }
  }

  static Instant instant(String field, String text) {
    required(field, text);
    try {
      Instant t = Instant.parse(text);
      if (t.getNano() != 0) {
        throw new RuleViolation(field, "must be a whole second (was " + text + ")");
      }
      return t;
    } catch (DateTimeParseException e) {
      throw new RuleViolation(field, "must be an ISO-8601 UTC time such as 2026-07-31T08:00:00Z (was '" + text + "')");
    }
  }
}
