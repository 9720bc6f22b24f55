package noliq.market;

import java.time.Instant;
import noliq.math.Amount;
import noliq.math.Price;

/** The input checks every market mechanism shares; each throws a {@link MarketException} naming the field. */
public final class Checks {
  private Checks() {}

  public static Amount positive(String field, Amount amount) {
    if (amount == null) {
      throw new MarketException(new MarketError.NotPositive(field, "nothing"));
    }
    if (!amount.isPositive()) {
      throw new MarketException(new MarketError.NotPositive(field, amount));
    }
    return amount;
  }

  public static Price positive(String field, Price price) {
    if (price == null) {
      throw new MarketException(new MarketError.NotPositive(field, "nothing"));
    }
    if (!price.isPositive()) {
      throw new MarketException(new MarketError.NotPositive(field, price));
    }
    return price;
  }

  public static Instant required(String field, Instant at) {
    if (at == null) {
      throw new MarketException(new MarketError.OutOfRange(field, "a time", "nothing"));
    }
    return at;
  }

  /** A fraction in pips (millionths): 3000 pips = 0.30%. */
  public static long pips(String field, long pips, long max) {
    if (pips < 0 || pips > max) {
      throw new MarketException(new MarketError.OutOfRange(field, "between 0 and " + max + " pips", pips));
    }
    return pips;
  }
}
