package noliq.cli;

import java.nio.file.Path;
import noliq.lab.study.DesignCatalog;
import noliq.lab.study.StudyConfig;
import noliq.lab.study.StudyPresets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The main job: every design on the same paths, as a report directory and a terminal table. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
        "The main job: the options designs (P-wrapper vaults per roll policy and mechanism, local agents,",
        "N holders) against the debt designs (Aave, Maker, Liquity books with liquidators and the forced-sale",
        "cascade) on the same price paths.",
        "Runs the fitted GARCH(1,1)-t model (" + StudyPresets.COMPARE_PATHS + " paths of a year, hourly), every anchored",
        "crash (" + StudyPresets.COMPARE_CRASH_PATHS + " bridges each through its published prices) and the real history:",
        "the whole of it as one path, each anchored crash's window as it happened, and every crash window found in it",
        "(a fall of at least 25%% within 7 days). The history is the shipped Binance ETH/USDT hourly bars, 2017-08-17 to",
        "2025-12-02 (data/, MIT; see data/NOTICE.md), unless --data or --prices replaces it.",
        "Writes index.html, summary.json, CSVs and PNG charts to --out and prints the headline figures and the",
        "post's claims (drift within 1-4%%/yr, roll cost under 2%%/yr). `noliq simulate` runs any other study."
    })
final class CompareCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin Output output;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "noliq-report", description = "Report directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--paths", paramLabel = "N", description = "Paths of the fitted model (default: " + StudyPresets.COMPARE_PATHS
      + "; --quick " + StudyPresets.QUICK_PATHS + "); crashes use at most " + StudyPresets.COMPARE_CRASH_PATHS + ".")
  Integer paths;

  @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: " + StudyConfig.DEFAULT_SEED + ").")
  Long seed;

  @Option(names = "--threads", paramLabel = "T", description = "Threads (default: one per core; results never depend on it).")
  Integer threads;

  @Option(names = "--data", paramLabel = "DIR", description = "A data directory holding eth_usdt_1h.csv (as shared/data) or eth_usdt_1h_2017-2025.csv (as data/): its hourly bars replace the shipped history.")
  Path data;

  @Option(names = "--prices", paramLabel = "FILE", description = "An OHLC CSV (normalised or Binance klines): replaces the shipped history.")
  Path prices;

  @Option(names = "--quick", description = "A smaller preset for a first look: " + StudyPresets.QUICK_PATHS + " paths of "
      + StudyPresets.QUICK_HORIZON_DAYS + " days, " + StudyPresets.QUICK_CRASH_PATHS + " bridges per crash.")
  boolean quick;

  @Override
  public void run() {
    StudyConfig config = StudyPresets.compare(paths, seed, threads, data, prices, quick);
    StudyExecution.run(spec, output, "compare", config, out, DesignCatalog.defaults());
  }
}
