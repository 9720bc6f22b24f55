package noliq.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.book.AccountId;
import noliq.math.book.TokenBook;
import noliq.options.IndexId;
import noliq.options.Leg;
import noliq.options.OptionsLedger;
import noliq.options.ReportedResolutions;
import noliq.options.Resolution;
import noliq.options.Series;
import noliq.options.SeriesId;
import noliq.pricing.InverseOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The main job. Until the lab exists this runs a demonstration of the options side on one stated,
 * deterministic path, with the real pricer and the real ledger: a holder keeps deep in-the-money P
 * and rolls it by the post's rule, at model prices, and settles the last series at the path's end.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
        "The main job: options versus debt on the same price paths.",
        "DEMONSTRATION: the lab (Monte Carlo, history, crashes, debt baselines) is not built yet.",
        "This runs the options side on one deterministic path, ETH 2500 -> 1400 -> 1800 over 60 days:",
        "a holder splits 1 ETH, keeps P (strike X/2, 45 days), rolls to X/4 when x < 1.5 S at Black-Scholes",
        "prices (vol 0.8, no trading cost), and settles the last series through the ledger at the path's end."
    })
final class CompareCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin Output output;

  @Option(names = "--out", paramLabel = "DIR", description = "Report directory (used once the lab exists; default: ${DEFAULT-VALUE}).",
      defaultValue = "noliq-report")
  String out;

  private static final double VOL = 0.8;
  private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");

  record Day(int day, double spot, double strike, double pUsd, double targetUsd, double deviationPct, boolean rolled) {}

  @Override
  public void run() {
    double[] path = path();
    double entry = path[0];
    TokenBook book = new TokenBook();
    ReportedResolutions oracle = new ReportedResolutions();
    OptionsLedger ledger = new OptionsLedger(book, oracle);
    AccountId holder = AccountId.of("holder");
    ledger.deposit(holder, Amount.ONE);

    Series series = Series.pn(IndexId.ETH_USD, Price.of(Math.round(entry / 2)), START.plus(Duration.ofDays(45)));
    SeriesId id = ledger.list(series);
    ledger.split(holder, id, Amount.ONE, START);
    double units = 1.0; // P units held (model quantity after rolls)
    double target = pUsd(entry, series, START);
    List<Day> days = new ArrayList<>();
    int rolls = 0;
    for (int d = 0; d < path.length; d++) {
      Instant now = START.plus(Duration.ofDays(d));
      double x = path[d];
      boolean rolled = false;
      double strike = series.strike().toDouble();
      if (x < 1.5 * strike) {
        double value = units * pUsd(x, series, now);
        series = Series.pn(IndexId.ETH_USD, Price.of(Math.round(entry / 4)), now.plus(Duration.ofDays(45)));
        units = value / pUsd(x, series, now);
        rolled = true;
        rolls++;
      }
      double v = units * pUsd(x, series, now);
      days.add(new Day(d, x, series.strike().toDouble(), v, target, 100 * (v / target - 1), rolled));
    }
    // Settle the series held at the end through the real ledger, at the path's last price.
    Instant end = START.plus(Duration.ofDays(path.length - 1));
    Series last = Series.pn(IndexId.ETH_USD, series.strike(), end);
    SeriesId lastId = ledger.list(last);
    ledger.deposit(holder, Amount.ONE);
    ledger.split(holder, lastId, Amount.ONE, end);
    oracle.report(last, new Resolution.Value(Price.fromDouble(path[path.length - 1], Rounding.DOWN)));
    ledger.settle(lastId, end);
    Amount pPayout = ledger.redeem(holder, lastId, Leg.P, Amount.ONE, end).payout();
    Amount nPayout = ledger.redeem(holder, lastId, Leg.N, Amount.ONE, end).payout();

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("mode", "demonstration (the lab is not built yet)");
    result.put("path", "ETH/USD 2500 -> 1400 (day 30) -> 1800 (day 60), daily, deterministic");
    result.put("vol", VOL);
    result.put("rolls", rolls);
    result.put("final_deviation_pct", days.get(days.size() - 1).deviationPct());
    result.put("worst_deviation_pct", days.stream().mapToDouble(Day::deviationPct).min().orElse(0));
    result.put("settlement_check", Map.of("strike", last.strike().toString(), "x", path[path.length - 1],
        "P_payout_eth", pPayout.toString(), "N_payout_eth", nPayout.toString()));
    result.put("days", days);
    int rollCount = rolls;
    PrintWriter w = spec.commandLine().getOut();
    output.print(w, result, r -> {
      w.println("noliq compare: DEMONSTRATION (the lab that runs both designs is not built yet)");
      w.println("One deterministic path, ETH/USD 2500 -> 1400 -> 1800 over 60 days; a holder keeps P and rolls by");
      w.println("the post's rule (S < X/2, rotate to X/4 when x < 1.5 S) at Black-Scholes prices, vol 0.8, no cost.");
      w.printf("%5s %9s %9s %12s %12s %10s%n", "day", "ETH/USD", "strike", "P value $", "target $", "dev %");
      for (Day day : days) {
        if (day.day() % 5 == 0 || day.rolled()) {
          w.printf("%5d %9.2f %9.0f %12.2f %12.2f %10.4f%s%n", day.day(), day.spot(), day.strike(), day.pUsd(),
              day.targetUsd(), day.deviationPct(), day.rolled() ? "  roll" : "");
        }
      }
      w.printf("rolls: %d; deviation from target at the end: %.4f%%; worst: %.4f%%%n", rollCount,
          days.get(days.size() - 1).deviationPct(), days.stream().mapToDouble(Day::deviationPct).min().orElse(0));
      w.printf("settlement through the ledger at x = %.2f, strike %s: P pays %s ETH, N pays %s ETH (sum 1)%n",
          path[path.length - 1], last.strike(), pPayout, nPayout);
    });
  }

  private static double pUsd(double x, Series s, Instant now) {
    double years = Math.max(0, Duration.between(now, s.maturity()).getSeconds()) / (365.0 * 86_400);
    return InverseOptions.pIndex(x, s.strike().toDouble(), years, VOL);
  }

  /** 2500 to 1400 by day 30, then up to 1800 by day 60, linear in log price. */
  private static double[] path() {
    double[] p = new double[61];
    for (int d = 0; d <= 60; d++) {
      p[d] = d <= 30
          ? 2500 * Math.pow(1400.0 / 2500, d / 30.0)
          : 1400 * Math.pow(1800.0 / 1400, (d - 30) / 30.0);
    }
    return p;
  }
}
