package noliq.options;

import java.math.BigInteger;
import java.time.Duration;
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
import noliq.math.RuleViolation;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;

/**
 * The P/N ledger: lists series, takes ETH deposits, splits, merges, settles and redeems, moving
 * value through a shared {@link TokenBook}. Each series' locked ETH sits in its own escrow account
 * ({@link #escrow(SeriesId)}). Every operation is all-or-nothing and returns the event it emitted;
 * a refused one throws {@link OptionsException} (or the book's InsufficientBalance) and changes nothing.
 *
 * <p><b>A settlement that never arrives.</b> The slow oracle can fail to answer for ever: under
 * UMA, a disputed request whose vote is deleted (more than maxRolls rolls) stays disputed with no
 * answer. The ledger's rule: once {@code settlementTimeout} has passed since maturity and the oracle
 * still has no final resolution, {@link #settle} settles the series by its invalid-answer policy
 * (HALF_HALF: 1/2 ETH each; THIRD_OUTCOME: all to I; a FALLBACK series, whose heavier oracle never
 * answered either, pays 1/2 and 1/2). Whatever is final when settle is first called wins: an
 * oracle answer, if one exists by then, always takes precedence over the lapse.
 */
public final class OptionsLedger {
  /**
   * The default timeout: 30 days after maturity. UMA's slowest honest path is a 2 h liveness, up to
   * 48 h to the next vote round and 5 rounds of 48 h (about 12 days); 30 days leaves room for a
   * re-proposal and a second vote. A stated rule, not a published figure: vary it.
   */
  public static final Duration DEFAULT_SETTLEMENT_TIMEOUT = Duration.ofDays(30);

  private final TokenBook book;
  private final SettlementOracle oracle;
  private final Consumer<LedgerEvent> listener;
  private final Duration settlementTimeout;
  private final java.util.Set<SeriesId> lapsed = new java.util.HashSet<>();
  private final Map<SeriesId, Series> series = new LinkedHashMap<>();
  private final Map<SeriesId, Settlement> settlements = new LinkedHashMap<>();
  private final Map<Token, SeriesId> legTokens = new LinkedHashMap<>();
  /** Each listed series' {@link #escrow(SeriesId)} account, built once at listing (split and merge are hot). */
  private final Map<SeriesId, AccountId> escrows = new java.util.HashMap<>();
  private BigInteger deposited = BigInteger.ZERO;
  private BigInteger withdrawn = BigInteger.ZERO;

  public OptionsLedger(TokenBook book, SettlementOracle oracle) {
    this(book, oracle, event -> { });
  }

  /** As above, with a listener that sees every accepted event in order (a journal, a metrics feed). */
  public OptionsLedger(TokenBook book, SettlementOracle oracle, Consumer<LedgerEvent> listener) {
    this(book, oracle, listener, DEFAULT_SETTLEMENT_TIMEOUT);
  }

  /** As above, with the time after maturity past which a series with no final resolution settles as invalid. */
  public OptionsLedger(TokenBook book, SettlementOracle oracle, Consumer<LedgerEvent> listener, Duration settlementTimeout) {
    if (settlementTimeout == null || settlementTimeout.isNegative() || settlementTimeout.isZero()) {
      throw new RuleViolation("settlementTimeout", "must be a positive duration (was " + settlementTimeout + ")");
    }
    this.book = book;
    this.oracle = oracle;
    this.listener = listener;
    this.settlementTimeout = settlementTimeout;
  }

  /** How long after maturity a series waits for the oracle before its invalid-answer policy applies. */
  public Duration settlementTimeout() {
    return settlementTimeout;
  }

  /** True if {@code id} was settled by the timeout rule, the oracle never having answered. */
  public boolean settledByTimeout(SeriesId id) {
    return lapsed.contains(id);
  }

  /** The escrow account holding {@code id}'s locked ETH. */
  public static AccountId escrow(SeriesId id) {
    return new AccountId("escrow:" + id.hex());
  }

  // ---- operations -------------------------------------------------------------------------

  /** Lists {@code s}. Listing an identical series again is a no-op that returns its id. */
  public SeriesId list(Series s) {
    SeriesId id = s.id();
    Series existing = series.get(id);
    if (existing != null) {
      if (!existing.equals(s)) {
        throw new OptionsException(new OptionsError.SeriesIdCollision(id));
      }
      return id;
    }
    series.put(id, s);
    escrows.put(id, escrow(id));
    for (Leg leg : s.legs()) {
      legTokens.put(s.token(leg), id);
    }
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

  /** Moves ETH or a leg (P, N or I) of a listed series between accounts. */
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

  /**
   * Locks {@code amount} ETH of {@code account} and mints {@code amount} P and {@code amount} N to it,
   * and {@code amount} I for a series with the third outcome: 1 ETH backs one full set. Any time.
   */
  public LedgerEvent.Split split(AccountId account, SeriesId id, Amount amount, Instant now) {
    Series s = require(id);
    requirePositive(amount);
    return run(() -> {
      book.transfer(Token.ETH, account, escrows.get(id), amount);
      book.mint(s.pToken(), account, amount);
      book.mint(s.nToken(), account, amount);
      if (s.hasThirdOutcome()) {
        book.mint(s.iToken(), account, amount);
      }
      return new LedgerEvent.Split(account, id, amount);
    });
  }

  /**
   * Burns {@code amount} P and {@code amount} N of {@code account} (and {@code amount} I, for a series
   * with the third outcome: only a full set is worth 1 ETH in every outcome) and releases
   * {@code amount} ETH to it. Any time.
   */
  public LedgerEvent.Merged merge(AccountId account, SeriesId id, Amount amount, Instant now) {
    Series s = require(id);
    requirePositive(amount);
    return run(() -> {
      book.burn(s.pToken(), account, amount);
      book.burn(s.nToken(), account, amount);
      if (s.hasThirdOutcome()) {
        book.burn(s.iToken(), account, amount);
      }
      book.transfer(Token.ETH, escrows.get(id), account, amount);
      return new LedgerEvent.Merged(account, id, amount);
    });
  }

  /**
   * Settles {@code id} once, at or after its maturity, from the oracle's final resolution. Fixes
   * each leg's payout per unit. A value: P's from the payoff (rounded down), N's exactly the rest,
   * I's nothing; x = 0 is a value like any other (min(1, S/x) tends to 1: P gets 1 ETH, N nothing).
   * An invalid one pays by the series' own invalid policy, and does not settle at all while either
   * the series or the oracle says FALLBACK. With no final resolution at or after
   * {@code maturity + settlementTimeout}, the series lapses: it settles by its invalid policy.
   */
  public LedgerEvent.Settled settle(SeriesId id, Instant now) {
    Series s = require(id);
    if (settlements.containsKey(id)) {
      throw new OptionsException(new OptionsError.AlreadySettled(id));
    }
    if (now.isBefore(s.maturity())) {
      throw new OptionsException(new OptionsError.NotMatured(id, s.maturity(), now));
    }
    boolean pastTimeout = !now.isBefore(s.maturity().plus(settlementTimeout));
    Optional<Resolution> answered = oracle.finalResolution(s, now);
    Settlement settlement;
    boolean lapses = answered.isEmpty() || isStillWaiting(s, answered.get());
    if (lapses) {
      if (!pastTimeout) {
        throw new OptionsException(new OptionsError.NotFinalized(id));
      }
      settlement = lapse(s, now);
    } else {
      settlement = switch (answered.get()) {
        case Resolution.Value(Price x) -> {
          Amount p = s.payoff().pPayoutPerUnit(x, s.strike());
          yield new Settlement(answered.get(), p, Amount.ONE.minus(p), Amount.ZERO, now);
        }
        case Resolution.Invalid(InvalidPolicy reported) -> invalidSettlement(s, now);
      };
    }
    settlements.put(id, settlement);
    if (lapses) {
      lapsed.add(id);
    }
    return emitted(new LedgerEvent.Settled(id, settlement.resolution(), settlement.pPerUnit(),
        settlement.nPerUnit(), settlement.iPerUnit(), now));
  }

  /**
   * How an invalid resolution settles. The series' own policy governs: it is one of the terms the
   * holders bought (part of the series id), so no oracle can change how their ETH divides. The
   * policy the oracle reports only says whether its INVALID is final: FALLBACK means it handed the
   * question to a heavier oracle that has not answered, so nothing is final yet; HALF_HALF and
   * THIRD_OUTCOME both mean "finally invalid", and the settlement records the series' policy,
   * the one actually applied. A series under FALLBACK never settles on an invalid resolution: it
   * waits for a value from the heavier oracle (its holders can always merge back to ETH).
   */
  private static Settlement invalidSettlement(Series s, Instant now) {
    InvalidPolicy policy = s.invalidPolicy();
    return new Settlement(new Resolution.Invalid(policy), policy.invalidPayoutPerUnit(Leg.P),
        policy.invalidPayoutPerUnit(Leg.N), policy.invalidPayoutPerUnit(Leg.I), now);
  }

  /** An invalid resolution is not final while the oracle or the series says FALLBACK: the heavier oracle has not answered. */
  private static boolean isStillWaiting(Series s, Resolution r) {
    return r instanceof Resolution.Invalid(InvalidPolicy reported)
        && (reported == InvalidPolicy.FALLBACK || s.invalidPolicy() == InvalidPolicy.FALLBACK);
  }

  /** The timeout rule: the series' invalid policy; a FALLBACK series, never answered, divides 1/2 and 1/2. */
  private static Settlement lapse(Series s, Instant now) {
    InvalidPolicy policy = s.invalidPolicy() == InvalidPolicy.FALLBACK ? InvalidPolicy.HALF_HALF : s.invalidPolicy();
    return new Settlement(new Resolution.Invalid(policy), policy.invalidPayoutPerUnit(Leg.P),
        policy.invalidPayoutPerUnit(Leg.N), policy.invalidPayoutPerUnit(Leg.I), now);
  }

  /**
   * Burns {@code amount} of {@code leg} and pays {@code amount × payout per unit} ETH, rounded down.
   * I exists only for a series with the third outcome; asking for it elsewhere is refused.
   */
  public LedgerEvent.Redeemed redeem(AccountId account, SeriesId id, Leg leg, Amount amount, Instant now) {
    Series s = require(id);
    if (leg == null) {
      throw new RuleViolation("leg", "is required (P, N or I)");
    }
    Token token = s.token(leg);
    requirePositive(amount);
    Settlement settlement = settlements.get(id);
    if (settlement == null) {
      throw new OptionsException(new OptionsError.NotSettled(id));
    }
    Amount payout = amount.mulDiv(settlement.perUnit(leg).wei(), Exact.WAD, Rounding.DOWN);
    return run(() -> {
      book.burn(token, account, amount);
      if (payout.isPositive()) {
        book.transfer(Token.ETH, escrows.get(id), account, payout);
      }
      return new LedgerEvent.Redeemed(account, id, leg, amount, payout);
    });
  }

  // ---- queries ----------------------------------------------------------------------------

  public Optional<Series> series(SeriesId id) {
    return Optional.ofNullable(series.get(id));
  }

  /** Every listed series, in listing order. */
  public Map<SeriesId, Series> allSeries() {
    return Collections.unmodifiableMap(series);
  }

  public Optional<Settlement> settlement(SeriesId id) {
    return Optional.ofNullable(settlements.get(id));
  }

  /** ETH locked for {@code id}. */
  public Amount locked(SeriesId id) {
    return book.balanceOf(escrow(id), Token.ETH);
  }

  /**
   * The most ETH that holders of {@code id}'s outstanding legs (P and N, and I with the third
   * outcome) could ever claim: before settlement every full set merges for 1 ETH and any leg may
   * end up paying the whole ETH, so the largest supply; after it, each leg's supply at its payout
   * per unit, rounded up. The ledger keeps {@code locked >= claimable} at all times.
   */
  public Amount claimable(SeriesId id) {
    Series s = require(id);
    Settlement settlement = settlements.get(id);
    BigInteger largest = BigInteger.ZERO;
    BigInteger owed = BigInteger.ZERO;
    for (Leg leg : s.legs()) {
      BigInteger supply = book.totalSupply(s.token(leg)).wei();
      if (settlement == null) {
        largest = largest.max(supply);
      } else {
        owed = owed.add(supply.multiply(settlement.perUnit(leg).wei()));
      }
    }
    return settlement == null ? Amount.ofWei(largest) : Amount.ofWei(Exact.div(owed, Exact.WAD, Rounding.UP));
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

  private Series require(SeriesId id) {
    Series s = id == null ? null : series.get(id);
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
