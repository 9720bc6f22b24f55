package noliq.wrapper.venue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import noliq.market.agents.MakerParams;
import noliq.market.agents.MarketMaker;
import noliq.market.agents.SeriesLeg;
import noliq.market.roll.RollAssumptions;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.RuleViolation;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import noliq.options.OptionsLedger;
import noliq.options.Series;
import noliq.options.SeriesId;
import noliq.market.agents.MakerView;
import noliq.wrapper.policy.Observation;
import noliq.wrapper.port.MarketStress;
import noliq.wrapper.port.SpotFeed;
import noliq.wrapper.vault.Marks;

/**
 * What every venue shares: the options ledger and its {@link TokenBook}, the market's reference
 * price (a {@link SpotFeed}: the spot and the volatility the makers value with), the roll-cost
 * study's {@link RollAssumptions}, and the makers' accounts. Makers and liquidity providers get
 * ETH only by {@link OptionsLedger#deposit} and P only by splitting that ETH through the ledger, so
 * every supply in the book stays accounted for.
 */
public final class MarketDesk {
  /** An ETH leg is shown to a {@link MarketMaker}, which values only option legs, as an N of this strike: worth 1 − 1e-12/x ETH. */
  static final double ETH_AS_N_STRIKE = 1e-12;

  private final OptionsLedger ledger;
  private final TokenBook book;
  private final SpotFeed reference;
  private final RollAssumptions assumptions;
  private final Marks marks;
  private final List<AccountId> makers = new ArrayList<>();
  private boolean makersPresent = true;
  private MarketStress.Feed stress = t -> MarketStress.CALM;
  private double[] makerVolErrors;
  private static final int REMEMBERED = 4;
  private final Price[] rememberedPrices = new Price[REMEMBERED];
  private final double[] rememberedDoubles = new double[REMEMBERED];
  private int nextRemembered;
  private MakerInventory inventory = new MakerInventory(MakerInventory.Rule.DEFAULT);

  /**
   * @param reference the market's view of spot and volatility: fair values, maker quotes and pool seeding
   *     all use it; its volatility is the makers' {@link MakerParams#volEstimate()}
   */
  public MarketDesk(OptionsLedger ledger, SpotFeed reference, RollAssumptions assumptions) {
    if (ledger == null || reference == null || assumptions == null) {
      throw new RuleViolation("desk", "ledger, reference and assumptions are required");
    }
    this.ledger = ledger;
    this.book = ledger.book();
    this.reference = reference;
    this.assumptions = assumptions;
    this.marks = new Marks(ledger);
    for (int i = 1; i <= assumptions.makerCount(); i++) {
      makers.add(AccountId.of("maker-" + i));
    }
  }

  public OptionsLedger ledger() {
    return ledger;
  }

  public TokenBook book() {
    return book;
  }

  public RollAssumptions assumptions() {
    return assumptions;
  }

  public Observation observe(Instant now) {
    return reference.observe(now);
  }

  /** Whether the makers are watching (a stated outage takes them away for a roll); pools and flow stay. */
  public boolean makersPresent() {
    return makersPresent;
  }

  public void setMakersPresent(boolean present) {
    makersPresent = present;
  }

  /** The market's stress at each moment (calm unless set): makers widen and pull size on it. */
  public void setStress(MarketStress.Feed feed) {
    if (feed == null) {
      throw new RuleViolation("stress", "is required");
    }
    stress = feed;
  }

  /** Each maker's relative error on the surface's level for the next roll (drawn by the caller); null: none. */
  public void setMakerVolErrors(double[] errors) {
    if (errors != null && errors.length != makers.size()) {
      throw new RuleViolation("makerVolErrors", "must hold one error per maker (" + makers.size() + ")");
    }
    makerVolErrors = errors == null ? null : errors.clone();
  }

  /** What maker {@code i} sees at {@code t}: spot, surface, stress, and its own error. */
  MakerView view(Instant t, int i) {
    Observation obs = observe(t);
    MarketStress s = stress.observe(t);
    double error = makerVolErrors == null ? 0 : makerVolErrors[i];
    return new MakerView(toDouble(obs.spot()), obs.surface(), s.volOfVol(), Math.max(s.realisedVolJump(), 1e-6), error);
  }

  /** The market's view at {@code t} without any maker's error: fair values. */
  MakerView fairView(Instant t) {
    Observation obs = observe(t);
    MarketStress s = stress.observe(t);
    return new MakerView(toDouble(obs.spot()), obs.surface(), s.volOfVol(), Math.max(s.realisedVolJump(), 1e-6), 0);
  }

  /**
   * {@code price.toDouble()}, remembered for the last {@link #REMEMBERED} prices by identity: every
   * maker of every poll of an auction reads the same spot and strike objects again, and the exact
   * conversion is a pure function of the price.
   */
  private double toDouble(Price price) {
    for (int k = 0; k < REMEMBERED; k++) {
      if (rememberedPrices[k] == price) {
        return rememberedDoubles[k];
      }
    }
    double d = price.toDouble();
    rememberedPrices[nextRemembered] = price;
    rememberedDoubles[nextRemembered] = d;
    nextRemembered = (nextRemembered + 1) % REMEMBERED;
    return d;
  }

  /** Sets how makers carry and hedge what they trade ({@link MakerInventory.Rule}); starts a fresh inventory. */
  public void setInventoryRule(MakerInventory.Rule rule) {
    inventory = new MakerInventory(rule);
  }

  /** The makers' inventory: what they carry from their fills, and its P&amp;L so far. */
  public MakerInventory inventory() {
    return inventory;
  }

  /**
   * A maker's fill at {@code at}: it bought {@code boughtUnits} of {@code bought} and paid {@code paidUnits}
   * of {@code paid}. The lot is taken back if the trade around it rolls back.
   */
  void makerFilled(AccountId maker, Token bought, Amount boughtUnits, Token paid, Amount paidUnits, Instant at) {
    if (!boughtUnits.isPositive() || !paidUnits.isPositive()) {
      return;
    }
    MakerInventory before = inventory.copy();
    inventory.open(this, maker, bought, boughtUnits, paid, paidUnits, at);
    book.onRollback(() -> inventory = before);
  }

  /** Whether {@code account} is one of the desk's makers. */
  boolean isMaker(AccountId account) {
    return makers.contains(account);
  }

  /** Unwinds at fair value every maker lot due by {@code now} (call on the path's clock). */
  public void unwindDue(Instant now) {
    inventory.unwindDue(this, now);
  }

  /** Unwinds every maker lot still open at {@code now} (the path's end). */
  public void unwindAll(Instant now) {
    inventory.unwindAll(this, now);
  }

  /** The USD fair value of {@code amount} of {@code token} at {@code obs} (the model mark; ETH at spot). */
  double usd(Token token, Amount amount, Observation obs) {
    return marks.mark(token, amount, obs, Rounding.DOWN).toDouble();
  }

  /** The maker accounts, in a fixed order. */
  public List<AccountId> makerAccounts() {
    return List.copyOf(makers);
  }

  /**
   * Fresh makers for one roll, with the study's parameters at the reference volatility. Each roll
   * meets makers with an empty inventory (they unwind between rolls, which are days apart), as in
   * the roll-cost study.
   */
  List<MarketMaker> makersFor(Instant now) {
    MakerParams params = new MakerParams(observe(now).vol(), assumptions.makerHalfSpreadBps(),
        assumptions.makerMinEdgeBps(), assumptions.makerMaxEdgeBps(), assumptions.makerInventoryUsd());
    List<MarketMaker> out = new ArrayList<>();
    for (AccountId id : makers) {
      out.add(new MarketMaker(id, params, assumptions.reaction().makerResponse(), book));
    }
    return out;
  }

  /** Fair value of {@code amount} of {@code token} at the reference, index units (InverseOptions for legs). */
  public Price fair(Token token, Amount amount, Instant now) {
    return marks.mark(token, amount, observe(now), Rounding.DOWN);
  }

  /** Fair value of one {@code token} in ETH at the reference. */
  public double fairEth(Token token, Instant now) {
    Observation obs = observe(now);
    return marks.mark(token, Amount.ONE, obs, Rounding.DOWN).toDouble() / obs.spot().toDouble();
  }

  /** The token as a maker sees it: a P (or N) leg with strike and days to maturity; ETH as an N of negligible strike. */
  SeriesLeg leg(Token token, Instant now, double daysIfEth) {
    if (token.equals(Token.ETH)) {
      return SeriesLeg.n(token, ETH_AS_N_STRIKE, Math.max(daysIfEth, 1.0 / 24));
    }
    Marks.LegOf l = legOf(token);
    double days = Math.max(0.0, (l.series().maturity().getEpochSecond() - now.getEpochSecond()) / 86_400.0);
    return switch (l.leg()) {
      case P -> SeriesLeg.p(token, toDouble(l.series().strike()), days);
      case N -> SeriesLeg.n(token, toDouble(l.series().strike()), days);
      case I -> throw new RuleViolation("token", "the invalid-outcome leg I has no Black-Scholes value for makers to "
          + "quote; roll venues trade P, N and ETH (was " + token + ")");
    };
  }

  Marks.LegOf legOf(Token token) {
    return marks.legOf(token).orElseThrow(() -> new RuleViolation("token", "must be ETH or a leg of a listed series (was "
        + token + ")"));
  }

  /** Makes sure {@code account} holds at least {@code wanted} of {@code token}: deposits ETH, or splits ETH into the series. */
  void cover(AccountId account, Token token, Amount wanted, Instant now) {
    Amount have = book.balanceOf(account, token);
    if (!have.isLessThan(wanted)) {
      return;
    }
    Amount missing = wanted.minus(have);
    if (token.equals(Token.ETH)) {
      ledger.deposit(account, missing);
      return;
    }
    SeriesId id = legOf(token).id();
    Amount eth = book.balanceOf(account, Token.ETH);
    if (eth.isLessThan(missing)) {
      ledger.deposit(account, missing.minus(eth));
    }
    ledger.split(account, id, missing, now);
  }

  /** {@code usd} worth of {@code token} at the reference, rounded down. */
  Amount unitsWorth(double usd, Token token, Instant now) {
    double perUnitEth = fairEth(token, now);
    double spot = observe(now).spot().toDouble();
    return perUnitEth <= 0 ? Amount.ZERO : Amount.fromDouble(usd / spot / perUnitEth, Rounding.DOWN);
  }

  /** The listed series of a leg token. */
  Series seriesOf(Token token) {
    return legOf(token).series();
  }
}
