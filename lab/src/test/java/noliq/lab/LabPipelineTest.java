package noliq.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import noliq.lab.engine.LiquidationIndex;
import noliq.lab.engine.MonteCarlo;
import noliq.lab.engine.MonteCarloConfig;
import noliq.lab.engine.Progress;
import noliq.lab.engine.RunSummary;
import noliq.lab.metrics.OptionsRisk;
import noliq.lab.report.Report;
import noliq.lab.report.ReportWriter;
import noliq.lab.scenarios.FittedModels;
import noliq.lab.scenarios.GarchT;
import noliq.lab.scenarios.PricePath;
import noliq.pricing.InverseOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab's parts together, as a study will use them: the fitted default scenario, a per-path
 * simulation on the virtual clock (a rolled P position and a small CDP book indexed by liquidation
 * price, triggering on lows), the Monte Carlo engine, the metrics and the report. The same seed
 * must give a byte-identical summary.json on 1 thread or on N.
 */
class LabPipelineTest {
  @TempDir Path tmp;

  private static final List<String> METRICS = List.of("wrapper_shortfall", "rolls", "liquidated_usd", "min_price");

  private static Report study(int threads) {
    GarchT model = FittedModels.ethHourly();
    int steps = 24 * 60;
    RunSummary run = MonteCarlo.run(new MonteCarloConfig(300, 2026, threads), METRICS, () -> {
      double[] prices = new double[steps + 1];
      return (p, rng, out) -> {
        model.fill(2500, prices, rng);
        PricePath path = PricePath.generated("garch-t", Instant.parse("2026-06-01T00:00:00Z"), Duration.ofHours(1), prices);
        LiquidationIndex book = new LiquidationIndex();
        double[] debt = new double[50];
        for (int i = 0; i < debt.length; i++) {
          debt[i] = 2500 * 0.83 / (1.05 + 0.05 * i);
          book.put(i, debt[i] / 0.83);
        }
        double[] state = {0.5 * 2500, 30, 1000 / InverseOptions.pIndex(2500, 1250, 30 / 365.0, 0.8), 0, 0};
        path.run((t, now, price, low) -> {
          for (int i : book.triggeredBelow(low)) {
            state[4] += debt[i];
          }
          if (t == 0) {
            return;
          }
          double daysLeft = state[1] - 1 / 24.0;
          if (price < 1.5 * state[0] || daysLeft < 7) {
            double value = state[2] * InverseOptions.pIndex(price, state[0], daysLeft / 365, 0.8);
            state[0] = 0.5 * price;
            state[2] = value / InverseOptions.pIndex(price, state[0], 30 / 365.0, 0.8);
            daysLeft = 30;
            state[3]++;
          }
          state[1] = daysLeft;
        });
        double last = path.price(path.size() - 1);
        out[0] = OptionsRisk.shortfall(state[2] * InverseOptions.pIndex(last, state[0], state[1] / 365, 0.8), 1000);
        out[1] = state[3];
        out[2] = state[4];
        out[3] = path.minimum();
      };
    }, Progress.none());
    return Report.builder("Pipeline check: fitted GARCH-t, 60 days")
        .input("paths", run.paths())
        .input("seed", run.seed())
        .input("threads", "any")
        .headline("wrapper_shortfall_p95", run.metric("wrapper_shortfall").quantile(0.95))
        .headline("rolls_mean", run.metric("rolls").mean())
        .headline("lar95_usd", run.metric("liquidated_usd").quantile(0.95))
        .headline("p_liquidation_any", run.metric("liquidated_usd").shareAtLeast(1e-9))
        .table(new Report.Table("scenarios", "Per scenario", List.of("scenario", "min price p05", "liquidated mean"),
            List.of(List.of("garch-t", run.metric("min_price").quantile(0.05), run.metric("liquidated_usd").mean()))))
        .build();
  }

  @Test
  void theSameSeedGivesAByteIdenticalSummaryOnOneThreadOrMany() throws IOException {
    Path one = ReportWriter.write(study(1), tmp.resolve("one"));
    Path two = ReportWriter.write(study(2), tmp.resolve("two"));
    assertThat(Files.readAllBytes(two.resolve("summary.json"))).isEqualTo(Files.readAllBytes(one.resolve("summary.json")));
    assertThat(Files.readAllBytes(two.resolve("index.html"))).isEqualTo(Files.readAllBytes(one.resolve("index.html")));
    String summary = Files.readString(one.resolve("summary.json"));
    assertThat(summary).contains("\"lar95_usd\"", "\"n\":300", "\"ci95_low\"");
    // the wrapper rolls at least every 23 days: at least 2 rolls in 60 days on every path
    assertThat(study(2).headline().get("rolls_mean").value()).isGreaterThanOrEqualTo(2);
  }
}
