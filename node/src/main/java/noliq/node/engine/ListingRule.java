package noliq.node.engine;

import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import noliq.math.Exact;
import noliq.math.Price;
import noliq.math.Rounding;

/**
 * The node's listing rule, stated: at every price tick the market lists, if not yet listed, a P/N
 * series (covered call, 50/50 on an invalid answer) for each strike of the ladder
 * {@code {50, 60, 70, 80, 90}% of x}, each rounded down to the grid step {@code 10^(digits(x) - 2)}
 * (x = 2,500 gives a 100 USD grid), and each of the next {@value #MATURITIES} monthly maturities: the
 * last Friday of the month at 08:00 UTC (Deribit's convention), skipping one closer than
 * {@value #MIN_DAYS} days. As the price moves, new strikes appear; listed series stay until they settle.
 */
public final class ListingRule {
  static final int[] LADDER_PERCENT = {50, 60, 70, 80, 90};
  static final int MATURITIES = 2;
  static final int MIN_DAYS = 7;

  private ListingRule() {}

  public record Listing(Price strike, Instant maturity) {}

  public static List<Listing> at(Price spot, Instant now) {
    List<Instant> maturities = maturities(now);
    BigInteger step = gridStep(spot);
    List<Listing> out = new ArrayList<>();
    for (Instant m : maturities) {
      BigInteger last = null;
      for (int pct : LADDER_PERCENT) {
        BigInteger raw = Exact.mulDiv(spot.units(), BigInteger.valueOf(pct), BigInteger.valueOf(100), Rounding.DOWN);
        BigInteger strike = raw.divide(step).multiply(step);
        if (strike.signum() > 0 && !strike.equals(last)) {
          out.add(new Listing(new Price(strike), m));
          last = strike;
        }
      }
    }
    return out;
  }

  /** {@code 10^(digits - 2)} of the whole part of x, at least 1 USD, in price units. */
  static BigInteger gridStep(Price spot) {
    BigInteger whole = spot.units().divide(Exact.WAD);
    int digits = whole.signum() == 0 ? 1 : whole.toString().length();
    return BigInteger.TEN.pow(Math.max(0, digits - 2)).multiply(Exact.WAD);
  }

  static List<Instant> maturities(Instant now) {
    List<Instant> out = new ArrayList<>();
    YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
    for (int i = 0; out.size() < MATURITIES && i < 24; i++, month = month.plusMonths(1)) {
      LocalDate lastFriday = month.atEndOfMonth().with(TemporalAdjusters.lastInMonth(DayOfWeek.FRIDAY));
      Instant m = lastFriday.atTime(LocalTime.of(8, 0)).toInstant(ZoneOffset.UTC);
      if (m.isAfter(now.plusSeconds(MIN_DAYS * 86_400L))) {
        out.add(m);
      }
    }
    return out;
  }
}
