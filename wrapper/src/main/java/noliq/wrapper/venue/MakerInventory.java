package noliq.wrapper.venue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.RuleViolation;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.wrapper.policy.Observation;

/**
 * What the makers carry after they trade with a roll. Each fill (a maker taking a rotation
 * auction, or a maker's resting quote crossed) opens a lot: the maker bought {@code boughtUnits} of
 * one token and paid {@code paidUnits} of another. The lot's value {@code V(t)} is the USD fair value
 * of what it bought less that of what it paid, both marked on the market's surface at {@code t}
 * ({@link MarketDesk#usd}); at the fill {@code V} is the maker's edge.
 *
 * <p>The stated rule ({@link Rule}): the maker hedges {@code hedgeShare} of the lot's spot delta
 * with ETH at the fill (a static hedge, sticky-moneyness delta by central difference) and holds
 * lot and hedge until {@code horizon} after the fill, or the earliest maturity of its legs if
 * sooner, then unwinds both at fair value (no spread paid on the way out: the loss counted is the
 * market's move only). The inventory P&amp;L is {@code V(unwind) − V(fill) + hedge P&amp;L}; the maker's
 * P&amp;L is edge plus inventory. The capital a lot commits is the fair value of what the maker paid
 * at the fill: the options ledger has no margin, so every P or N a maker pays is split from ETH
 * it holds, and the position is funded in full; the makers' committed capital on a path is the
 * peak of that sum over the lots open at once.
 *
 * <p>Pure bookkeeping on the desk's reference: no clock, no randomness. The caller advances it
 * ({@link MarketDesk#unwindDue}) on its own clock.
 */
public final class MakerInventory {
  /** A delta bump for the hedge ratio: relative, on spot. */
  static final double DELTA_BUMP = 1e-4;

  /**
   * How long makers carry what they bought and how much of its delta they hedge.
   *
   * @param horizon from the fill to the unwind (capped at the legs' earliest maturity)
   * @param hedgeShare the share of the lot's spot delta hedged with ETH at the fill, in [0, 1]
   */
  public record Rule(Duration horizon, double hedgeShare) {
    /** A day, unhedged: an assumption to vary (no published figure for a P/N market maker). */
    public static final Rule DEFAULT = new Rule(Duration.ofDays(1), 0);

    public Rule {
      if (horizon == null || horizon.isNegative() || horizon.compareTo(Duration.ofDays(365)) > 0) {
        throw new RuleViolation("makerUnwindHorizon", "must be between 0 and 365 days (was " + horizon + ")");
      }
      if (!(hedgeShare >= 0 && hedgeShare <= 1)) {
        throw new RuleViolation("makerHedgeShare", "must be in [0, 1] (was " + hedgeShare + ")");
      }
    }
  }

  /** One lot from its fill. */
  public record Lot(AccountId maker, Token bought, Amount boughtUnits, Token paid, Amount paidUnits, Instant openedAt,
      Instant unwindAt, double edgeUsd, double capitalUsd, double hedgeEth, double spotAtFill) {}

  /**
   * The makers' totals so far, USD: edge at the fills, inventory P&amp;L of the lots unwound (the
   * hedge's included, and {@code hedgeUsd} its part), the peak capital committed at once, the
   * worst single lot's inventory P&amp;L, and the counts.
   */
  public record Totals(int lots, int open, double edgeUsd, double inventoryUsd, double hedgeUsd, double peakCapitalUsd,
      double worstLotUsd) {
    /** Edge plus inventory: what the makers made. */
    public double pnlUsd() {
      return edgeUsd + inventoryUsd;
    }
  }

  private final Rule rule;
  private final List<Lot> open = new ArrayList<>();
  private int lots;
  private double edgeUsd;
  private double inventoryUsd;
  private double hedgeUsd;
  private double openCapitalUsd;
  private double peakCapitalUsd;
  private double worstLotUsd;

  public MakerInventory(Rule rule) {
    if (rule == null) {
      throw new RuleViolation("rule", "is required");
    }
    this.rule = rule;
  }

  public Rule rule() {
    return rule;
  }

  /** Opens a lot at {@code at}: maker bought {@code boughtUnits} of {@code bought}, paid {@code paidUnits} of {@code paid}. */
  Lot open(MarketDesk desk, AccountId maker, Token bought, Amount boughtUnits, Token paid, Amount paidUnits, Instant at) {
    Observation obs = desk.observe(at);
    double spot = obs.spot().toDouble();
    double paidUsd = desk.usd(paid, paidUnits, obs);
    double edge = desk.usd(bought, boughtUnits, obs) - paidUsd;
    double up = lotValue(desk, bought, boughtUnits, paid, paidUnits, bumped(obs, 1 + DELTA_BUMP));
    double down = lotValue(desk, bought, boughtUnits, paid, paidUnits, bumped(obs, 1 - DELTA_BUMP));
    double delta = (up - down) / (2 * DELTA_BUMP * spot);
    Instant unwind = at.plus(rule.horizon());
    for (Token t : List.of(bought, paid)) {
      if (!t.equals(Token.ETH)) {
        Instant maturity = desk.seriesOf(t).maturity();
        if (maturity.isBefore(unwind)) {
          unwind = maturity.isBefore(at) ? at : maturity;
        }
      }
    }
    Lot lot = new Lot(maker, bought, boughtUnits, paid, paidUnits, at, unwind, edge, Math.max(0, paidUsd),
        -rule.hedgeShare() * delta, spot);
    open.add(lot);
    lots++;
    edgeUsd += edge;
    openCapitalUsd += lot.capitalUsd();
    peakCapitalUsd = Math.max(peakCapitalUsd, openCapitalUsd);
    return lot;
  }

  /** Unwinds, at fair value at {@code now}, every lot whose unwind time is at or before {@code now}. */
  void unwindDue(MarketDesk desk, Instant now) {
    unwind(desk, now, false);
  }

  /** Unwinds every open lot at {@code now} (the path's end). */
  void unwindAll(MarketDesk desk, Instant now) {
    unwind(desk, now, true);
  }

  private void unwind(MarketDesk desk, Instant now, boolean all) {
    if (open.isEmpty()) {
      return;
    }
    Observation obs = null;
    for (java.util.Iterator<Lot> it = open.iterator(); it.hasNext();) {
      Lot lot = it.next();
      if (!all && lot.unwindAt().isAfter(now)) {
        continue;
      }
      if (obs == null) {
        obs = desk.observe(now);
      }
      double pnl = inventoryPnl(desk, lot, obs);
      double hedge = lot.hedgeEth() * (obs.spot().toDouble() - lot.spotAtFill());
      inventoryUsd += pnl;
      hedgeUsd += hedge;
      worstLotUsd = Math.min(worstLotUsd, pnl);
      openCapitalUsd -= lot.capitalUsd();
      it.remove();
    }
    if (open.isEmpty()) {
      openCapitalUsd = 0; // no rounding residue carried into the next lot's peak
    }
  }

  /** A lot's inventory P&amp;L marked at {@code obs}: its value then less its value at the fill, plus its hedge's P&amp;L. */
  static double inventoryPnl(MarketDesk desk, Lot lot, Observation obs) {
    double value = lotValue(desk, lot.bought(), lot.boughtUnits(), lot.paid(), lot.paidUnits(), obs);
    return value - lot.edgeUsd() + lot.hedgeEth() * (obs.spot().toDouble() - lot.spotAtFill());
  }

  private static double lotValue(MarketDesk desk, Token bought, Amount boughtUnits, Token paid, Amount paidUnits, Observation obs) {
    return desk.usd(bought, boughtUnits, obs) - desk.usd(paid, paidUnits, obs);
  }

  private static Observation bumped(Observation obs, double factor) {
    return new Observation(Price.fromDouble(obs.spot().toDouble() * factor, Rounding.DOWN), obs.now(), obs.vol(), obs.surface());
  }

  /** A copy with the same rule, lots and totals (the desk keeps one to restore when a trade rolls back). */
  MakerInventory copy() {
    MakerInventory c = new MakerInventory(rule);
    c.open.addAll(open);
    c.lots = lots;
    c.edgeUsd = edgeUsd;
    c.inventoryUsd = inventoryUsd;
    c.hedgeUsd = hedgeUsd;
    c.openCapitalUsd = openCapitalUsd;
    c.peakCapitalUsd = peakCapitalUsd;
    c.worstLotUsd = worstLotUsd;
    return c;
  }

  /** The totals so far. */
  public Totals totals() {
    return new Totals(lots, open.size(), edgeUsd, inventoryUsd, hedgeUsd, peakCapitalUsd, worstLotUsd);
  }

  /** The lots still open, oldest first. */
  public List<Lot> openLots() {
    return List.copyOf(open);
  }
}
