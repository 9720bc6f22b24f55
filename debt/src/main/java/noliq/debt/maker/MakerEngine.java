package noliq.debt.maker;

import noliq.math.Rounding;
import noliq.math.Exact;
import static noliq.debt.maker.DssMath.BLN;
import static noliq.debt.maker.DssMath.WAD;
import static noliq.debt.maker.DssMath.rdiv;
import static noliq.debt.maker.DssMath.rmul;
import static noliq.debt.maker.DssMath.wmul;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import noliq.math.Price;
import noliq.math.book.AccountId;

/**
 * Maker's core accounting with Liquidations 2.0: the Vat (vaults, DAI and sin), the Spotter's
 * {@code poke}, the Dog's {@code bark} and one Clipper per ilk ({@code kick}, {@code take},
 * {@code redo}), all at dss's integer scales (see {@link DssMath}).
 *
 * <p>Every operation checks all its rules before it changes anything, as the contracts' requires
 * do, so a refused operation leaves no trace; it then returns (and publishes) one {@link MakerEvent}.
 * Time is an argument ({@code now}); nothing here reads a clock.
 *
 * <p>Invariants (checked by the property tests): {@code debt = Σ dai}, {@code vice = Σ sin},
 * {@code debt = vice + Σ Art·rate}; per ilk, {@code Σ art = Art}, {@code dirt = Σ tab} of its live
 * auctions, the Clipper holds exactly {@code Σ lot}, and collateral joined minus exited equals
 * {@code Σ gem + Σ ink}; {@code Dirt = Σ dirt}.
 *
 * <p>Single writer, not thread-safe.
 */
public final class MakerEngine {
  /** The Vow: receives auction proceeds and fees, carries the seized debt as sin. */
  public static final AccountId VOW = AccountId.of("maker:vow");

  private final BigInteger holeGlobal;
  private BigInteger dirtGlobal = BigInteger.ZERO;
  private BigInteger debt = BigInteger.ZERO;
  private BigInteger vice = BigInteger.ZERO;
  private final Map<String, IlkState> ilks = new LinkedHashMap<>();
  private final Map<AccountId, BigInteger> dai = new HashMap<>();
  private final Map<AccountId, BigInteger> sin = new HashMap<>();
  private final TreeMap<Long, Sale> sales = new TreeMap<>();
  private long kicks;
  private Consumer<MakerEvent> listener = e -> { };

  /** A system whose Dog allows at most {@code hole} [rad] of DAI in all auctions together ({@code Hole}). */
  public MakerEngine(BigInteger hole) {
    ClipperParams.requireNonNegative("Hole", hole);
    this.holeGlobal = hole;
  }

  /** Sends every accepted operation's event to {@code listener} (one listener; the last set wins). */
  public void onEvent(Consumer<MakerEvent> listener) {
    this.listener = listener == null ? e -> { } : listener;
  }

  /** The Clipper's account for {@code ilk}, which holds the collateral on auction. */
  public static AccountId clipper(String ilk) {
    return AccountId.of("maker:clip:" + ilk);
  }

  // ------------------------------------------------------------------ administration

  /** Adds a collateral type ({@code vat.init} and the {@code file}s of Spotter, Dog and Clipper). */
  public MakerEvent.IlkAdded addIlk(IlkParams params) {
    if (ilks.containsKey(params.name())) {
      throw refuse(new MakerError.DuplicateIlk(params.name()));
    }
    ilks.put(params.name(), new IlkState(params));
    return emit(new MakerEvent.IlkAdded(params));
  }

  /** The Spotter's {@code poke}: a new oracle value (index units per unit of collateral, par = 1). */
  public MakerEvent.Poked poke(String ilk, Price price) {
    IlkState i = ilk(ilk);
    if (price == null || !price.isPositive()) {
      throw refuse(new MakerError.NonPositivePrice("price"));
    }
    // spot.sol: spot = rdiv(rdiv(val * 10^9, par), mat) with par = RAY, so rdiv(x, par) = x.
    BigInteger feed = price.units().multiply(BLN);
    BigInteger spot = rdiv(feed, i.params.mat());
    i.feed = feed;
    i.spot = spot;
    return emit(new MakerEvent.Poked(ilk, price.units(), feed, spot));
  }

  /** Collateral enters the Vat for {@code usr} (the join adapter's {@code slip}) [wad]. */
  public MakerEvent.Slipped join(String ilk, AccountId usr, BigInteger wad) {
    IlkState i = ilk(ilk);
    requirePositive("wad", wad);
    credit(i.gem, usr, wad);
    i.joined = i.joined.add(wad);
    return emit(new MakerEvent.Slipped(ilk, usr, wad));
  }

  /** Free collateral leaves the Vat ({@code exit}) [wad]. */
  public MakerEvent.Slipped exit(String ilk, AccountId usr, BigInteger wad) {
    IlkState i = ilk(ilk);
    requirePositive("wad", wad);
    BigInteger have = i.gem.getOrDefault(usr, BigInteger.ZERO);
    if (have.compareTo(wad) < 0) {
      throw refuse(new MakerError.Insufficient("wad", "the free collateral of " + usr, wad, have));
    }
    put(i.gem, usr, have.subtract(wad));
    i.exited = i.exited.add(wad);
    return emit(new MakerEvent.Slipped(ilk, usr, wad.negate()));
  }

  // ------------------------------------------------------------------ vaults

  /**
   * The Vat's {@code frob} for a vault that uses its own collateral and DAI: lock ({@code dink > 0})
   * or free collateral [wad], draw ({@code dart > 0}) or wipe normalised debt [wad]. Debt ceilings
   * are not modelled.
   */
  public MakerEvent.Frobbed frob(String ilk, AccountId urn, BigInteger dink, BigInteger dart) {
    IlkState i = ilk(ilk);
    if (dink == null || dart == null) {
      throw refuse(new MakerError.BadParameter(dink == null ? "dink" : "dart", "is required"));
    }
    Urn u = i.urns.getOrDefault(urn, Urn.EMPTY);
    BigInteger ink = u.ink.add(dink);
    BigInteger art = u.art.add(dart);
    if (ink.signum() < 0) {
      throw refuse(new MakerError.Insufficient("dink", "the collateral locked in " + urn, dink.negate(), u.ink));
    }
    if (art.signum() < 0) {
      throw refuse(new MakerError.Insufficient("dart", "the debt of " + urn, dart.negate(), u.art));
    }
    BigInteger dtab = i.rate.multiply(dart);
    BigInteger tab = i.rate.multiply(art);
    boolean lessRisky = dart.signum() <= 0 && dink.signum() >= 0;
    if (!lessRisky && tab.compareTo(ink.multiply(i.spot)) > 0) {
      throw refuse(new MakerError.NotSafe(urn.name()));
    }
    if (art.signum() != 0 && tab.compareTo(i.params.dust()) < 0) {
      throw refuse(new MakerError.Dusty(urn.name()));
    }
    BigInteger gem = i.gem.getOrDefault(urn, BigInteger.ZERO).subtract(dink);
    if (gem.signum() < 0) {
      throw refuse(new MakerError.Insufficient("dink", "the free collateral of " + urn, dink, gem.add(dink)));
    }
    BigInteger daiAfter = dai.getOrDefault(urn, BigInteger.ZERO).add(dtab);
    if (daiAfter.signum() < 0) {
      throw refuse(new MakerError.Insufficient("dart", "the DAI of " + urn, dtab.negate(), daiAfter.subtract(dtab)));
    }
    i.urns.put(urn, new Urn(ink, art));
    i.art = i.art.add(dart);
    put(i.gem, urn, gem);
    put(dai, urn, daiAfter);
    debt = debt.add(dtab);
    return emit(new MakerEvent.Frobbed(ilk, urn, dink, dart, ink, art));
  }

  /** The Jug's {@code drip} reduced to the Vat's {@code fold}: {@code rate += delta}, fees to the Vow. */
  public MakerEvent.Folded fold(String ilk, BigInteger delta) {
    IlkState i = ilk(ilk);
    requirePositive("delta", delta);
    BigInteger rad = i.art.multiply(delta);
    i.rate = i.rate.add(delta);
    credit(dai, VOW, rad);
    debt = debt.add(rad);
    return emit(new MakerEvent.Folded(ilk, delta, i.rate, rad));
  }

  /** Moves DAI inside the Vat [rad]. */
  public MakerEvent.Moved move(AccountId src, AccountId dst, BigInteger rad) {
    requirePositive("rad", rad);
    if (src.equals(dst)) {
      throw refuse(new MakerError.BadParameter("dst", "must differ from src (" + src + ")"));
    }
    BigInteger have = dai.getOrDefault(src, BigInteger.ZERO);
    if (have.compareTo(rad) < 0) {
      throw refuse(new MakerError.Insufficient("rad", "the DAI of " + src, rad, have));
    }
    put(dai, src, have.subtract(rad));
    credit(dai, dst, rad);
    return emit(new MakerEvent.Moved(src, dst, rad));
  }

  /** The Vow's {@code heal}: cancels its DAI against its sin [rad]. */
  public MakerEvent.Healed heal(BigInteger rad) {
    requirePositive("rad", rad);
    BigInteger d = dai.getOrDefault(VOW, BigInteger.ZERO);
    BigInteger s = sin.getOrDefault(VOW, BigInteger.ZERO);
    if (d.compareTo(rad) < 0) {
      throw refuse(new MakerError.Insufficient("rad", "the Vow's surplus DAI", rad, d));
    }
    if (s.compareTo(rad) < 0) {
      throw refuse(new MakerError.Insufficient("rad", "the Vow's sin", rad, s));
    }
    put(dai, VOW, d.subtract(rad));
    put(sin, VOW, s.subtract(rad));
    vice = vice.subtract(rad);
    debt = debt.subtract(rad);
    return emit(new MakerEvent.Healed(rad));
  }

  // ------------------------------------------------------------------ liquidations

  /** dog.bark's {@code require(Hole > Dirt && hole > dirt)} broken: no room for another auction of the ilk. */
  private boolean limitHit(IlkState i) {
    return holeGlobal.compareTo(dirtGlobal) <= 0 || i.params.hole().compareTo(i.dirt) <= 0;
  }

  /**
   * The Dog's {@code bark}: seizes as much of an unsafe vault as the room under {@code Hole} and the
   * ilk's {@code hole} allows (all of it if the rest would be dust), and kicks a Clipper auction
   * for {@code tab = debt · chop}, paying {@code keeper} the incentive {@code tip + tab · chip}.
   */
  public MakerEvent.Barked bark(String ilk, AccountId urn, AccountId keeper, Instant now) {
    IlkState i = ilk(ilk);
    java.util.Objects.requireNonNull(now, "now");
    return switch (planBark(i, ilk, urn)) {
      case Refusal r -> throw refuse(r.reason());
      case Seizure s -> seize(i, ilk, urn, keeper, now, s);
    };
  }

  /**
   * {@link #bark} when the Dog allows it, else nothing (and nothing changes): for a keeper that
   * only needs to know whether it barked, one plan and no refusal to build.
   */
  public java.util.Optional<MakerEvent.Barked> tryBark(String ilk, AccountId urn, AccountId keeper, Instant now) {
    IlkState i = ilk(ilk);
    java.util.Objects.requireNonNull(now, "now");
    if (surelyRefused(i, urn)) {
      return java.util.Optional.empty();
    }
    return switch (planBark(i, ilk, urn)) {
      case Refusal r -> java.util.Optional.empty();
      case Seizure s -> java.util.Optional.of(seize(i, ilk, urn, keeper, now, s));
    };
  }

  /**
   * True only when {@link #planBark} would refuse {@code urn} for a reason other than its safety,
   * read without a multiplication: the limits are hit, or the room left is below the dust and the
   * vault so large that what it leaves is not dust ({@code art >= room.dart + ceil(dust / rate)},
   * which is {@code (art - dart) rate >= dust} in integers). A crash meets thousands of these while
   * the Hole is full. A vault it lets through is planned in full, so the answer of {@link #tryBark}
   * is the plan's.
   */
  private boolean surelyRefused(IlkState i, AccountId urn) {
    if (limitHit(i)) {
      return true;
    }
    Room room = room(i);
    return room.dustyFrom != null && room.due.compareTo(i.params.dust()) < 0
        && i.urns.getOrDefault(urn, Urn.EMPTY).art.compareTo(room.dustyFrom) >= 0;
  }

  /** vat.grab and clip.kick of what {@link #planBark} allowed. */
  private MakerEvent.Barked seize(IlkState i, String ilk, AccountId urn, AccountId keeper, Instant now, Seizure seize) {
    Urn u = seize.urn();
    BigInteger dink = seize.dink();
    BigInteger dart = seize.dart();
    BigInteger due = seize.due();
    BigInteger tab = seize.tab();
    BigInteger top = seize.top();
    ClipperParams c = i.params.clipper();
    // vat.grab: the vault's collateral goes to the Clipper, its debt becomes the Vow's sin.
    i.urns.put(urn, new Urn(u.ink.subtract(dink), u.art.subtract(dart)));
    i.art = i.art.subtract(dart);
    credit(i.gem, clipper(ilk), dink);
    credit(sin, VOW, due);
    vice = vice.add(due);
    dirtGlobal = dirtGlobal.add(tab);
    i.dirt = i.dirt.add(tab);
    // clip.kick
    long id = ++kicks;
    sales.put(id, new Sale(id, ilk, tab, dink, urn, now, top));
    BigInteger coin = BigInteger.ZERO;
    if (c.tip().signum() > 0 || c.chip().signum() > 0) {
      coin = c.tip().add(wmul(tab, c.chip()));
      suck(keeper, coin);
    }
    return emit(new MakerEvent.Barked(ilk, urn, dink, dart, due, id, tab, top, keeper, coin, now));
  }

  /**
   * Why {@link #bark} would refuse vault {@code urn} of {@code ilk} now, or empty when it would
   * bark it. Nothing changes: a keeper can ask before spending gas.
   */
  public java.util.Optional<MakerError> barkRefusal(String ilk, AccountId urn) {
    return planBark(ilk(ilk), ilk, urn) instanceof Refusal r ? java.util.Optional.of(r.reason()) : java.util.Optional.empty();
  }

  /** What a bark of {@code urn} would seize, or why it is refused: dog.bark's requires, in its order. */
  private BarkPlan planBark(IlkState i, String ilk, AccountId urn) {
    Urn u = i.urns.getOrDefault(urn, Urn.EMPTY);
    if (i.spot.signum() <= 0 || u.ink.multiply(i.spot).compareTo(u.art.multiply(i.rate)) >= 0) {
      return new Refusal(new MakerError.NotUnsafe(urn.name()));
    }
    IlkParams p = i.params;
    if (limitHit(i)) {
      return new Refusal(new MakerError.LiquidationLimitHit(ilk));
    }
    Room room = room(i);
    BigInteger dart = u.art.min(room.dart);
    if (u.art.compareTo(dart) > 0) {
      if (u.art.subtract(dart).multiply(i.rate).compareTo(p.dust()) < 0) {
        // A dusty remainder would be stranded: liquidate the whole vault, overshooting the hole a little.
        dart = u.art;
      } else if (room.due.compareTo(p.dust()) < 0) {
        return new Refusal(new MakerError.DustyAuctionFromPartialLiquidation(urn.name()));
      }
    }
    BigInteger dink = Exact.mulDiv(u.ink, dart, u.art, Rounding.DOWN);
    if (dink.signum() <= 0) {
      return new Refusal(new MakerError.NullAuction(urn.name()));
    }
    BigInteger due = dart.multiply(i.rate);
    BigInteger tab = Exact.mulDiv(due, p.chop(), WAD, Rounding.DOWN);
    if (i.feed.signum() == 0) {
      return new Refusal(new MakerError.NoPrice(ilk));
    }
    BigInteger top = rmul(i.feed, p.clipper().buf());
    if (top.signum() == 0) {
      return new Refusal(new MakerError.BadParameter("buf", "gives a zero starting price (Clipper/zero-top-price)"));
    }
    return new Seizure(u, dart, dink, due, tab, top);
  }

  /** {@link #planBark}'s answer. */
  private sealed interface BarkPlan permits Refusal, Seizure {}

  private record Refusal(MakerError reason) implements BarkPlan {}

  /** The vault as it stands, and what the bark takes from it and auctions. */
  private record Seizure(Urn urn, BigInteger dart, BigInteger dink, BigInteger due, BigInteger tab, BigInteger top)
      implements BarkPlan {}

  /**
   * The Clipper's {@code take}: {@code taker} buys up to {@code amt} [wad] of auction {@code id}'s
   * collateral at the current price, if that price is at most {@code max} [ray], paying from its DAI
   * to the Vow. Never collects more than {@code tab}; a partial purchase must leave at least
   * {@code chost}, else it is trimmed to leave exactly {@code chost} (or refused when
   * {@code tab <= chost}). (In dss the payer and the receiver {@code who} may differ, and a
   * flash-style callback may run; here the taker pays and receives.)
   */
  public MakerEvent.Taken take(long id, BigInteger amt, BigInteger max, AccountId taker, Instant now) {
    Sale s = sale(id);
    requirePositive("amt", amt);
    ClipperParams.requireNonNegative("max", max);
    IlkState i = ilks.get(s.ilk);
    ClipperParams c = i.params.clipper();
    long dur = elapsed(s, now);
    BigInteger price = c.calc().price(s.top, dur);
    if (done(c, dur, price, s.top)) {
      throw refuse(new MakerError.NeedsReset(id));
    }
    if (max.compareTo(price) < 0) {
      throw refuse(new MakerError.TooExpensive(max, price));
    }
    BigInteger lot = s.lot;
    BigInteger tab = s.tab;
    BigInteger slice = lot.min(amt);
    BigInteger owe = slice.multiply(price);
    if (owe.compareTo(tab) > 0) {
      owe = tab;
      slice = divideByPrice(owe, price, id);
    } else if (owe.compareTo(tab) < 0 && slice.compareTo(lot) < 0) {
      BigInteger chost = i.params.chost();
      if (tab.subtract(owe).compareTo(chost) < 0) {
        if (tab.compareTo(chost) <= 0) {
          throw refuse(new MakerError.NoPartialPurchase(id));
        }
        owe = tab.subtract(chost);
        slice = divideByPrice(owe, price, id);
      }
    }
    BigInteger have = dai.getOrDefault(taker, BigInteger.ZERO);
    if (have.compareTo(owe) < 0) {
      throw refuse(new MakerError.Insufficient("taker", "the DAI of " + taker, owe, have));
    }
    tab = tab.subtract(owe);
    lot = lot.subtract(slice);
    AccountId clip = clipper(s.ilk);
    moveGem(i, clip, taker, slice);
    put(dai, taker, have.subtract(owe));
    if (owe.signum() > 0) {
      credit(dai, VOW, owe);
    }
    BigInteger dig = lot.signum() == 0 ? tab.add(owe) : owe;
    dirtGlobal = dirtGlobal.subtract(dig);
    i.dirt = i.dirt.subtract(dig);
    BigInteger returned = BigInteger.ZERO;
    BigInteger badDebt = BigInteger.ZERO;
    if (lot.signum() == 0) {
      badDebt = tab;
      sales.remove(id);
    } else if (tab.signum() == 0) {
      returned = lot;
      moveGem(i, clip, s.usr, lot);
      sales.remove(id);
    } else {
      s.tab = tab;
      s.lot = lot;
    }
    return emit(new MakerEvent.Taken(id, max, price, slice, owe, tab, lot, s.usr, taker, returned, badDebt, now));
  }

  /**
   * The Clipper's {@code redo}: restarts an auction that is older than {@code tail} or whose price
   * fell below {@code cusp · top}, from the current oracle price times {@code buf}. The keeper gets
   * {@code tip + tab · chip} only if both the tab and the lot's value are at least {@code chost}.
   */
  public MakerEvent.Redone redo(long id, AccountId keeper, Instant now) {
    Sale s = sale(id);
    IlkState i = ilks.get(s.ilk);
    ClipperParams c = i.params.clipper();
    long dur = elapsed(s, now);
    BigInteger price = c.calc().price(s.top, dur);
    if (!done(c, dur, price, s.top)) {
      throw refuse(new MakerError.CannotReset(id));
    }
    BigInteger feed = i.feed;
    BigInteger top = rmul(feed, c.buf());
    if (top.signum() == 0) {
      throw refuse(new MakerError.BadParameter("buf", "gives a zero starting price (Clipper/zero-top-price)"));
    }
    s.tic = now;
    s.top = top;
    BigInteger coin = BigInteger.ZERO;
    if (c.tip().signum() > 0 || c.chip().signum() > 0) {
      BigInteger chost = i.params.chost();
      if (s.tab.compareTo(chost) >= 0 && s.lot.multiply(feed).compareTo(chost) >= 0) {
        coin = c.tip().add(wmul(s.tab, c.chip()));
        suck(keeper, coin);
      }
    }
    return emit(new MakerEvent.Redone(id, top, s.tab, s.lot, s.usr, keeper, coin, now));
  }

  /** The Clipper's {@code getStatus}: whether auction {@code id} needs a redo, and its price now. */
  public AuctionStatus status(long id, Instant now) {
    Sale s = sale(id);
    ClipperParams c = ilks.get(s.ilk).params.clipper();
    long dur = elapsed(s, now);
    BigInteger price = c.calc().price(s.top, dur);
    return new AuctionStatus(id, s.ilk, done(c, dur, price, s.top), price, s.lot, s.tab, s.top, s.tic, s.usr);
  }

  // ------------------------------------------------------------------ views

  public record AuctionStatus(long id, String ilk, boolean needsRedo, BigInteger price, BigInteger lot,
      BigInteger tab, BigInteger top, Instant tic, AccountId usr) {}

  /** A vault: collateral {@code ink} [wad] and normalised debt {@code art} [wad]. */
  public record UrnView(BigInteger ink, BigInteger art) {}

  /** An ilk's live numbers: {@code rate}, {@code spot}, {@code feed} [ray], {@code Art} [wad], {@code dirt} [rad]. */
  public record IlkView(IlkParams params, BigInteger rate, BigInteger spot, BigInteger feed, BigInteger art,
      BigInteger dirt) {}

  public UrnView urn(String ilk, AccountId usr) {
    Urn u = ilk(ilk).urns.getOrDefault(usr, Urn.EMPTY);
    return new UrnView(u.ink, u.art);
  }

  public IlkView ilkView(String ilk) {
    IlkState i = ilk(ilk);
    return new IlkView(i.params, i.rate, i.spot, i.feed, i.art, i.dirt);
  }

  public BigInteger dai(AccountId usr) {
    return dai.getOrDefault(usr, BigInteger.ZERO);
  }

  public BigInteger sin(AccountId usr) {
    return sin.getOrDefault(usr, BigInteger.ZERO);
  }

  public BigInteger gem(String ilk, AccountId usr) {
    return ilk(ilk).gem.getOrDefault(usr, BigInteger.ZERO);
  }

  public BigInteger debt() {
    return debt;
  }

  public BigInteger vice() {
    return vice;
  }

  /** {@code Dirt}: DAI [rad] currently targeted by all auctions. */
  public BigInteger dirt() {
    return dirtGlobal;
  }

  public BigInteger hole() {
    return holeGlobal;
  }

  /** Ids of the running auctions, in kick order. */
  public List<Long> activeAuctions() {
    return List.copyOf(sales.keySet());
  }

  public Optional<AuctionStatus> auction(long id, Instant now) {
    return sales.containsKey(id) ? Optional.of(status(id, now)) : Optional.empty();
  }

  /** Every account's collateral: free gem and locked ink, with joined and exited totals. */
  public record IlkSnapshot(BigInteger rate, BigInteger spot, BigInteger feed, BigInteger art, BigInteger dirt,
      BigInteger joined, BigInteger exited, Map<AccountId, BigInteger> gem, Map<AccountId, UrnView> urns) {}

  public record SaleSnapshot(String ilk, BigInteger tab, BigInteger lot, AccountId usr, Instant tic, BigInteger top) {}

  /** The whole state, immutable and comparable with {@code equals}: equal snapshots mean equal engines. */
  public record Snapshot(BigInteger debt, BigInteger vice, BigInteger dirt, long kicks,
      Map<String, IlkSnapshot> ilks, Map<AccountId, BigInteger> dai, Map<AccountId, BigInteger> sin,
      Map<Long, SaleSnapshot> sales) {}

  public Snapshot snapshot() {
    Map<String, IlkSnapshot> is = new TreeMap<>();
    ilks.forEach((name, i) -> {
      Map<AccountId, UrnView> us = new TreeMap<>();
      i.urns.forEach((a, u) -> us.put(a, new UrnView(u.ink, u.art)));
      is.put(name, new IlkSnapshot(i.rate, i.spot, i.feed, i.art, i.dirt, i.joined, i.exited,
          Collections.unmodifiableMap(new TreeMap<>(i.gem)), Collections.unmodifiableMap(us)));
    });
    Map<Long, SaleSnapshot> ss = new TreeMap<>();
    sales.forEach((id, s) -> ss.put(id, new SaleSnapshot(s.ilk, s.tab, s.lot, s.usr, s.tic, s.top)));
    return new Snapshot(debt, vice, dirtGlobal, kicks, Collections.unmodifiableMap(is),
        Collections.unmodifiableMap(new TreeMap<>(dai)), Collections.unmodifiableMap(new TreeMap<>(sin)),
        Collections.unmodifiableMap(ss));
  }

  /**
   * Checks every conservation law listed in the class comment; returns the broken ones (empty when
   * all hold). Used by the property tests after every operation.
   */
  public List<String> violatedInvariants() {
    List<String> broken = new ArrayList<>();
    BigInteger sumDai = dai.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
    BigInteger sumSin = sin.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
    if (!debt.equals(sumDai)) {
      broken.add("debt " + debt + " != sum of dai " + sumDai);
    }
    if (!vice.equals(sumSin)) {
      broken.add("vice " + vice + " != sum of sin " + sumSin);
    }
    BigInteger backed = BigInteger.ZERO;
    BigInteger sumDirt = BigInteger.ZERO;
    for (IlkState i : ilks.values()) {
      String n = i.params.name();
      backed = backed.add(i.art.multiply(i.rate));
      sumDirt = sumDirt.add(i.dirt);
      BigInteger sumArt = BigInteger.ZERO;
      BigInteger sumInk = BigInteger.ZERO;
      for (Urn u : i.urns.values()) {
        sumArt = sumArt.add(u.art);
        sumInk = sumInk.add(u.ink);
      }
      if (!sumArt.equals(i.art)) {
        broken.add(n + ": Art " + i.art + " != sum of art " + sumArt);
      }
      BigInteger sumGem = i.gem.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
      if (!i.joined.subtract(i.exited).equals(sumGem.add(sumInk))) {
        broken.add(n + ": collateral joined-exited " + i.joined.subtract(i.exited) + " != gem+ink " + sumGem.add(sumInk));
      }
      BigInteger tabs = BigInteger.ZERO;
      BigInteger lots = BigInteger.ZERO;
      for (Sale s : sales.values()) {
        if (s.ilk.equals(n)) {
          tabs = tabs.add(s.tab);
          lots = lots.add(s.lot);
        }
      }
      if (!tabs.equals(i.dirt)) {
        broken.add(n + ": dirt " + i.dirt + " != sum of live tabs " + tabs);
      }
      BigInteger clip = i.gem.getOrDefault(clipper(n), BigInteger.ZERO);
      if (!clip.equals(lots)) {
        broken.add(n + ": Clipper holds " + clip + " != sum of live lots " + lots);
      }
      if (i.gem.values().stream().anyMatch(v -> v.signum() <= 0) || dai.values().stream().anyMatch(v -> v.signum() <= 0)) {
        broken.add(n + ": a stored balance is not positive");
      }
    }
    if (!debt.equals(vice.add(backed))) {
      broken.add("debt " + debt + " != vice + sum Art*rate " + vice.add(backed));
    }
    if (!sumDirt.equals(dirtGlobal)) {
      broken.add("Dirt " + dirtGlobal + " != sum of dirt " + sumDirt);
    }
    return broken;
  }

  // ------------------------------------------------------------------ internals

  /**
   * The most normalised debt a bark may seize now, {@code dart = mul(room, WAD) / rate / chop} (dog.sol,
   * two floor divisions) with {@code room = min(Hole - Dirt, hole - dirt)}, and its DAI {@code dart * rate}.
   * Kept with the values it was computed from, as identities of immutable numbers, so an unchanged Dirt,
   * dirt and rate give the same objects back: while the Hole is nearly full a crash brings bark after
   * refused bark at the same room, and the division was their main cost.
   */
  private Room room(IlkState i) {
    Room r = i.room;
    if (r == null || r.dirtGlobal != dirtGlobal || r.dirt != i.dirt || r.rate != i.rate) {
      BigInteger room = holeGlobal.subtract(dirtGlobal).min(i.params.hole().subtract(i.dirt));
      BigInteger dart = Exact.div(Exact.mulDiv(room, WAD, i.rate, Rounding.DOWN), i.params.chop(), Rounding.DOWN);
      BigInteger dust = i.params.dust();
      // the least art whose remainder after dart is not dust; none when every remainder is (no dust, or no rate yet)
      BigInteger dustyFrom = dust.signum() > 0 && i.rate.signum() > 0 ? dart.add(Exact.div(dust, i.rate, Rounding.UP)) : null;
      r = new Room(dirtGlobal, i.dirt, i.rate, dart, dart.multiply(i.rate), dustyFrom);
      i.room = r;
    }
    return r;
  }

  /**
   * {@link #room}'s answer and the Dirt, dirt and rate it holds for; {@code dustyFrom} is the least
   * art a bark would leave more than dust of ({@code dart + ceil(dust / rate)}), or null.
   */
  private record Room(BigInteger dirtGlobal, BigInteger dirt, BigInteger rate, BigInteger dart, BigInteger due,
      BigInteger dustyFrom) {}

  private static boolean done(ClipperParams c, long dur, BigInteger price, BigInteger top) {
    return dur > c.tail() || rdiv(price, top).compareTo(c.cusp()) < 0;
  }

  private BigInteger divideByPrice(BigInteger owe, BigInteger price, long id) {
    if (price.signum() == 0) {
      // The contract would revert on division by zero; a zero price can only come with cusp = 0.
      throw refuse(new MakerError.NeedsReset(id));
    }
    return Exact.div(owe, price, Rounding.DOWN);
  }

  private void suck(AccountId to, BigInteger rad) {
    credit(sin, VOW, rad);
    vice = vice.add(rad);
    credit(dai, to, rad);
    debt = debt.add(rad);
  }

  private static void moveGem(IlkState i, AccountId from, AccountId to, BigInteger wad) {
    if (wad.signum() == 0) {
      return;
    }
    put(i.gem, from, i.gem.get(from).subtract(wad));
    credit(i.gem, to, wad);
  }

  /** Adds to a balance; balances are stored only while positive, so snapshots compare cleanly. */
  private static void credit(Map<AccountId, BigInteger> m, AccountId a, BigInteger v) {
    put(m, a, m.getOrDefault(a, BigInteger.ZERO).add(v));
  }

  private static void put(Map<AccountId, BigInteger> m, AccountId a, BigInteger v) {
    if (v.signum() == 0) {
      m.remove(a);
    } else {
      m.put(a, v);
    }
  }

  private long elapsed(Sale s, Instant now) {
    java.util.Objects.requireNonNull(now, "now");
    long dur = Duration.between(s.tic, now).getSeconds();
    if (dur < 0) {
      throw refuse(new MakerError.TimeBeforeStart(s.id));
    }
    return dur;
  }

  private Sale sale(long id) {
    Sale s = sales.get(id);
    if (s == null) {
      throw refuse(new MakerError.NotRunningAuction(id));
    }
    return s;
  }

  private IlkState ilk(String name) {
    IlkState i = name == null ? null : ilks.get(name);
    if (i == null) {
      throw refuse(new MakerError.UnknownIlk(String.valueOf(name)));
    }
    return i;
  }

  private static void requirePositive(String field, BigInteger v) {
    if (v == null) {
      throw refuse(new MakerError.BadParameter(field, "is required"));
    }
    if (v.signum() < 0) {
      throw refuse(new MakerError.NegativeAmount(field, v));
    }
    if (v.signum() == 0) {
      throw refuse(new MakerError.NonPositiveAmount(field, v));
    }
  }

  private static MakerRuleViolation refuse(MakerError reason) {
    return new MakerRuleViolation(reason);
  }

  private <E extends MakerEvent> E emit(E event) {
    listener.accept(event);
    return event;
  }

  private static final class IlkState {
    final IlkParams params;
    BigInteger rate = DssMath.RAY;
    BigInteger spot = BigInteger.ZERO;
    BigInteger feed = BigInteger.ZERO;
    BigInteger art = BigInteger.ZERO;
    BigInteger dirt = BigInteger.ZERO;
    BigInteger joined = BigInteger.ZERO;
    BigInteger exited = BigInteger.ZERO;
    final Map<AccountId, BigInteger> gem = new HashMap<>();
    final Map<AccountId, Urn> urns = new HashMap<>();
    /** The Dog's room as of the last bark ({@link MakerEngine#room}). */
    Room room;

    IlkState(IlkParams params) {
      this.params = params;
    }
  }

  private record Urn(BigInteger ink, BigInteger art) {
    static final Urn EMPTY = new Urn(BigInteger.ZERO, BigInteger.ZERO);
  }

  private static final class Sale {
    final long id;
    final String ilk;
    final AccountId usr;
    BigInteger tab;
    BigInteger lot;
    Instant tic;
    BigInteger top;

    Sale(long id, String ilk, BigInteger tab, BigInteger lot, AccountId usr, Instant tic, BigInteger top) {
      this.id = id;
      this.ilk = ilk;
      this.tab = tab;
      this.lot = lot;
      this.usr = usr;
      this.tic = tic;
      this.top = top;
    }
  }
}
