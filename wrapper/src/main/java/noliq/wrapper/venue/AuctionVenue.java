package noliq.wrapper.venue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import noliq.market.agents.MarketMaker;
import noliq.market.agents.SeriesLeg;
import noliq.market.auction.AuctionTerms;
import noliq.market.auction.RotationAuctionHouse;
import noliq.math.Amount;
import noliq.math.Exact;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.book.Token;
import noliq.wrapper.port.ExecutionCost;
import noliq.wrapper.port.RollVenue;
import noliq.wrapper.port.TradeOutcome;
import noliq.wrapper.port.TradeRequest;

/**
 * Kyrrui's rotation auction as a roll venue: the trader's whole amount is escrowed in a
 * {@link RotationAuctionHouse} at the fair ratio (InverseOptions at the reference), conceding
 * linearly to {@code auctionEdgePips} over {@code auctionRamp}; the desk's makers look every
 * {@code makerPollInterval} and take what their edge and inventory allow. At the deadline (the
 * request's, or the ramp's end if sooner) the rest is returned. No take at all is
 * {@link TradeOutcome.Unfilled} with the auction cancelled, so nothing moved; a partial fill
 * reports what was sold. The auction lives on the reference's clock: spot, surface and stress move
 * during the ramp, and each maker takes when the price at that moment pays the edge it requires on
 * the market at that moment, valued on its own estimate. The cost is reported against fair value at
 * the decision ({@link #lastExecution()}): execution at each take against fair value then, and the
 * market's move while waiting.
 */
public final class AuctionVenue implements RollVenue {
  private final MarketDesk desk;
  private final RotationAuctionHouse house;
  private ExecutionCost last;

  public AuctionVenue(MarketDesk desk) {
    this.desk = desk;
    this.house = new RotationAuctionHouse(desk.book(), "rolls");
  }

  public RotationAuctionHouse house() {
    return house;
  }

  @Override
  public java.util.Optional<ExecutionCost> lastExecution() {
    return java.util.Optional.ofNullable(last);
  }

  @Override
  public TradeOutcome trade(TradeRequest r) {
    Instant now = r.now();
    Duration life = Duration.between(now, r.deadline());
    Duration ramp = desk.assumptions().auctionRamp();
    if (life.isZero()) {
      return new TradeOutcome.Unfilled("a deadline of now leaves the auction no time");
    }
    if (life.compareTo(ramp) > 0) {
      life = ramp;
    }
    double fairGive = desk.fairEth(r.give(), now);
    double fairReceive = desk.fairEth(r.receive(), now);
    if (!(fairGive > 0) || !(fairReceive > 0)) {
      return new TradeOutcome.Unfilled("no fair value for " + r.give() + " or " + r.receive());
    }
    // the auction's curve and life are the ramp's; a sooner deadline ends the polling early and withdraws the rest
    AuctionTerms terms = new AuctionTerms(Price.fromDouble(fairGive / fairReceive, Rounding.UP),
        desk.assumptions().auctionEdgePips(), ramp, ramp);
    if (!desk.makersPresent()) {
      return new TradeOutcome.Unfilled("no maker watched the auction until " + now.plus(life));
    }
    Instant end = now.plus(life);
    try {
      return desk.book().atomically(() -> run(r, terms, now, end));
    } catch (NoFill e) {
      return new TradeOutcome.Unfilled(e.reason);
    }
  }

  private TradeOutcome run(TradeRequest r, AuctionTerms terms, Instant now, Instant end) {
    Amount giveBefore = desk.book().balanceOf(r.trader(), r.give());
    Amount receiveBefore = desk.book().balanceOf(r.trader(), r.receive());
    long id = house.start(r.trader(), r.give(), r.amount(), r.receive(), terms, now).auctionId();
    List<MarketMaker> makers = desk.makersFor(now);
    // Each maker can pay for the whole lot at the auction's floor: the new P is split from its ETH, so supplies stay whole.
    Amount payAll = r.amount().mulDiv(terms.fairPrice().units(), Exact.WAD, Rounding.UP);
    for (MarketMaker mm : makers) {
      desk.cover(mm.id(), r.receive(), payAll, now);
    }
    Instant lastTake = null;
    double executionEth = 0;
    long polls = 0;
    long maxPolls = Duration.between(now, end).toNanos() / desk.assumptions().makerPollInterval().toNanos() + 1;
    for (Instant t = now; t.isBefore(end) && polls < maxPolls; t = t.plus(desk.assumptions().makerPollInterval()), polls++) {
      double otherDays = r.receive().equals(Token.ETH) ? 1 : desk.leg(r.receive(), t, 1).days();
      SeriesLeg sold = desk.leg(r.give(), t, otherDays);
      SeriesLeg paid = desk.leg(r.receive(), t, sold.days());
      for (int i = 0; i < makers.size(); i++) {
        var take = makers.get(i).considerAuction(house, id, sold, paid, desk.view(t, i), t);
        if (take.isPresent()) {
          lastTake = t;
          double q = take.get().lotTaken().toDouble();
          executionEth += q * desk.fairEth(r.give(), t) - take.get().paid().toDouble() * desk.fairEth(r.receive(), t);
          desk.makerFilled(makers.get(i).id(), r.give(), take.get().lotTaken(), r.receive(), take.get().paid(), t);
        }
      }
      if (house.view(id).status() != RotationAuctionHouse.Status.OPEN) {
        break;
      }
    }
    if (lastTake == null) {
      // Nobody took any of it: the seller withdraws, the lot comes back whole, and the trader's balances are as before.
      // and the makers' preparation is undone with it, so the book is exactly as before
      house.cancel(id, r.trader(), now);
      throw new NoFill("no maker took the auction by " + end + " (its edge never reached theirs)");
    }
    if (house.view(id).status() == RotationAuctionHouse.Status.OPEN) {
      if (end.isBefore(house.view(id).end())) {
        house.cancel(id, r.trader(), end);
      } else {
        house.expire(id, end);
      }
    }
    Amount given = giveBefore.minus(desk.book().balanceOf(r.trader(), r.give()));
    Amount received = desk.book().balanceOf(r.trader(), r.receive()).minus(receiveBefore);
    last = new ExecutionCost(given.toDouble() * desk.fairEth(r.give(), now), received.toDouble() * desk.fairEth(r.receive(), now),
        executionEth, 0, 0, 1 - given.toDouble() / r.amount().toDouble(), now, lastTake);
    return new TradeOutcome.Filled(given, received, desk.fair(r.give(), given, now), desk.fair(r.receive(), received, now),
        lastTake);
  }

  @Override
  public String toString() {
    return "AuctionVenue[" + desk.assumptions().auctionEdgePips() / 1e4 + "% over " + desk.assumptions().auctionRamp() + "]";
  }

  /** Unwinds the book (escrow, makers' preparation) when nobody filled: an Unfilled trade moves nothing. */
  static final class NoFill extends RuntimeException {
    final String reason;

    NoFill(String reason) {
      super(reason, null, false, false);
      this.reason = reason;
    }
  }
}
