package noliq.market.roll;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import noliq.market.agents.SeriesLeg;
import noliq.market.agents.MakerParams;
import noliq.market.agents.MakerView;
import noliq.market.agents.MarketMaker;
import noliq.market.amm.ConstantProductPool;
import noliq.market.amm.FeeSchedule;
import noliq.market.auction.AuctionTerms;
import noliq.market.auction.RotationAuctionHouse;
import noliq.market.book.OrderBook;
import noliq.market.book.OrderBook.Side;
import noliq.market.book.OrderBook.TimeInForce;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import noliq.pricing.InverseOptions;
import noliq.pricing.OptionInputs;
import noliq.pricing.Valuation;
import noliq.pricing.VolSurface;

/**
 * Runs the same roll through each mechanism on a fresh {@link TokenBook}, with real pools,
 * auctions, books and makers, in a market frozen at the request's state (spot, the surface's level
 * and put skew, vol-of-vol, realised-vol jump), and measures the cost against Black–Scholes fair value
 * on that surface at each leg's own strike and maturity: {@code (value given - value received) / value
 * given}, both valued in ETH at fair value, over the part of the roll that was filled. The cost splits
 * into spread or edge, pool fees and pool price impact; at a frozen state the market's move while
 * waiting is zero (the study measures it on paths). Makers, pools and flow react to the state as
 * {@link MarketReaction} states. Deterministic: no randomness, virtual time.
 */
public final class RollCostStudy {
  public enum Mechanism { AMM, AUCTION, BOOK }

  /** Fair values of the two legs, per P. */
  public record FairValues(double oldPEth, double newPEth, double oldPIndex, double newPIndex, double oldUnits) {}

  /** The cost of one mechanism for the roll. */
  public record MechanismCost(Mechanism mechanism, double sizeUsd, double filledFraction, double costBps,
      double costUsd, double spreadBps, double feeBps, double impactBps, double moveBps, Map<String, Object> details) {
    /** The share of the roll not traded. */
    public double unfilledShare() {
      return 1 - filledFraction;
    }
  }

  /** The whole comparison. */
  public record Report(RollRequest request, FairValues fair, List<MechanismCost> costs,
      List<RollAssumptions.Assumption> assumptions) {}

  /** The study's virtual start; only differences of time matter. */
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Token OLD = new Token("P:old");
  static final Token NEW = new Token("P:new");
  static final Token ETH = Token.ETH;
  static final AccountId ISSUER = AccountId.of("issuer");
  static final AccountId HOLDER = AccountId.of("holder");

  private RollCostStudy() {}

  public static Report run(RollRequest request, RollAssumptions assumptions, Set<Mechanism> mechanisms) {
    FairValues fair = fair(request, assumptions);
    List<MechanismCost> costs = new ArrayList<>();
    for (Mechanism m : EnumSet.copyOf(mechanisms)) {
      costs.add(switch (m) {
        case AMM -> amm(request, assumptions, fair);
        case AUCTION -> auction(request, assumptions, fair);
        case BOOK -> book(request, assumptions, fair);
      });
    }
    return new Report(request, fair, List.copyOf(costs), assumptions.describe());
  }

  /** The request's surface: its level and put skew, the rest of the smile and the term structure from {@code m}. */
  public static VolSurface surface(RollRequest r, MarketReaction m) {
    return new VolSurface(r.vol(), m.longRunVol(), m.termMeanReversionPerYear(), r.putSkew(), m.callSkew(), m.wingCap());
  }

  static MakerView view(RollRequest r, RollAssumptions a) {
    return new MakerView(r.spot(), surface(r, a.reaction()), r.volOfVol(), r.realisedVolJump(), 0);
  }

  static FairValues fair(RollRequest r) {
    return fair(r, RollAssumptions.DEFAULTS);
  }

  static FairValues fair(RollRequest r, RollAssumptions a) {
    VolSurface s = surface(r, a.reaction());
    Valuation old = InverseOptions.value(OptionInputs.of(r.spot(), r.fromStrike(), r.fromDays(),
        s.volDays(r.spot(), r.fromStrike(), r.fromDays())));
    Valuation nu = InverseOptions.value(OptionInputs.of(r.spot(), r.toStrike(), r.toDays(),
        s.volDays(r.spot(), r.toStrike(), r.toDays())));
    return new FairValues(old.pEth(), nu.pEth(), old.pIndex(), nu.pIndex(), r.sizeUsd() / old.pIndex());
  }

  static MechanismCost amm(RollRequest r, RollAssumptions a, FairValues f) {
    TokenBook book = new TokenBook();
    ConstantProductPool oldPool = seededPool(book, "old-ETH", OLD, f.oldPEth(), maturity(r.fromDays()), r, a);
    ConstantProductPool newPool = seededPool(book, "new-ETH", NEW, f.newPEth(), maturity(r.toDays()), r, a);
    Amount lot = Amount.fromDouble(f.oldUnits(), Rounding.DOWN);
    book.mint(OLD, HOLDER, lot);
    var sell = oldPool.swapExactIn(HOLDER, OLD, lot, Amount.ZERO, T0);
    var buy = newPool.swapExactIn(HOLDER, ETH, sell.amountOut(), Amount.ZERO, T0);
    double feeEth = lot.toDouble() * f.oldPEth() * sell.feePips() / 1e6 + sell.amountOut().toDouble() * buy.feePips() / 1e6;
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("feeEth", feeEth);
    details.put("poolDepthUsd", a.ammPoolDepthUsd() * a.reaction().ammDepthShare(r.vol()));
    details.put("oldFeePips", oldPool.fees().feePips(T0));
    details.put("newFeePips", newPool.fees().feePips(T0));
    details.put("ethReceived", sell.amountOut().toDouble());
    details.put("newPReceived", buy.amountOut().toDouble());
    return cost(Mechanism.AMM, r, f, lot, lot, buy.amountOut(), Amount.ZERO, details);
  }

  static MechanismCost auction(RollRequest r, RollAssumptions a, FairValues f) {
    TokenBook book = new TokenBook();
    RotationAuctionHouse house = new RotationAuctionHouse(book, "roll");
    Amount lot = Amount.fromDouble(f.oldUnits(), Rounding.DOWN);
    book.mint(OLD, HOLDER, lot);
    List<MarketMaker> makers = makers(book, r, a, f);
    SeriesLeg oldLeg = SeriesLeg.p(OLD, r.fromStrike(), r.fromDays());
    SeriesLeg newLeg = SeriesLeg.p(NEW, r.toStrike(), r.toDays());
    Price fairRatio = Price.fromDouble(f.oldPEth() / f.newPEth(), Rounding.UP);
    AuctionTerms terms = new AuctionTerms(fairRatio, a.auctionEdgePips(), a.auctionRamp(), a.auctionRamp());
    long id = house.start(HOLDER, OLD, lot, NEW, terms, T0).auctionId();
    Instant end = T0.plus(a.auctionRamp());
    Instant lastTake = null;
    int takes = 0;
    for (Instant t = T0; t.isBefore(end); t = t.plus(a.makerPollInterval())) {
      for (MarketMaker mm : makers) {
        if (mm.considerAuction(house, id, oldLeg, newLeg, view(r, a), t).isPresent()) {
          takes++;
          lastTake = t;
        }
      }
      if (house.view(id).status() != RotationAuctionHouse.Status.OPEN) {
        break;
      }
    }
    if (house.view(id).status() == RotationAuctionHouse.Status.OPEN) {
      house.expire(id, end);
    }
    Amount sold = lot.minus(book.balanceOf(HOLDER, OLD));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("status", house.view(id).status().name());
    details.put("takes", takes);
    details.put("lastTakeAfterMinutes", lastTake == null ? null : Duration.between(T0, lastTake).toMinutes());
    return cost(Mechanism.AUCTION, r, f, lot, sold, book.balanceOf(HOLDER, NEW), Amount.ZERO, details);
  }

  static MechanismCost book(RollRequest r, RollAssumptions a, FairValues f) {
    TokenBook book = new TokenBook();
    OrderBook oldBook = new OrderBook(book, "old-ETH", OLD, ETH);
    OrderBook newBook = new OrderBook(book, "new-ETH", NEW, ETH);
    SeriesLeg oldLeg = SeriesLeg.p(OLD, r.fromStrike(), r.fromDays());
    SeriesLeg newLeg = SeriesLeg.p(NEW, r.toStrike(), r.toDays());
    List<MarketMaker> makers = makers(book, r, a, f);
    MakerView view = view(r, a);
    double capacity = a.makerInventoryUsd() * a.reaction().makerResponse().capacityShare(view);
    for (MarketMaker mm : makers) {
      mm.restQuotes(oldBook, oldLeg, units(capacity, r.spot(), f.oldPEth()), view, T0);
    }
    // Separate maker accounts per book keep a maker's two books from sharing (and double-counting) inventory.
    List<MarketMaker> newMakers = makers(book, r, a, f, "new-");
    for (MarketMaker mm : newMakers) {
      mm.restQuotes(newBook, newLeg, units(capacity, r.spot(), f.newPEth()), view, T0);
    }
    Price[] oldQuote = makers.get(0).quoteEth(oldLeg, view);
    Price[] newQuote = makers.get(0).quoteEth(newLeg, view);
    Amount lot = Amount.fromDouble(f.oldUnits(), Rounding.DOWN);
    book.mint(OLD, HOLDER, lot);
    long ask = oldBook.place(HOLDER, Side.SELL, Price.fromDouble(f.oldPEth(), Rounding.UP), lot, TimeInForce.POST_ONLY, T0)
        .placed().orderId();
    Long bid = null;
    AccountId buyer = AccountId.of("flow-buyer");
    AccountId seller = AccountId.of("flow-seller");
    double stepsPerDay = Duration.ofDays(1).toNanos() / (double) a.flowInterval().toNanos();
    double flowUsd = a.naturalFlowUsdPerDay() / stepsPerDay * a.reaction().flowScale(r.vol());
    double imbalance = a.reaction().flowImbalance(r.vol());
    // one-sided when vol is high: fewer buyers of P, more sellers
    Amount flowOld = units(flowUsd * (1 - imbalance), r.spot(), f.oldPEth());
    Amount flowNew = units(flowUsd * (1 + imbalance), r.spot(), f.newPEth());
    long steps = a.patience().toNanos() / a.flowInterval().toNanos();
    if (flowOld.isPositive() && flowNew.isPositive()) {
      book.mint(ETH, buyer, Amount.fromDouble(flowUsd / r.spot() * 4 * (steps + 1), Rounding.UP));
      book.mint(NEW, seller, flowNew.times(steps + 1));
    }
    Amount passiveOld = Amount.ZERO;
    for (long step = 1; step <= steps && flowOld.isPositive() && flowNew.isPositive(); step++) {
      Instant t = T0.plus(a.flowInterval().multipliedBy(step));
      passiveOld = passiveOld.plus(oldBook.place(buyer, Side.BUY, oldQuote[1], flowOld, TimeInForce.IOC, t)
          .matches().stream().filter(m -> m.maker().equals(HOLDER)).map(m -> m.base()).reduce(Amount.ZERO, Amount::plus));
      newBook.place(seller, Side.SELL, newQuote[0], flowNew, TimeInForce.IOC, t);
      if (bid != null && newBook.order(bid).isPresent()) {
        newBook.cancel(HOLDER, bid, t);
      }
      bid = null;
      Price fairNew = Price.fromDouble(f.newPEth(), Rounding.DOWN);
      Amount eth = book.balanceOf(HOLDER, ETH);
      Amount want = eth.mulDiv(noliq.math.Exact.WAD, fairNew.units(), Rounding.DOWN);
      if (worthAWei(want, fairNew)) {
        bid = newBook.place(HOLDER, Side.BUY, fairNew, want, TimeInForce.POST_ONLY, t).placed().orderId();
      }
    }
    Instant end = T0.plus(a.patience());
    Amount passiveNew = book.balanceOf(HOLDER, NEW);
    if (oldBook.order(ask).isPresent()) {
      oldBook.cancel(HOLDER, ask, end);
    }
    if (bid != null && newBook.order(bid).isPresent()) {
      newBook.cancel(HOLDER, bid, end);
    }
    // Patience is over: cross the makers' quotes with the rest.
    Amount restOld = book.balanceOf(HOLDER, OLD);
    if (worthAWei(restOld, oldQuote[0]) && oldBook.bestBid().isPresent()) {
      oldBook.place(HOLDER, Side.SELL, oldQuote[0], restOld, TimeInForce.IOC, end);
    }
    // Each fill's quote rounds up by at most 1 wei, so keep one wei per resting maker order in hand.
    Amount eth = book.balanceOf(HOLDER, ETH);
    Amount margin = Amount.ofWei(a.makerCount() + 1L);
    Amount spendable = eth.isGreaterThan(margin) ? eth.minus(margin) : Amount.ZERO;
    Amount buyNew = spendable.mulDiv(noliq.math.Exact.WAD, newQuote[1].units(), Rounding.DOWN);
    if (worthAWei(buyNew, newQuote[1]) && newBook.bestAsk().isPresent()) {
      newBook.place(HOLDER, Side.BUY, newQuote[1], buyNew, TimeInForce.IOC, end);
    }
    Amount sold = lot.minus(book.balanceOf(HOLDER, OLD));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("passiveFractionOfOld", passiveOld.toDouble() / lot.toDouble());
    details.put("passiveNewBought", passiveNew.toDouble());
    details.put("ethLeftUnspent", book.balanceOf(HOLDER, ETH).toDouble());
    return cost(Mechanism.BOOK, r, f, lot, sold, book.balanceOf(HOLDER, NEW), book.balanceOf(HOLDER, ETH), details);
  }

  private static MechanismCost cost(Mechanism m, RollRequest r, FairValues f, Amount offered, Amount sold,
      Amount newReceived, Amount ethLeft, Map<String, Object> details) {
    double given = sold.toDouble() * f.oldPEth();
    double received = newReceived.toDouble() * f.newPEth() + ethLeft.toDouble();
    double costBps = given > 0 ? (given - received) / given * 10_000 : Double.NaN;
    double filled = sold.toDouble() / offered.toDouble();
    double feeBps = given > 0 && details.get("feeEth") instanceof Double fee ? fee / given * 10_000 : 0;
    double impactBps = m == Mechanism.AMM ? costBps - feeBps : 0;
    double spreadBps = m == Mechanism.AMM ? 0 : costBps;
    return new MechanismCost(m, r.sizeUsd(), filled, costBps, (given - received) * r.spot(), spreadBps, feeBps,
        impactBps, 0, details);
  }

  private static ConstantProductPool seededPool(TokenBook book, String name, Token p, double pEth, Instant maturity,
      RollRequest r, RollAssumptions a) {
    // a frozen state: the dynamic fee (if on) is the one at the request's level
    FeeSchedule fees = a.reaction().ammFees(new FeeSchedule.RampToMaturity(a.ammBaseFeePips(), a.ammFinalFeePips(),
        a.ammFeeRampWindow(), maturity), now -> r.vol());
    ConstantProductPool pool = new ConstantProductPool(book, name, p, ETH, fees, Optional.of(maturity));
    double depthUsd = a.ammPoolDepthUsd() * a.reaction().ammDepthShare(r.vol());
    Amount eth = Amount.fromDouble(depthUsd / 2 / r.spot(), Rounding.DOWN);
    Amount pAmount = Amount.fromDouble(depthUsd / 2 / r.spot() / pEth, Rounding.DOWN);
    AccountId lp = AccountId.of("lp-" + name);
    book.mint(p, lp, pAmount);
    book.mint(ETH, lp, eth);
    pool.addLiquidity(lp, pAmount, eth, T0);
    return pool;
  }

  private static List<MarketMaker> makers(TokenBook book, RollRequest r, RollAssumptions a, FairValues f) {
    return makers(book, r, a, f, "");
  }

  private static List<MarketMaker> makers(TokenBook book, RollRequest r, RollAssumptions a, FairValues f,
      String prefix) {
    MakerParams params = new MakerParams(r.vol(), a.makerHalfSpreadBps(), a.makerMinEdgeBps(), a.makerMaxEdgeBps(),
        a.makerInventoryUsd());
    List<MarketMaker> out = new ArrayList<>();
    for (int i = 1; i <= a.makerCount(); i++) {
      AccountId id = AccountId.of(prefix + "maker-" + i);
      // Inventory for either side of either leg, with a margin for the half-spread.
      double usd = a.makerInventoryUsd() * 1.1;
      book.mint(NEW, id, units(usd, r.spot(), f.newPEth()));
      book.mint(OLD, id, units(usd, r.spot(), f.oldPEth()));
      book.mint(ETH, id, Amount.fromDouble(usd / r.spot(), Rounding.DOWN));
      out.add(new MarketMaker(id, params, a.reaction().makerResponse(), book));
    }
    return out;
  }

  /** An order book takes only orders worth at least 1 wei of quote at their limit. */
  private static boolean worthAWei(Amount amount, Price limit) {
    return amount.mulDiv(limit.units(), noliq.math.Exact.WAD, Rounding.DOWN).isPositive();
  }

  private static Amount units(double usd, double spot, double pEth) {
    return Amount.fromDouble(usd / spot / pEth, Rounding.DOWN);
  }

  private static Instant maturity(double days) {
    return T0.plus(Duration.ofSeconds(Math.round(days * 86_400)));
  }
}
