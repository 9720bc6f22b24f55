package noliq.wrapper.vault;

import java.math.BigInteger;
import java.util.Optional;
import noliq.math.Amount;
import noliq.math.Exact;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.book.Token;
import noliq.options.Leg;
import noliq.options.OptionsLedger;
import noliq.options.Series;
import noliq.options.SeriesId;
import noliq.options.Settlement;
import noliq.pricing.InverseOptions;
import noliq.pricing.OptionInputs;
import noliq.wrapper.policy.Observation;

/**
 * Values of ETH, P and N in index units at an observation, exact. Intrinsic values are exact
 * integer products; model marks come from {@link InverseOptions} at the observation's surface read at
 * the leg's own strike and maturity (a deep out-of-the-money P is marked on the put wing), in doubles and cross into exact
 * prices only through {@link Price#fromDouble} with the rounding the caller names.
 */
public final class Marks {
  private final OptionsLedger ledger;
  /** Legs already resolved; a series never changes once listed, so a hit stays true. */
  private final java.util.Map<Token, LegOf> legs = new java.util.HashMap<>();

  public Marks(OptionsLedger ledger) {
    this.ledger = ledger;
  }

  /** The series and leg a token is, if it is a leg of a listed series. */
  public Optional<LegOf> legOf(Token token) {
    LegOf known = legs.get(token);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<LegOf> found = resolve(token);
    found.ifPresent(l -> legs.put(token, l));
    return found;
  }

  private Optional<LegOf> resolve(Token token) {
    String s = token.symbol();
    if (s.length() != 26 || s.charAt(1) != ':' || (s.charAt(0) != 'P' && s.charAt(0) != 'N')) {
      return Optional.empty();
    }
    SeriesId id;
    try {
      id = new SeriesId(s.substring(2));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    Leg leg = s.charAt(0) == 'P' ? Leg.P : Leg.N;
    // a leg token is "P:" or "N:" followed by its series' id, so a listed id makes it that series' leg
    return ledger.series(id).map(series -> new LegOf(id, series, leg));
  }

  /** A leg of a listed series. */
  public record LegOf(SeriesId id, Series series, Leg leg) {}

  /** The intrinsic value of {@code amount} of {@code token}; tokens that are neither ETH nor a leg are worth 0. */
  public Price intrinsic(Token token, Amount amount, Observation obs, Rounding rounding) {
    BigInteger x = obs.spot().units();
    if (token.equals(Token.ETH)) {
      return value(amount, x, rounding);
    }
    Optional<LegOf> leg = legOf(token);
    if (leg.isEmpty()) {
      return Price.ZERO;
    }
    Optional<Settlement> settled = ledger.settlement(leg.get().id());
    if (settled.isPresent()) {
      BigInteger perUnitEth = settled.get().perUnit(leg.get().leg()).wei();
      return value(amount, Exact.mulDiv(perUnitEth, x, Exact.WAD, rounding), rounding);
    }
    BigInteger s = leg.get().series().strike().units();
    BigInteger perUnit = leg.get().leg() == Leg.P ? x.min(s) : x.subtract(s).max(BigInteger.ZERO);
    return value(amount, perUnit, rounding);
  }

  /** The model mark of {@code amount} of {@code token}: unsettled legs before maturity by the model, the rest intrinsic. */
  public Price mark(Token token, Amount amount, Observation obs, Rounding rounding) {
    Optional<LegOf> leg = legOf(token);
    if (leg.isEmpty() || ledger.settlement(leg.get().id()).isPresent()) {
      return intrinsic(token, amount, obs, rounding);
    }
    Series series = leg.get().series();
    double days = Math.max(0.0, (series.maturity().getEpochSecond() - obs.now().getEpochSecond()) / 86_400.0);
    if (days <= 0) {
      return intrinsic(token, amount, obs, rounding);
    }
    double x = obs.spot().toDouble();
    double s = series.strike().toDouble();
    double vol = obs.volAt(s, days);
    double perUnit = leg.get().leg() == Leg.P
        ? InverseOptions.pIndex(x, s, days / OptionInputs.DAYS_PER_YEAR, vol)
        : InverseOptions.callIndex(x, s, days / OptionInputs.DAYS_PER_YEAR, vol, 0.0, 0.0);
    BigInteger modelUnits = Price.fromDouble(Math.max(0.0, perUnit), rounding).units();
    if (leg.get().leg() == Leg.P) {
      // x - call cancels badly deep in the money; P can never be worth more than its cap min(x, S)
      modelUnits = modelUnits.min(obs.spot().units().min(series.strike().units()));
    }
    return value(amount, modelUnits, rounding);
  }

  private static Price value(Amount amount, BigInteger perUnit, Rounding rounding) {
    return new Price(Exact.mulDiv(amount.wei(), perUnit, Exact.WAD, rounding));
  }
}
