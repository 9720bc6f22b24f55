package noliq.options;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import noliq.math.Price;
import noliq.math.RuleViolation;
import noliq.math.book.Token;

/**
 * A series: an index, a strike S in index units, a maturity M (whole seconds, UTC), a payoff and
 * the policy for an invalid oracle answer. Its {@link #id()} is derived from exactly these, so two
 * identical series are the same series and two differing only in the policy are not.
 *
 * <p>A value like a record (equality over its five terms), but a class, because the id is a SHA-256
 * of the terms: it is derived once here, with the leg tokens, instead of at every use.
 */
public final class Series {
  private static final List<Leg> TWO_LEGS = List.of(Leg.P, Leg.N);
  private static final List<Leg> THREE_LEGS = List.of(Leg.P, Leg.N, Leg.I);

  private final IndexId index;
  private final Price strike;
  private final Instant maturity;
  private final Payoff payoff;
  private final InvalidPolicy invalidPolicy;
  private final SeriesId id;
  private final Token pToken;
  private final Token nToken;
  /** Null unless the series has the third outcome. */
  private final Token iToken;

  public Series(IndexId index, Price strike, Instant maturity, Payoff payoff, InvalidPolicy invalidPolicy) {
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
    this.index = index;
    this.strike = strike;
    this.maturity = maturity;
    this.payoff = payoff;
    this.invalidPolicy = invalidPolicy;
    this.id = deriveId();
    this.pToken = new Token(Leg.P.name() + ":" + id.hex());
    this.nToken = new Token(Leg.N.name() + ":" + id.hex());
    this.iToken = invalidPolicy.hasThirdOutcome() ? new Token(Leg.I.name() + ":" + id.hex()) : null;
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
    return id;
  }

  private SeriesId deriveId() {
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
    return switch (leg) {
      case P -> pToken;
      case N -> nToken;
      case I -> {
        if (iToken == null) {
          throw new OptionsException(new OptionsError.NoSuchLeg(id, leg, invalidPolicy));
        }
        yield iToken;
      }
    };
  }

  public Token pToken() {
    return pToken;
  }

  public Token nToken() {
    return nToken;
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

  public IndexId index() {
    return index;
  }

  public Price strike() {
    return strike;
  }

  public Instant maturity() {
    return maturity;
  }

  public Payoff payoff() {
    return payoff;
  }

  public InvalidPolicy invalidPolicy() {
    return invalidPolicy;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Series other && index.equals(other.index) && strike.equals(other.strike)
        && maturity.equals(other.maturity) && payoff.equals(other.payoff) && invalidPolicy == other.invalidPolicy;
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, strike, maturity, payoff, invalidPolicy);
  }

  @Override
  public String toString() {
    return "Series[index=" + index + ", strike=" + strike + ", maturity=" + maturity + ", payoff=" + payoff
        + ", invalidPolicy=" + invalidPolicy + ", id=" + id + "]";
  }
}
