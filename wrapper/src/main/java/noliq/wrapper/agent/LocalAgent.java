package noliq.wrapper.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.options.IndexId;
import noliq.options.Leg;
import noliq.options.OptionsError;
import noliq.options.OptionsException;
import noliq.options.OptionsLedger;
import noliq.options.Series;
import noliq.wrapper.policy.Exposure;
import noliq.wrapper.policy.Observation;
import noliq.wrapper.policy.Position;
import noliq.wrapper.policy.RollDecision;
import noliq.wrapper.port.PriceView;
import noliq.wrapper.port.RollVenue;
import noliq.wrapper.port.TradeOutcome;
import noliq.wrapper.port.TradeRequest;
import noliq.wrapper.port.VolFeed;

/**
 * A holder's private rebalancer: "users choose when to rebalance locally, using a daemon on their own
 * device". It reads k of its n price sources and takes their median ({@link PrivateMedian}), so its
 * view is hidden; it runs the same {@link noliq.wrapper.policy.RollPolicy} as a vault would; and it
 * trades a due roll at a random moment within a window, by resting orders or an auction with a
 * deadline, so its timing is hidden too. It values P (and states its exposure) on the implied-vol
 * surface it reads from its {@link VolFeed} at the moment of the decision, at the held series' own strike
 * and maturity, as marks and makers do: the deep out-of-the-money put a P holder is short is valued on
 * the put wing, not at one fixed vol. Time, randomness and the surface come in from the caller: the lab
 * passes its virtual clock, a seeded generator and the path's surface; the daemon the wall clock, its own
 * generator and the surface its user states.
 */
public final class LocalAgent {
  private final AgentConfig config;
  private final VolFeed volFeed;
  private final AccountId holder;
  private final IndexId index;
  private final PrivateMedian median;
  private Position held;
  private AgentDecision pending;
  private Instant nextCheck;
  private final List<AgentEvent> log = new ArrayList<>();

  public LocalAgent(AgentConfig config, VolFeed volFeed, AccountId holder, IndexId index, Optional<Position> held) {
    if (config == null || volFeed == null) {
      throw new noliq.math.RuleViolation("agent", "config and vol feed are required");
    }
    this.config = config;
    this.volFeed = volFeed;
    this.holder = holder;
    this.index = index;
    this.median = new PrivateMedian(config.k());
    this.held = held.orElse(null);
  }

  /** One private reading and the policy's answer at {@code now}, with a random trade time if a roll is due. Changes nothing. */
  public AgentDecision decide(Instant now, PriceView view, RandomGenerator rng) {
    PrivateMedian.Reading reading = median.read(view, rng);
    Instant next = now.plus(jitter(config.checkEvery(), rng));
    if (reading.median().isEmpty()) {
      return new AgentDecision(now, reading, Optional.empty(), Optional.empty(), Optional.empty(), config.mechanism(),
          Optional.empty(), next, "only " + reading.answers().size() + " of " + config.k()
          + " sources answered, not a majority: no decision, check again later");
    }
    Observation obs = new Observation(reading.median().get(), now, volFeed.surface(now));
    RollDecision d = config.policy().decide(Optional.ofNullable(held), obs);
    Optional<Exposure> exposure = Optional.ofNullable(held).map(p -> Exposure.of(p, obs));
    if (d instanceof RollDecision.Roll) {
      long windowSeconds = config.executionWindow().toSeconds();
      Instant tradeAt = now.plusSeconds(windowSeconds == 0 ? 0 : rng.nextLong(windowSeconds + 1));
      return new AgentDecision(now, reading, Optional.of(d), exposure, Optional.of(tradeAt), config.mechanism(),
          Optional.of(tradeAt.plus(config.deadline())), next,
          "median of " + reading.answers().size() + " private sources is " + obs.spot() + ": " + d.reason()
              + "; trade at a random moment in the next " + config.executionWindow() + " by " + config.mechanism());
    }
    return new AgentDecision(now, reading, Optional.of(d), exposure, Optional.empty(), config.mechanism(),
        Optional.empty(), next, "median of " + reading.answers().size() + " private sources is " + obs.spot() + ": "
        + d.reason());
  }

  /**
   * Runs the agent at {@code now}: a pending roll whose moment has come is re-checked on a fresh
   * reading and traded through {@code venue}; otherwise, when a check is due, it decides (and
   * schedules a due roll). Returns what it did, if anything.
   */
  public List<AgentEvent> step(Instant now, PriceView view, RandomGenerator rng, RollVenue venue, OptionsLedger ledger) {
    List<AgentEvent> out = new ArrayList<>();
    redeemIfSettled(now, ledger).ifPresent(out::add);
    if (pending != null && !now.isBefore(pending.tradeAt().orElseThrow())) {
      AgentDecision fresh = decide(now, view, rng);
      out.add(new AgentEvent.Decided(fresh));
      pending = null;
      nextCheck = fresh.nextCheck();
      if (fresh.decision().orElse(null) instanceof RollDecision.Roll roll) {
        out.add(execute(roll, fresh.reading().median().orElseThrow(), now, venue, ledger));
      }
    } else if (pending == null && (nextCheck == null || !now.isBefore(nextCheck))) {
      // while a roll is pending its random moment owns the schedule: re-deciding would redraw it
      AgentDecision d = decide(now, view, rng);
      out.add(new AgentEvent.Decided(d));
      nextCheck = d.nextCheck();
      if (d.rolls()) {
        pending = d;
      }
    }
    log.addAll(out);
    return out;
  }

  /**
   * The fallback when a roll never filled: once the held series has matured and the slow oracle is
   * final, settle it (if nobody has) and redeem its P for ETH; the next decision re-enters from ETH.
   */
  private Optional<AgentEvent> redeemIfSettled(Instant now, OptionsLedger ledger) {
    if (held == null || now.isBefore(held.maturity())) {
      return Optional.empty();
    }
    Series s = Series.pn(index, held.strike(), held.maturity());
    if (ledger.series(s.id()).isEmpty()) {
      return Optional.empty();
    }
    if (ledger.settlement(s.id()).isEmpty()) {
      try {
        ledger.settle(s.id(), now);
      } catch (OptionsException e) {
        if (e.error() instanceof OptionsError.NotFinalized) {
          return Optional.empty(); // the oracle is still resolving: wait
        }
        throw e;
      }
    }
    Amount p = ledger.balance(holder, s.pToken());
    held = null;
    pending = null;
    if (p.isZero()) {
      return Optional.empty();
    }
    Amount eth = ledger.redeem(holder, s.id(), Leg.P, p, now).payout();
    return Optional.of(new AgentEvent.Redeemed(now, s.id(), p, eth));
  }

  private AgentEvent execute(RollDecision.Roll roll, Price spot, Instant now, RollVenue venue, OptionsLedger ledger) {
    Series next = roll.to().series(index);
    ledger.list(next);
    Optional<Series> from = Optional.ofNullable(held).map(p -> Series.pn(index, p.strike(), p.maturity()));
    Amount heldP = from.map(s -> ledger.balance(holder, s.pToken())).orElse(Amount.ZERO);
    Token give = heldP.isPositive() ? from.get().pToken() : Token.ETH;
    Amount amount = heldP.isPositive() ? heldP : ledger.balance(holder, Token.ETH);
    if (amount.isZero()) {
      return new AgentEvent.Unfilled(now, next.id(), config.mechanism(), "nothing to trade: the holder has no P and no ETH");
    }
    TradeOutcome outcome = venue.trade(new TradeRequest(holder, give, amount, next.pToken(), config.mechanism(), now,
        now.plus(config.deadline())));
    return switch (outcome) {
      case TradeOutcome.Filled f -> {
        held = Position.opened(roll.to(), spot, now);
        yield new AgentEvent.Traded(now, from.map(Series::id), next.id(), config.mechanism(), give, f.given(),
            f.received(), f.fairGiven(), f.fairReceived());
      }
      case TradeOutcome.Unfilled u -> new AgentEvent.Unfilled(now, next.id(), config.mechanism(), u.reason());
    };
  }

  public Optional<Position> held() {
    return Optional.ofNullable(held);
  }

  public Optional<AgentDecision> pending() {
    return Optional.ofNullable(pending);
  }

  /** Every decision and trade, in order: the daemon's log of what it did and why. */
  public List<AgentEvent> log() {
    return List.copyOf(log);
  }

  public AgentConfig config() {
    return config;
  }

  /** A gap drawn uniformly from [0.5, 1.5] × {@code mean}, to the second. */
  static Duration jitter(Duration mean, RandomGenerator rng) {
    long s = mean.toSeconds();
    return Duration.ofSeconds(s / 2 + rng.nextLong(s + 1));
  }
}
