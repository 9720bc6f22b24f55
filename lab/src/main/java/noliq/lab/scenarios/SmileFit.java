package noliq.lab.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import noliq.math.RuleViolation;

/**
 * Fits the smile and the screen's implied-vol bid-ask to Deribit ETH option chains
 * ({@code noliq.market.roll.MarketReaction}'s {@code putSkew}, {@code callSkew},
 * {@code ivHalfSpreadAtOneDay}).
 *
 * <ul>
 *   <li>Skew: per expiry of 7 days or more, the at-the-money vol is the mark IV of the strike nearest the
 *       expiry's underlying; every out-of-the-money option's {@code σ/atm − 1} is regressed through the
 *       origin on {@code |ln(K/F)|/√T}, puts and calls apart, with the fit's error in vol points.
 *   <li>Bid-ask: over every two-sided quote of the chain export, the median of half its IV spread times
 *       √(days to expiry), days at least 1 (expiry at 08:00 UTC).
 * </ul>
 */
public final class SmileFit {
  public static final String BOOK_SUMMARY = "options/book_summary_2025-11-22.csv";
  public static final String CHAIN_EXPORT = "options/chain_export_2025-11-18";
  /** When the chain export was taken (its README: on or before 2025-11-18T18:51Z). */
  public static final Instant CHAIN_EXPORT_AT = Instant.parse("2025-11-18T18:51:00Z");

  private SmileFit() {}

  public record Skew(double putSkew, int puts, double putRmseVolPoints, double callSkew, int calls,
      double callRmseVolPoints) {}

  public record Spread(double ivHalfSpreadAtOneDay, int quotes, double narrowestHalfSpreadEth) {}

  private record Quote(String expiry, double t, double k, double iv, boolean put) {}

  public static Skew fitSkew(Path bookSummary) {
    List<String> lines = read(bookSummary);
    List<String> header = List.of(lines.get(0).split(","));
    int iv = column(header, "mark_iv", bookSummary);
    int under = column(header, "underlying_price", bookSummary);
    int strike = column(header, "strike", bookSummary);
    int type = column(header, "option_type", bookSummary);
    int t = column(header, "T", bookSummary);
    int expiry = column(header, "expiry", bookSummary);
    Map<String, List<Quote>> byExpiry = new HashMap<>();
    for (int i = 1; i < lines.size() && i <= 100_000; i++) {
      String[] f = lines.get(i).split(",", -1);
      if (f.length != header.size() || f[iv].isBlank()) {
        continue;
      }
      double years = Double.parseDouble(f[t]);
      if (years < 7 / 365.0) {
        continue;
      }
      Quote q = new Quote(f[expiry], years, Math.log(Double.parseDouble(f[strike]) / Double.parseDouble(f[under])),
          Double.parseDouble(f[iv]) / 100, f[type].equals("P"));
      byExpiry.computeIfAbsent(q.expiry(), e -> new ArrayList<>()).add(q);
    }
    double[] put = new double[3];
    double[] call = new double[3];
    List<double[]> putPoints = new ArrayList<>();
    List<double[]> callPoints = new ArrayList<>();
    for (List<Quote> qs : byExpiry.values()) {
      Quote nearest = qs.stream().min((a, b) -> Double.compare(Math.abs(a.k()), Math.abs(b.k()))).orElseThrow();
      double atm = nearest.iv();
      for (Quote q : qs) {
        boolean otmPut = q.put() && q.k() < 0;
        boolean otmCall = !q.put() && q.k() > 0;
        if (!otmPut && !otmCall) {
          continue;
        }
        double z = Math.abs(q.k()) / Math.sqrt(q.t());
        double y = q.iv() / atm - 1;
        double[] acc = otmPut ? put : call;
        acc[0] += z * y;
        acc[1] += z * z;
        (otmPut ? putPoints : callPoints).add(new double[] {z, atm, q.iv()});
      }
    }
    if (putPoints.size() < 10 || callPoints.size() < 10) {
      throw new RuleViolation("chain", bookSummary + ": too few out-of-the-money quotes to fit a smile");
    }
    double putSkew = put[0] / put[1];
    double callSkew = call[0] / call[1];
    return new Skew(putSkew, putPoints.size(), rmse(putPoints, putSkew), callSkew, callPoints.size(),
        rmse(callPoints, callSkew));
  }

  public static Spread fitSpread(Path chainExportDir) {
    List<Double> scaled = new ArrayList<>();
    double narrowest = Double.POSITIVE_INFINITY;
    List<Path> files;
    try (var s = Files.list(chainExportDir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith("-export.csv")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      String code = name.substring("ETH-".length(), name.length() - "-export.csv".length());
      LocalDate expiry = deribitDate(code);
      double days = Duration.between(CHAIN_EXPORT_AT, expiry.atTime(8, 0).toInstant(ZoneOffset.UTC)).toSeconds() / 86_400.0;
      List<String> lines = read(file);
      for (int i = 1; i < lines.size() && i <= 100_000; i++) {
        String[] f = lines.get(i).split(",", -1);
        if (f.length < 17) {
          continue;
        }
        Double ivBid = number(f[12]);
        Double ivAsk = number(f[16]);
        if (ivBid == null || ivAsk == null) {
          continue;
        }
        scaled.add((ivAsk - ivBid) / 100 / 2 * Math.sqrt(Math.max(days, 1)));
        Double bid = number(f[13]);
        Double ask = number(f[15]);
        if (bid != null && ask != null && ask > bid) {
          narrowest = Math.min(narrowest, (ask - bid) / 2);
        }
      }
    }
    if (scaled.size() < 30) {
      throw new RuleViolation("chain", chainExportDir + ": too few two-sided quotes to fit a spread");
    }
    return new Spread(median(scaled.stream().mapToDouble(Double::doubleValue).toArray()),
        scaled.size(), narrowest);
  }

  /** Deribit's expiry code, e.g. {@code 5DEC25} or {@code 19NOV25}. */
  static LocalDate deribitDate(String code) {
    var m = java.util.regex.Pattern.compile("(\\d{1,2})([A-Z]{3})(\\d{2})").matcher(code);
    if (!m.matches()) {
      throw new RuleViolation("chain", "not a Deribit expiry: " + code);
    }
    int month = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC").indexOf(m.group(2)) + 1;
    if (month == 0) {
      throw new RuleViolation("chain", "not a Deribit expiry month: " + code);
    }
    return LocalDate.of(2000 + Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1)));
  }

  private static double rmse(List<double[]> points, double slope) {
    double ss = 0;
    for (double[] p : points) {
      double e = p[1] * (1 + slope * p[0]) - p[2];
      ss += e * e;
    }
    return 100 * Math.sqrt(ss / points.size());
  }

  private static Double number(String s) {
    String v = s.strip();
    if (v.isEmpty() || v.equals("-")) {
      return null;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static int column(List<String> header, String name, Path file) {
    int i = header.indexOf(name);
    if (i < 0) {
      throw new RuleViolation("chain", file + ": no column " + name);
    }
    return i;
  }

  private static List<String> read(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      if (lines.isEmpty()) {
        throw new RuleViolation("chain", file + " is empty");
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double median(double[] values) {
    double[] v = values.clone();
    java.util.Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
