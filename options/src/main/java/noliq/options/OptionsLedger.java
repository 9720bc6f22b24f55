package noliq.options;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import noliq.math.Amount;
import noliq.math.Exact;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;

/**
 * The P/N ledger: lists series, takes ETH deposits, splits, merges, settles and redeems, moving
 * value through a shared {@link TokenBook}. Each series' locked ETH sits in its own escrow account
 * ({@link #escrow(SeriesId)}). Every operation is all-or-nothing and returns the event it emitted;
 * a refused one throws {@link OptionsException} (or the book's InsufficientBalance) and changes nothing.
 */
public final class OptionsLedger {
  private final TokenBook book;
  private final SettlementOracle oracle;
  private final Consumer<LedgerEvent> listener;
  /** A listed series with its id and leg tokens derived once (deriving hashes the description). */
  private record Listed(Series series, Token p, Token n) {
    Token token(Leg leg) {
      return leg == Leg.P ? p : n;
    }
  }

  private final Map<SeriesId, Listed> series = new LinkedHashMap<>();
  private final Map<SeriesId, Settlement> settlements = new LinkedHashMap<>();
  private final Map<Token, SeriesId> legTokens = new LinkedHashMap<>();
  private BigInteger deposited = BigInteger.ZERO;
  private BigInteger withdrawn = BigInteger.ZERO;

  public OptionsLedger(TokenBook book, SettlementOracle oracle) {
    this(book, oracle, event -> { });
  }

  /** As above, with a listener that sees every accepted event in order (a journal, a metrics feed). */
  public OptionsLedger(TokenBook book, SettlementOracle oracle, Consumer<LedgerEvent> listener) {
    this.book = book;
    this.oracle = oracle;
    this.listener = listener;
  }

  /** The escrow account holding {@code id}'s locked ETH. */
  public static AccountId escrow(SeriesId id) {
    return new AccountId("escrow:" + id.hex());
  }

  // ---- operations -------------------------------------------------------------------------

  /** Lists {@code s}. Listing an identical series again is a no-op that returns its id. */
  public SeriesId list(Series s) {
    SeriesId id = s.id();
    Listed existing = series.get(id);
    if (existing != null) {
      if (!existing.series().equals(s)) {
        throw new OptionsException(new OptionsError.SeriesIdCollision(id));
      }
      return id;
    }
    Listed listed = new Listed(s, s.pToken(), s.nToken());
    series.put(id, listed);
    legTokens.put(listed.p(), id);
    legTokens.put(listed.n(), id);
    emit(new LedgerEvent.SeriesListed(id, s));
    return id;
  }

  /** ETH enters the ledger: {@code amount} is credited to {@code account}. */
  public LedgerEvent.Deposited deposit(AccountId account, Amount amount) {
    requirePositive(amount);
    return run(() -> {
      book.mint(Token.ETH, account, amount);
      BigInteger before = deposited;
      deposited = deposited.add(amount.wei());
      book.onRollback(() -> deposited = before);
      return new LedgerEvent.Deposited(account, amount);
    });
  }

  /** ETH leaves the ledger from {@code account}'s free balance. */
  public LedgerEvent.Withdrawn withdraw(AccountId account, Amount amount) {
    requirePositive(amount);
    return run(() -> {
      book.burn(Token.ETH, account, amount);
      BigInteger before = withdrawn;
      withdrawn = withdrawn.add(amount.wei());
      book.onRollback(() -> withdrawn = before);
      return new LedgerEvent.Withdrawn(account, amount);
    });
  }

  /** Moves ETH or a listed series' P or N between accounts. */
  public LedgerEvent.Transferred transfer(AccountId from, AccountId to, Token token, Amount amount) {
    requirePositive(amount);
    if (!token.equals(Token.ETH) && !legTokens.containsKey(token)) {
      throw new OptionsException(new OptionsError.UnknownToken(token));
    }
    return run(() -> {
      book.transfer(token, from, to, amount);
      return new LedgerEvent.Transferred(from, to, token, amount);
    });
  }

  /** Locks {@code amount} ETH of {@code account} and mints {@code amount} P and {@code amount} N to it. Any time. */
  public LedgerEvent.Split split(AccountId account, SeriesId id, Amount amount, Instant now) {
    Listed s = require(id);
    requirePositive(amount);
    return run(() -> {
      book.transfer(Token.ETH, account, escrow(id), amount);
      book.mint(s.p(), account, amount);
      book.mint(s.n(), account, amount);
      return new LedgerEvent.Split(account, id, amount);
    });
  }

  /** Burns {@code amount} P and {@code amount} N of {@code account} and releases {@code amount} ETH to it. Any time. */
  public LedgerEvent.Merged merge(AccountId account, SeriesId id, Amount amount, Instant now) {
    Listed s = require(id);
    requirePositive(amount);
    return run(() -> {
      book.burn(s.p(), account, amount);
      book.burn(s.n(), account, amount);
      book.transfer(Token.ETH, escrow(id), account, amount);
      return new LedgerEvent.Merged(account, id, amount);
    });
  }

  /**
   * Settles {@code id} once, at or after its maturity, from the oracle's final resolution. Fixes
   * each leg's payout per unit: P's from the payoff (rounded down), N's exactly the rest.
   */
  public LedgerEvent.Settled settle(SeriesId id, Instant now) {
    Series s = require(id).series();
    if (settlements.containsKey(id)) {
      throw new OptionsException(new OptionsError.AlreadySettled(id));
    }
    if (now.isBefore(s.maturity())) {
      throw new OptionsException(new OptionsError.NotMatured(id, s.maturity(), now));
    }
    Resolution resolution = oracle.finalResolution(s, now)
        .orElseThrow(() -> new OptionsException(new OptionsError.NotFinalized(id)));
    Amount p = switch (resolution) {
      case Resolution.Value(Price x) -> {
        if (!x.isPositive()) {
          throw new OptionsException(new OptionsError.NonPositiveIndexValue(x));
        }
        yield s.payoff().pPayoutPerUnit(x, s.strike());
      }
      case Resolution.Invalid(InvalidPolicy policy) -> switch (policy) {
        case HALF_HALF -> Amount.ofWei(Exact.WAD.shiftRight(1));
      };
    };
    Settlement settlement = new Settlement(resolution, p, Amount.ONE.minus(p), now);
    settlements.put(id, settlement);
    return emitted(new LedgerEvent.Settled(id, resolution, settlement.pPerUnit(), settlement.nPerUnit(), now));
  }

  /** Burns {@code amount} of {@code leg} and pays {@code amount × payout per unit} ETH, rounded down. */
  public LedgerEvent.Redeemed redeem(AccountId account, SeriesId id, Leg leg, Amount amount, Instant now) {
    Listed s = require(id);
    requirePositive(amount);
    Settlement settlement = settlements.get(id);
    if (settlement == null) {
      throw new OptionsException(new OptionsError.NotSettled(id));
    }
    Amount payout = amount.mulDiv(settlement.perUnit(leg).wei(), Exact.WAD, Rounding.DOWN);
    return run(() -> {
      book.burn(s.token(leg), account, amount);
      if (payout.isPositive()) {
        book.transfer(Token.ETH, escrow(id), account, payout);
      }
      return new LedgerEvent.Redeemed(account, id, leg, amount, payout);
    });
  }

  // ---- queries ----------------------------------------------------------------------------

  public Optional<Series> series(SeriesId id) {
    Listed listed = series.get(id);
    return listed == null ? Optional.empty() : Optional.of(listed.series());
  }

  /** Every listed series, in listing order. */
  public Map<SeriesId, Series> allSeries() {
    Map<SeriesId, Series> out = new LinkedHashMap<>();
    series.forEach((id, listed) -> out.put(id, listed.series()));
    return Collections.unmodifiableMap(out);
  }

  public Optional<Settlement> settlement(SeriesId id) {
    return Optional.ofNullable(settlements.get(id));
  }

  /** ETH locked for {@code id}. */
  public Amount locked(SeriesId id) {
    return book.balanceOf(escrow(id), Token.ETH);
  }

  /**
   * The most ETH that holders of {@code id}'s outstanding P and N could ever claim: before
   * settlement every pair merges for 1 ETH, so the larger supply; after it, each leg's supply at
   * its payout per unit. The ledger keeps {@code locked >= claimable} at all times.
   */
  public Amount claimable(SeriesId id) {
    Listed s = require(id);
    Amount p = book.totalSupply(s.p());
    Amount n = book.totalSupply(s.n());
    Settlement settlement = settlements.get(id);
    if (settlement == null) {
      return Amount.max(p, n);
    }
    BigInteger owed = p.wei().multiply(settlement.pPerUnit().wei()).add(n.wei().multiply(settlement.nPerUnit().wei()));
    return Amount.ofWei(Exact.div(owed, Exact.WAD, Rounding.UP));
  }

  /** Total ETH ever deposited, less total withdrawn: the ETH the ledger must hold in all. */
  public Amount netDeposits() {
    return Amount.ofWei(deposited.subtract(withdrawn));
  }

  public Amount balance(AccountId account, Token token) {
    return book.balanceOf(account, token);
  }

  public TokenBook book() {
    return book;
  }

  // ---- internals --------------------------------------------------------------------------

  private Listed require(SeriesId id) {
    Listed s = id == null ? null : series.get(id);
    if (s == null) {
      throw new OptionsException(new OptionsError.UnknownSeries(id));
    }
    return s;
  }

  private static void requirePositive(Amount amount) {
    if (amount == null || !amount.isPositive()) {
      throw new OptionsException(new OptionsError.NonPositiveAmount(amount == null ? Amount.ZERO : amount));
    }
  }

  private <E extends LedgerEvent> E run(Supplier<E> operation) {
    return emitted(book.atomically(operation));
  }

  private <E extends LedgerEvent> E emitted(E event) {
    listener.accept(event);
    return event;
  }

  private void emit(LedgerEvent event) {
    listener.accept(event);
  }
}
