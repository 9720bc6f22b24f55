package noliq.wrapper.vault;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import noliq.math.Amount;
import noliq.math.Exact;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import noliq.options.Leg;
import noliq.options.OptionsLedger;
import noliq.options.Series;
import noliq.options.SeriesId;
import noliq.wrapper.policy.Observation;
import noliq.wrapper.policy.Position;
import noliq.wrapper.policy.RollDecision;
import noliq.wrapper.policy.Trigger;
import noliq.wrapper.port.RollVenue;
import noliq.wrapper.port.SpotFeed;
import noliq.wrapper.port.TradeOutcome;
import noliq.wrapper.port.TradeRequest;

/**
 * The all-rules wrapper: "a fully-automated onchain DAO (all rules, no voting, no AI)" that holds P
 * for its shareholders and rolls it by one {@link noliq.wrapper.policy.RollPolicy}. There is no
 * admin and no discretion: the rules are fixed in {@link VaultConfig}, the price comes from the
 * vault's own {@link SpotFeed}, and every action is a public call that anyone may make once the
 * rules allow it.
 *
 * <ul>
 *   <li>{@link #deposit}: the depositor's ETH is split into the current series; the vault keeps P and
 *       hands N back or sells it for more P; shares are minted for the intrinsic value added.
 *   <li>{@link #withdraw}: shares are burned for a pro-rata slice of every holding (ETH once unwound).
 *   <li>{@link #roll}: when the policy says so, the held P is traded for the new target through the
 *       configured mechanism. If no taker fills it, the old series is held to settlement through
 *       the slow oracle (Kyrrui's fallback) and later {@link #redeem}ed for ETH, which the next
 *       {@link #roll} call puts back into P.
 * </ul>
 *
 * <p>Share accounting follows OpenZeppelin's ERC-4626 with a decimals offset: {@code 10^offset}
 * virtual shares and 1 virtual unit of value sit in every conversion, so a first depositor cannot
 * inflate the share price against later ones. Every conversion rounds toward the vault: value
 * added down, value already held up, shares minted down, slices paid down.
 *
 * <p>Holdings live in the shared {@link TokenBook} under {@link VaultConfig#account()}; shares are
 * the book token {@link VaultConfig#shareToken()}, minted and burned only here. Every operation is
 * all-or-nothing and returns the event it emitted. Single writer, not thread-safe.
 */
public final class WrapperVault {
  private final VaultConfig config;
  private final OptionsLedger ledger;
  private final TokenBook book;
  private final RollVenue venue;
  private final SpotFeed feed;
  private final Marks marks;
  private final Consumer<VaultEvent> listener;
  private final BigInteger virtualShares;
  private Position current;
  /** The series of {@link #current}, derived once (a series id is a hash). */
  private Series currentSeries;

  public WrapperVault(VaultConfig config, OptionsLedger ledger, RollVenue venue, SpotFeed feed) {
    this(config, ledger, venue, feed, e -> { });
  }

  /** As above, with a listener that sees every accepted event in order. */
  public WrapperVault(VaultConfig config, OptionsLedger ledger, RollVenue venue, SpotFeed feed,
      Consumer<VaultEvent> listener) {
    this.config = config;
    this.ledger = ledger;
    this.book = ledger.book();
    this.venue = venue;
    this.feed = feed;
    this.marks = new Marks(ledger);
    this.listener = listener;
    this.virtualShares = BigInteger.TEN.pow(config.decimalsOffset());
  }

  // ---- operations -------------------------------------------------------------------------

  /** Splits {@code eth} of {@code depositor}'s ETH into the current series and mints shares for the value kept. */
  public VaultEvent.Deposited deposit(AccountId depositor, Amount eth, Instant now) {
    if (eth == null || !eth.isPositive()) {
      throw new VaultException(new VaultError.NonPositiveAmount("amount", eth == null ? Amount.ZERO : eth));
    }
    Observation obs = feed.observe(now);
    if (current != null) {
      RollDecision due = config.policy().decide(Optional.of(current), obs);
      if (due.rolls()) {
        throw new VaultException(new VaultError.RollDue(due.reason()));
      }
      if (!obs.now().isBefore(current.maturity())) {
        throw new VaultException(new VaultError.RollDue("the current series matured at " + current.maturity()));
      }
    }
    AccountId vault = config.account();
    Price navBefore = intrinsicNav(obs, Rounding.UP);
    BigInteger supply = book.totalSupply(config.shareToken()).wei();
    return emitted(book.atomically(() -> {
      if (current == null) {
        Position entry = Position.opened(config.policy().entry(obs), obs.spot(), obs.now());
        setCurrent(entry);
      }
      Series series = currentSeries();
      SeriesId id = ledger.list(series);
      Amount pBefore = book.balanceOf(vault, series.pToken());
      ledger.transfer(depositor, vault, Token.ETH, eth);
      ledger.split(vault, id, eth, obs.now());
      switch (config.nHandling()) {
        case RETURN_TO_DEPOSITOR -> ledger.transfer(vault, depositor, series.nToken(), eth);
        case SELL -> {
          TradeOutcome out = trade(series.nToken(), eth, series.pToken(), obs.now());
          if (out instanceof TradeOutcome.Unfilled u) {
            throw new VaultException(new VaultError.TradeUnfilled(u.reason()));
          }
        }
      }
      Price navAfter = intrinsicNav(obs, Rounding.DOWN);
      BigInteger added = navAfter.units().subtract(navBefore.units());
      BigInteger shares = added.signum() <= 0 ? BigInteger.ZERO
          : Exact.mulDiv(added, supply.add(virtualShares), navBefore.units().add(BigInteger.ONE), Rounding.DOWN);
      if (shares.signum() == 0) {
        throw new VaultException(new VaultError.TooSmall(eth));
      }
      book.mint(config.shareToken(), depositor, Amount.ofWei(shares));
      Amount pAdded = book.balanceOf(vault, series.pToken()).minus(pBefore);
      return new VaultEvent.Deposited(depositor, eth, id, config.nHandling(), pAdded, new Price(added), Amount.ofWei(shares));
    }));
  }

  /** Burns {@code shares} of {@code holder} for a pro-rata slice of every holding, each rounded down. */
  public VaultEvent.Withdrawn withdraw(AccountId holder, Amount shares) {
    if (shares == null || !shares.isPositive()) {
      throw new VaultException(new VaultError.NonPositiveAmount("shares", shares == null ? Amount.ZERO : shares));
    }
    Amount held = book.balanceOf(holder, config.shareToken());
    if (held.isLessThan(shares)) {
      throw new VaultException(new VaultError.InsufficientShares(held, shares));
    }
    AccountId vault = config.account();
    BigInteger denominator = book.totalSupply(config.shareToken()).wei().add(virtualShares);
    return emitted(book.atomically(() -> {
      Map<Token, Amount> paid = new LinkedHashMap<>();
      for (Map.Entry<Token, Amount> e : book.balancesOf(vault).entrySet()) {
        Amount slice = e.getValue().mulDiv(shares.wei(), denominator, Rounding.DOWN);
        if (slice.isPositive()) {
          book.transfer(e.getKey(), vault, holder, slice);
          paid.put(e.getKey(), slice);
        }
      }
      book.burn(config.shareToken(), holder, shares);
      return new VaultEvent.Withdrawn(holder, shares, Collections.unmodifiableMap(paid));
    }));
  }

  /**
   * Anyone's public call: does what the policy allows now. A due roll trades the held P (or, with no P
   * held, idle ETH) for the target; with the policy holding, idle ETH is put back into the current
   * series. Refused, changing nothing, when there is nothing the rules allow.
   */
  public VaultEvent roll(Instant now) {
    Observation obs = feed.observe(now);
    RollDecision decision = config.policy().decide(Optional.ofNullable(current), obs);
    AccountId vault = config.account();
    Amount idleEth = book.balanceOf(vault, Token.ETH);
    return switch (decision) {
      case RollDecision.Hold hold -> {
        if (current == null || idleEth.isZero()) {
          throw new VaultException(new VaultError.RollNotDue(hold.reason()));
        }
        Series series = currentSeries();
        yield emitted(book.atomically(() -> enter(series, idleEth, Trigger.ENTRY, obs,
            "re-entry: put " + idleEth + " idle ETH back into the current series; " + hold.reason())));
      }
      case RollDecision.Roll roll -> {
        Series next = roll.to().series(config.index());
        ledger.list(next);
        Optional<SeriesId> from = Optional.ofNullable(current).map(c -> currentSeries().id());
        Amount heldP = current == null ? Amount.ZERO : book.balanceOf(vault, currentSeries().pToken());
        yield emitted(book.atomically(() -> {
          if (heldP.isPositive()) {
            Series old = currentSeries();
            TradeOutcome out = trade(old.pToken(), heldP, next.pToken(), obs.now());
            return switch (out) {
              case TradeOutcome.Filled f -> {
                setCurrent(Position.opened(roll.to(), obs.spot(), obs.now()));
                yield new VaultEvent.Rolled(from, next.id(), roll.trigger(), config.mechanism(), old.pToken(),
                    f.given(), f.received(), f.fairGiven(), f.fairReceived(), roll.reason());
              }
              case TradeOutcome.Unfilled u -> {
                setCurrent(null);
                yield new VaultEvent.HeldToSettlement(old.id(), config.mechanism(),
                    "no taker by the deadline (" + u.reason() + "): hold to settlement through the slow oracle");
              }
            };
          }
          if (idleEth.isPositive()) {
            Position before = current;
            setCurrent(Position.opened(roll.to(), obs.spot(), obs.now()));
            VaultEvent e = enter(next, idleEth, roll.trigger(), obs, roll.reason());
            if (e instanceof VaultEvent.EntryUnfilled) {
              setCurrent(before);
            }
            return e;
          }
          setCurrent(Position.opened(roll.to(), obs.spot(), obs.now()));
          return new VaultEvent.Retargeted(from, next.id(), roll.trigger(), roll.reason());
        }));
      }
    };
  }

  /**
   * Anyone's public call after {@code id} matures: settles it from the slow oracle if nobody has yet,
   * and redeems the vault's P of it for ETH. Refused, changing nothing, before maturity, before the
   * oracle is final, or when the vault holds none.
   */
  public VaultEvent.Redeemed redeem(SeriesId id, Instant now) {
    Series series = ledger.series(id).orElseThrow(() -> new VaultException(new VaultError.NotHeld(id)));
    Amount p = book.balanceOf(config.account(), series.pToken());
    if (p.isZero()) {
      throw new VaultException(new VaultError.NotHeld(id));
    }
    if (now.isBefore(series.maturity())) {
      throw new VaultException(new VaultError.NotMatured(id, series.maturity()));
    }
    if (ledger.settlement(id).isEmpty()) {
      ledger.settle(id, now);
    }
    return emitted(book.atomically(() -> {
      Amount eth = ledger.redeem(config.account(), id, Leg.P, p, now).payout();
      if (current != null && currentSeries().id().equals(id)) {
        setCurrent(null);
      }
      return new VaultEvent.Redeemed(id, p, eth);
    }));
  }

  // ---- queries ----------------------------------------------------------------------------

  /** What the policy would do now; {@link #roll} does it. */
  public RollDecision rollDecision(Instant now) {
    return config.policy().decide(Optional.ofNullable(current), feed.observe(now));
  }

  public Optional<Position> current() {
    return Optional.ofNullable(current);
  }

  /** The current series, if any. */
  public Optional<Series> currentSeriesIfAny() {
    return current == null ? Optional.empty() : Optional.of(currentSeries());
  }

  /** The series whose P the vault holds (the current one and any held to settlement), in id order. */
  public SortedSet<SeriesId> heldSeries() {
    SortedSet<SeriesId> out = new TreeSet<>(java.util.Comparator.comparing(SeriesId::hex));
    for (Token t : book.balancesOf(config.account()).keySet()) {
      marks.legOf(t).filter(l -> l.leg() == Leg.P).ifPresent(l -> out.add(l.id()));
    }
    return out;
  }

  public Amount sharesOf(AccountId holder) {
    return book.balanceOf(holder, config.shareToken());
  }

  public Amount totalShares() {
    return book.totalSupply(config.shareToken());
  }

  /** The {@code 10^offset} virtual shares of the inflation defence. */
  public Amount virtualShares() {
    return Amount.ofWei(virtualShares);
  }

  public VaultConfig config() {
    return config;
  }

  /** The vault's holdings and NAV at {@code now} at its feed's price, at intrinsic value and at model mark. */
  public NavReport nav(Instant now) {
    return nav(feed.observe(now));
  }

  /** The vault's holdings and NAV at {@code obs} (any price: for reports and studies), at intrinsic value and at model mark. */
  public NavReport nav(Observation obs) {
    List<Holding> holdings = new ArrayList<>();
    BigInteger intrinsic = BigInteger.ZERO;
    BigInteger mark = BigInteger.ZERO;
    for (Map.Entry<Token, Amount> e : book.balancesOf(config.account()).entrySet()) {
      Price i = marks.intrinsic(e.getKey(), e.getValue(), obs, Rounding.DOWN);
      Price m = marks.mark(e.getKey(), e.getValue(), obs, Rounding.DOWN);
      holdings.add(new Holding(e.getKey(), e.getValue(), i, m));
      intrinsic = intrinsic.add(i.units());
      mark = mark.add(m.units());
    }
    BigInteger denominator = totalShares().wei().add(virtualShares);
    return new NavReport(new Price(intrinsic), new Price(mark), totalShares(), virtualShares(),
        new Price(Exact.mulDiv(intrinsic, Exact.WAD, denominator, Rounding.DOWN)),
        new Price(Exact.mulDiv(mark, Exact.WAD, denominator, Rounding.DOWN)), List.copyOf(holdings));
  }

  // ---- internals --------------------------------------------------------------------------

  private Price intrinsicNav(Observation obs, Rounding rounding) {
    BigInteger sum = BigInteger.ZERO;
    for (Map.Entry<Token, Amount> e : book.balancesOf(config.account()).entrySet()) {
      sum = sum.add(marks.intrinsic(e.getKey(), e.getValue(), obs, rounding).units());
    }
    return new Price(sum);
  }

  private VaultEvent enter(Series series, Amount eth, Trigger trigger, Observation obs, String reason) {
    Optional<SeriesId> from = Optional.empty();
    return switch (trade(Token.ETH, eth, series.pToken(), obs.now())) {
      case TradeOutcome.Filled f -> new VaultEvent.Rolled(from, series.id(), trigger, config.mechanism(), Token.ETH,
          f.given(), f.received(), f.fairGiven(), f.fairReceived(), reason);
      case TradeOutcome.Unfilled u -> new VaultEvent.EntryUnfilled(series.id(), config.mechanism(), u.reason());
    };
  }

  /** Asks the venue, then checks that it moved exactly what it reported. */
  private TradeOutcome trade(Token give, Amount amount, Token receive, Instant now) {
    AccountId vault = config.account();
    Amount giveBefore = book.balanceOf(vault, give);
    Amount receiveBefore = book.balanceOf(vault, receive);
    TradeOutcome out = venue.trade(new TradeRequest(vault, give, amount, receive, config.mechanism(), now,
        now.plus(config.rollWindow())));
    Amount giveAfter = book.balanceOf(vault, give);
    Amount receiveAfter = book.balanceOf(vault, receive);
    switch (out) {
      case TradeOutcome.Filled f -> {
        if (f.given().isGreaterThan(amount) || giveBefore.isLessThan(giveAfter)
            || !giveBefore.minus(giveAfter).equals(f.given())
            || receiveAfter.isLessThan(receiveBefore) || !receiveAfter.minus(receiveBefore).equals(f.received())) {
          throw new VaultException(new VaultError.VenueBrokeContract("reported " + f.given() + " " + give + " for "
              + f.received() + " " + receive + " but the book moved otherwise"));
        }
      }
      case TradeOutcome.Unfilled u -> {
        if (!giveAfter.equals(giveBefore) || !receiveAfter.equals(receiveBefore)) {
          throw new VaultException(new VaultError.VenueBrokeContract("reported no fill but moved the vault's balances"));
        }
      }
    }
    return out;
  }

  private Series currentSeries() {
    return currentSeries;
  }

  private void setCurrent(Position next) {
    Position before = current;
    Series seriesBefore = currentSeries;
    current = next;
    currentSeries = next == null ? null : Series.pn(config.index(), next.strike(), next.maturity());
    book.onRollback(() -> {
      current = before;
      currentSeries = seriesBefore;
    });
  }

  private <E extends VaultEvent> E emitted(E event) {
    listener.accept(event);
    return event;
  }
}
