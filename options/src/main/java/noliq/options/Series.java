package noliq.options;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import noliq.math.Price;
import noliq.math.RuleViolation;
import noliq.math.book.Token;

/**
 * A series: an index, a strike S in index units, a maturity M (whole seconds, UTC), a payoff and
 * the policy for an invalid oracle answer. Its {@link #id()} is derived from exactly these, so two
 * identical series are the same series and two differing only in the policy are not.
 */
public record Series(IndexId index, Price strike, Instant maturity, Payoff payoff, InvalidPolicy invalidPolicy) {
  private static final List<Leg> TWO_LEGS = List.of(Leg.P, Leg.N);
  private static final List<Leg> THREE_LEGS = List.of(Leg.P, Leg.N, Leg.I);

  public Series {
    if (index == null) {
      throw new RuleViolation("index", "is required");
    }
    if (strike == null || !strike.isPositive()) {
      throw new RuleViolation("strike", "must be positive (was " + strike + ")");
    }
    if (maturity == null) {
      throw new RuleViolation("maturity", "is required");
    }
    if (maturity.getNano() != 0) {
      throw new RuleViolation("maturity", "must be a whole second (was " + maturity + ")");
    }
    if (payoff == null) {
      throw new RuleViolation("payoff", "is required");
    }
    if (invalidPolicy == null) {
      throw new RuleViolation("invalidPolicy", "is required (HALF_HALF, THIRD_OUTCOME or FALLBACK)");
    }
    payoff.validate(strike);
  }

  /** A series under the {@link InvalidPolicy#DEFAULT default} invalid policy, 50/50. */
  public Series(IndexId index, Price strike, Instant maturity, Payoff payoff) {
    this(index, strike, maturity, payoff, InvalidPolicy.DEFAULT);
  }

  /** The post's P/N split (covered call) on {@code index}, paying 50/50 on an invalid answer. */
  public static Series pn(IndexId index, Price strike, Instant maturity) {
    return pn(index, strike, maturity, InvalidPolicy.DEFAULT);
  }

  /** The post's P/N split (covered call) on {@code index} under {@code invalidPolicy}. */
  public static Series pn(IndexId index, Price strike, Instant maturity, InvalidPolicy invalidPolicy) {
    return new Series(index, strike, maturity, new Payoff.CoveredCall(), invalidPolicy);
  }

  /** The same terms under another invalid policy: a different series. */
  public Series withInvalidPolicy(InvalidPolicy policy) {
    return new Series(index, strike, maturity, payoff, policy);
  }

  /**
   * The description is the one series had before the policy existed, with the policy appended only
   * when it is not the default: every series listed before keeps its id and leg tokens.
   */
  public SeriesId id() {
    String canonical = "noliq-series-v1|" + index.name() + "|" + strike.units() + "|"
        + maturity.getEpochSecond() + "|" + payoff.canonical()
        + (invalidPolicy == InvalidPolicy.DEFAULT ? "" : "|invalid:" + invalidPolicy.canonical());
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return new SeriesId(HexFormat.of().formatHex(hash, 0, 12));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** Whether this series has the third leg I (its invalid policy is {@link InvalidPolicy#THIRD_OUTCOME}). */
  public boolean hasThirdOutcome() {
    return invalidPolicy.hasThirdOutcome();
  }

  /** The legs one split mints and one merge burns: P and N, and I with the third outcome. */
  public List<Leg> legs() {
    return hasThirdOutcome() ? THREE_LEGS : TWO_LEGS;
  }

  /** {@code leg}'s token, {@code Token("P:" + id)} and so on; refuses I unless the series has the third outcome. */
  public Token token(Leg leg) {
    if (leg == null) {
      throw new RuleViolation("leg", "is required (P, N or I)");
    }
    SeriesId id = id();
    if (leg == Leg.I && !hasThirdOutcome()) {
      throw new OptionsException(new OptionsError.NoSuchLeg(id, leg, invalidPolicy));
    }
    return new Token(leg.name() + ":" + id.hex());
  }

  public Token pToken() {
    return token(Leg.P);
  }

  public Token nToken() {
    return token(Leg.N);
  }

  /** The I token; only a series with the third outcome has one. */
  public Token iToken() {
    return token(Leg.I);
  }

  /**
   * For people: {@code ETH/USD 1500 2026-07-31T08:00:00Z covered-call}, followed by
   * {@code invalid:third-outcome} when the policy is not the default.
   */
  public String describe() {
    String base = index + " " + strike + " " + maturity + " " + payoff.canonical();
    return invalidPolicy == InvalidPolicy.DEFAULT ? base : base + " invalid:" + invalidPolicy.canonical();
  }
}
