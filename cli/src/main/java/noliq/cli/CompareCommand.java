package noliq.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import noliq.lab.study.DesignCatalog;
import noliq.lab.study.StudyConfig;
import noliq.lab.study.StudyPresets;
import noliq.math.RuleViolation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The main job: every design on the same paths, as a report directory and a terminal table. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    header = "Every design on the same price paths; writes a report.",
    description = {
        "The main job: the options designs (P-wrapper vaults per roll policy and mechanism, local agents, N holders) "
            + "against the debt designs (Aave, Maker, Liquity books with liquidators and the forced-sale cascade) "
            + "on the same price paths.",
        "",
        "Runs the fitted GARCH(1,1)-t model (" + StudyPresets.COMPARE_PATHS + " paths of a year, hourly), every "
            + "anchored crash (" + StudyPresets.COMPARE_CRASH_PATHS + " bridges each through its published prices) and "
            + "the real history: the whole of it as one path, each anchored crash's window as it happened, and every "
            + "crash window found in it (a fall of at least 25%% within 7 days); a calm history with no such window is "
            + "reported as none found, and the rest of the study runs. The history is the shipped Binance ETH/USDT "
            + "hourly bars, 2017-08-17 to 2025-12-02 (data/, MIT; see data/NOTICE.md), unless --data or --prices "
            + "replaces it.",
        "",
        "Writes index.html, summary.json, CSVs and PNG charts to --out (atomically: a failure leaves --out as it was) "
            + "and prints the headline figures and the post's claims (drift within 1-4%%/yr, roll cost under 2%%/yr). "
            + "`noliq simulate` runs any other study."
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  noliq compare --quick",
        "  noliq compare --prices eth_usdt_1h.csv --out report",
        "  noliq compare --designs aave,wrapper.kyrrui-tracker \\", "      --scenarios default,jun-2022 --paths 200"
    })
final class CompareCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin Output output;
  @Mixin Quiet quiet;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "noliq-report",
      description = "Report directory: new, empty, or a previous report to replace (default: ${DEFAULT-VALUE}).")
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

  @Option(names = "--prices", paramLabel = "FILE", description = "An OHLC CSV (normalised or Binance klines), at most 512 MiB: replaces the shipped history.")
  Path prices;

  @Option(names = "--designs", split = ",", paramLabel = "ID",
      description = "Only these designs, by id or id prefix as in simulate (aave, wrapper, wrapper.kyrrui-tracker, ...; default: all).")
  List<String> designs;

  @Option(names = "--scenarios", split = ",", paramLabel = "NAME",
      description = "Only these scenarios (default: default, crashes, and with a history history, history-crashes). Valid: ${COMPLETION-CANDIDATES}.",
      completionCandidates = ScenarioNames.class)
  List<String> scenarios;

  @Option(names = "--quick", description = "A smaller preset for a first look: " + StudyPresets.QUICK_PATHS + " paths of "
      + StudyPresets.QUICK_HORIZON_DAYS + " days, " + StudyPresets.QUICK_CRASH_PATHS + " bridges per crash.")
  boolean quick;

  /** The scenario names, for help and completion. */
  static final class ScenarioNames extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    ScenarioNames() {
      super(StudyConfig.scenarioNames());
    }
  }

  @Override
  public void run() {
    StudyConfig preset = StudyPresets.compare(paths, seed, threads, data, prices, quick);
    StudyConfig config = narrowed(preset);
    StudyExecution.run(spec, output, quiet, "compare", config, out, DesignCatalog.defaults());
  }

  /** The preset with --designs and --scenarios applied; an unknown entry is refused naming the option and listing the valid ones. */
  private StudyConfig narrowed(StudyConfig p) {
    List<String> s = scenarios == null ? p.scenarios() : checkList("--scenarios", scenarios);
    List<String> d = designs == null ? p.designs() : checkList("--designs", designs);
    StudyConfig config;
    try {
      config = new StudyConfig(p.title(), s, p.paths(), p.crashPaths(), p.horizonDays(), p.x0(), p.seed(), p.threads(), d,
          p.prices(), p.chartedPaths());
      config.select(DesignCatalog.defaults());
    } catch (RuleViolation e) {
      String field = e.field();
      String option = field.startsWith("scenarios") ? "--scenarios" : field.startsWith("designs") ? "--designs"
          : field.equals("prices") ? "--prices" : field;
      throw new RuleViolation(option, e.rule());
    }
    return config;
  }

  private static List<String> checkList(String option, List<String> values) {
    if (values.size() > Limits.MAX_LIST) {
      throw new RuleViolation(option, "lists at most " + Limits.MAX_LIST + " entries (was " + values.size() + ")");
    }
    for (String v : values) {
      if (v == null || v.isBlank()) {
        throw new RuleViolation(option, "has an empty entry; separate names with single commas");
      }
    }
    return values.stream().map(String::strip).toList();
  }
}
