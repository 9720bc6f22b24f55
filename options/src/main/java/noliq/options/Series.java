package noliq.options;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import noliq.math.Price;
import noliq.math.RuleViolation;
import noliq.math.book.Token;

/**
 * A series: an index, a strike S in index units, a maturity M (whole seconds, UTC) and a payoff.
 * Its {@link #id()} is derived from exactly these, so two identical series are the same series.
 */
public record Series(IndexId index, Price strike, Instant maturity, Payoff payoff) {

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
    payoff.validate(strike);
  }

  /** The post's P/N split (covered call) on {@code index}. */
  public static Series pn(IndexId index, Price strike, Instant maturity) {
    return new Series(index, strike, maturity, new Payoff.CoveredCall());
  }

  public SeriesId id() {
    String canonical = "noliq-series-v1|" + index.name() + "|" + strike.units() + "|"
        + maturity.getEpochSecond() + "|" + payoff.canonical();
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return new SeriesId(HexFormat.of().formatHex(hash, 0, 12));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  public Token token(Leg leg) {
    return new Token(leg.name() + ":" + id().hex());
  }

  public Token pToken() {
    return token(Leg.P);
  }

  public Token nToken() {
    return token(Leg.N);
  }

  /** For people: {@code ETH/USD 1500 2026-07-31T08:00:00Z covered-call}. */
  public String describe() {
    return index + " " + strike + " " + maturity + " " + payoff.canonical();
  }
}
