package noliq.lab.study.debt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import noliq.lab.metrics.Estimate;
import noliq.lab.metrics.Sample;
import noliq.lab.report.Report.Table;
import noliq.lab.scenarios.CrashEvent;
import noliq.lab.scenarios.CrashEvents;
import noliq.lab.scenarios.DataFiles;
import noliq.lab.study.StudyRunner;

/**
 * The debt books against what really happened, as tables the report shows: for each anchored crash
 * that has real liquidation data, the simulated figure (mean over paths, 95% interval, n) beside
 * the real one and their ratio; and the March 2020 counterfactual beside its congested variant.
 * Nothing here tunes anything: a ratio far from 1 is reported as it is.
 *
 * <p>Real data available: {@value #AAVE_EVENTS} (Aave v3 {@code LiquidationCall} events on
 * Ethereum, 2025, timestamps only, no amounts), so the comparison for 10 Oct 2025 is of counts of
 * liquidation calls within the event's window. The file's completeness is not verified (its source
 * is an Etherscan log pull). Published USD totals ({@link #PUBLISHED}) give a second comparison,
 * of liquidated USD, for 5 Aug 2024 and 10 Oct 2025; each states how its scope differs from the
 * simulated book's (assets, chains, window), so the ratio is reported, never tuned.
 */
public final class DebtValidation {
  /** The Aave v3 liquidation events file, in the data directory. */
  public static final String AAVE_EVENTS = "aave_v3_ethereum_liquidation_events_2025.csv";

  private DebtValidation() {}

  /**
   * A published total of real liquidations in a crash, with its source and what it covers.
   *
   * @param crash the crash id ({@link CrashEvents})
   * @param book the simulated book it is set against
   * @param quantity what is compared
   * @param usd the published total [USD]
   * @param source where it was published, and how its scope differs from the book's
   */
  public record PublishedTotal(String crash, String book, String quantity, double usd, String source) {}

  /** The published totals the report compares with (liquidated USD). */
  public static final List<PublishedTotal> PUBLISHED = List.of(
      new PublishedTotal("aug-2024", "aave", "liquidated USD in the window (sim: debt repaid; real: WETH collateral seized)",
          146.7e6, "The Defiant, 'Crypto Crash Wipes Out DeFi Borrowers As All-Time Aave v3 Liquidations Double' (5 Aug 2024, "
              + "citing Block Analitica; copy at https://holdornot.com/article?id=804354): WETH collateral liquidated on Aave v3 "
              + "in 24 h, $146.7M of $253.4M; all Aave v3 chains, collateral value (about 1.05 x debt repaid)"),
      new PublishedTotal("oct-2025", "aave", "liquidated USD in the window (sim: debt repaid; real: all Aave instances, all assets)",
          180e6, "Chaos Labs, 'Risk Report: Insights from Recent Market Events - 10/11/25', Aave governance forum "
              + "(https://governance.aave.com/t/chaos-labs-risk-report-insights-from-recent-market-events-10-11-25/23248): "
              + "'total onchain liquidation volume reached approximately $180 million' across Aave instances, mostly BTC, ETH "
              + "and wstETH collateral"));

  /** Aave v3 liquidation calls on Ethereum in {@code [from, to)}, counted from the events file. */
  public static long aaveLiquidationCalls(Path events, Instant from, Instant to) {
    try (Stream<String> lines = Files.lines(events)) {
      return lines.skip(1).map(l -> l.substring(0, l.indexOf(','))).map(Instant::parse)
          .filter(t -> !t.isBefore(from) && t.isBefore(to)).count();
    } catch (IOException e) {
      throw new UncheckedIOException(events + ": " + e.getMessage(), e);
    }
  }

  /** Where the events file is: the data directory, else beside the price file the study ran on. */
  static Optional<Path> eventsFile(StudyRunner.StudyResult result) {
    Optional<Path> configured = DataFiles.file(AAVE_EVENTS);
    if (configured.isPresent()) {
      return configured;
    }
    String prices = result.config().prices();
    if (prices == null || prices.isBlank()) {
      return Optional.empty();
    }
    Path parent = Path.of(prices).toAbsolutePath().getParent();
    return parent == null ? Optional.empty() : Optional.of(parent.resolve(AAVE_EVENTS)).filter(Files::isRegularFile);
  }

  /** Simulated against real liquidations, per crash with real data and per scenario that ran it. */
  public static Table validation(StudyRunner.StudyResult result) {
    List<List<Object>> rows = new ArrayList<>();
    Optional<Path> events = eventsFile(result);
    CrashEvent oct = CrashEvents.OCT_2025;
    for (StudyRunner.ScenarioResult sr : result.scenarios()) {
      String name = sr.scenario().name();
      if (!name.equals(oct.id()) && !name.equals(oct.id() + "-history")) {
        continue;
      }
      if (!sr.summary().names().contains("aave.liquidations")) {
        continue;
      }
      Estimate simulated = sr.summary().metric("aave.liquidations").mean();
      if (events.isEmpty()) {
        rows.add(List.of(oct.id(), name, "aave", "liquidation calls in the window", simulated, "n/a",
            "n/a: the run was not given " + AAVE_EVENTS, "n/a"));
        continue;
      }
      long real = aaveLiquidationCalls(events.get(), oct.open().time(), oct.close().time());
      rows.add(List.of(oct.id(), name, "aave", "liquidation calls " + oct.open().time() + " to " + oct.close().time(),
          simulated, (double) real, AAVE_EVENTS + " (Aave v3 LiquidationCall events, Ethereum; all collateral types; "
              + "completeness not verified)", real == 0 ? "n/a" : (Object) (simulated.value() / real)));
    }
    for (PublishedTotal pub : PUBLISHED) {
      for (StudyRunner.ScenarioResult sr : result.scenarios()) {
        String name = sr.scenario().name();
        String metric = pub.book() + ".liquidated_usd";
        if ((!name.equals(pub.crash()) && !name.equals(pub.crash() + "-history")) || !sr.summary().names().contains(metric)) {
          continue;
        }
        Estimate simulated = sr.summary().metric(metric).mean();
        rows.add(List.of(pub.crash(), name, pub.book(), pub.quantity(), simulated, pub.usd(), pub.source(),
            simulated.value() / pub.usd()));
      }
    }
    return new Table("debt_validation", "Simulated against real liquidations, for the crashes with real data "
        + "(simulated: mean over paths with its 95% interval; the book is $1B of ETH-collateral debt by assumption, so "
        + "the ratio mixes model error with the book's size; not tuned)",
        List.of("crash", "scenario", "book", "quantity", "simulated", "real", "real_source", "ratio"), rows);
  }

  /**
   * The March 2020 window as what it is, a counterfactual: today's rules (Maker Liquidations 2.0,
   * live from 2021; Aave v3.3 and Liquity v2, 2025) run on 12-13 March 2020's prices; and the same
   * Maker book with keepers meeting a stated congestion model ({@link Congestion#blackThursday}).
   */
  public static Table counterfactual(StudyRunner.StudyResult result) {
    List<List<Object>> rows = new ArrayList<>();
    String id = CrashEvents.MAR_2020.id();
    for (StudyRunner.ScenarioResult sr : result.scenarios()) {
      String name = sr.scenario().name();
      if (!name.equals(id) && !name.equals(id + "-history")) {
        continue;
      }
      for (String book : List.of("maker", "maker.congested", "aave", "liquity")) {
        if (!sr.summary().names().contains(book + ".bad_debt_usd")) {
          continue;
        }
        rows.add(List.of(name, book, book.equals("maker.congested")
                ? "keepers priced out by gas: x10 after a 30% fall from the day's high (stated model)"
                : "well-funded keepers, no congestion",
            sr.summary().metric(book + ".liquidated_pct_book").mean(),
            sr.summary().metric(book + ".bad_debt_usd").mean(),
            sr.summary().metric(book + ".keeper_pnl_usd").mean()));
      }
    }
    return new Table("debt_counterfactual_mar_2020", "Black Thursday is a counterfactual: 12-13 March 2020's prices "
        + "under today's rules (Maker Liquidations 2.0 went live in 2021; Black Thursday's zero-bid auctions were "
        + "Liquidations 1.2 flip auctions); the congested variant prices keepers out of the network as gas spikes",
        List.of("scenario", "book", "keepers", "liquidated_pct_book", "bad_debt_usd", "keeper_pnl_usd"), rows);
  }

  /** The book figures compared pair by pair: the same borrowers on the same path, so differences are paired. */
  static final List<String> PAIRED_METRICS = List.of("liquidated_pct_book", "insolvent_pct_book", "penalties_pct_book",
      "borrower_pnl_pct");

  /**
   * Paired differences between the books, per scenario and figure: on each path the three books
   * have the same borrowers and keepers, so the per-path difference removes the population's
   * noise; the mean difference with its 95% interval over paths.
   */
  public static Table pairedDifferences(StudyRunner.StudyResult result) {
    List<List<Object>> rows = new ArrayList<>();
    List<String[]> pairs = List.of(new String[] {"aave", "maker"}, new String[] {"aave", "liquity"},
        new String[] {"maker", "liquity"}, new String[] {"maker.congested", "maker"});
    for (StudyRunner.ScenarioResult sr : result.scenarios()) {
      List<String> names = sr.summary().names();
      for (String[] pair : pairs) {
        for (String metric : PAIRED_METRICS) {
          String a = pair[0] + "." + metric;
          String b = pair[1] + "." + metric;
          if (!names.contains(a) || !names.contains(b)) {
            continue;
          }
          double[] x = sr.summary().metric(a).values();
          double[] y = sr.summary().metric(b).values();
          Sample d = new Sample();
          for (int p = 0; p < x.length; p++) {
            d.add(x[p] - y[p]);
          }
          rows.add(List.of(sr.scenario().name(), pair[0] + " - " + pair[1], metric, d.mean()));
        }
      }
    }
    return new Table("debt_paired_differences", "Debt books side by side on the same borrowers: per-path differences "
        + "(first book minus second), mean over paths with its 95% interval", List.of("scenario", "pair", "figure",
        "mean_difference"), rows);
  }
}
