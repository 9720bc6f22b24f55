package noliq.lab.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import noliq.lab.scenarios.DataFiles;
import noliq.math.RuleViolation;

/**
 * The studies the command line runs by name. {@code compare} is the default study: the fitted
 * model, every anchored crash, and the real history (shipped, or the one given): the whole history,
 * each anchored crash's window as it happened and every crash window found in it.
 */
public final class StudyPresets {
  /**
   * Paths of the fitted model in the default study. At 1,024 paths a mean's 95% interval is about
   * ±6% of the metric's standard deviation, and a 95th percentile is bracketed by order statistics
   * about 14 ranks either side (ranks 937 to 966).
   */
  public static final int COMPARE_PATHS = StudyConfig.DEFAULT_PATHS;
  /** Bridges per crash: crash paths are a few days long. */
  public static final int COMPARE_CRASH_PATHS = StudyConfig.DEFAULT_CRASH_PATHS;
  /** The quick preset: a quarter of the paths, 90 days. */
  public static final int QUICK_PATHS = 256;
  public static final int QUICK_CRASH_PATHS = 64;
  public static final int QUICK_HORIZON_DAYS = 90;

  private StudyPresets() {}

  /**
   * The default study. {@code paths} (null: the preset's) sets the fitted model's paths and, capped
   * at {@link #COMPARE_CRASH_PATHS}, the crashes'. The real history is the shipped hourly ETH/USDT
   * bars ({@link DataFiles#shippedHourly()}, 2017-2025) unless {@code prices} or {@code data}'s hourly
   * file replaces it; it adds the whole history as one path, each anchored crash's window as it
   * happened and every crash window found in it. {@code quick} is a smaller preset for a first look
   * and CI smoke runs.
   */
  public static StudyConfig compare(Integer paths, Long seed, Integer threads, Path data, Path prices, boolean quick) {
    return compare(paths, seed, threads, quick, history(data, prices));
  }

  /** The history file {@link #compare} runs on: {@code prices}, else {@code data}'s hourly file, else the shipped one. */
  static Path history(Path data, Path prices) {
    if (data != null && prices != null) {
      throw new RuleViolation("data", "give either --data or --prices, not both");
    }
    if (prices != null) {
      return prices;
    }
    if (data != null) {
      if (!Files.isDirectory(data)) {
        throw new RuleViolation("data", "not a directory: " + data);
      }
      return DataFiles.hourlyIn(data).orElseThrow(() -> new RuleViolation("data",
          data + " holds no " + DataFiles.ETH_HOURLY + " (as shared/data) nor " + DataFiles.ETH_HOURLY_SHIPPED + " (as the project's data/)"));
    }
    return DataFiles.shippedHourly().orElseThrow(() -> new RuleViolation("data",
        "the project's data/ folder (with " + DataFiles.ETH_HOURLY_SHIPPED + ") was not found beside the jar; run through the "
            + "noliq launcher, set -D" + DataFiles.HOME_PROPERTY + "=<project dir>, or give --data DIR or --prices FILE"));
  }

  /** The default study on {@code history}, an OHLC file. */
  static StudyConfig compare(Integer paths, Long seed, Integer threads, boolean quick, Path history) {
    int modelPaths = paths != null ? paths : quick ? QUICK_PATHS : COMPARE_PATHS;
    int crashPaths = Math.min(modelPaths, quick ? QUICK_CRASH_PATHS : COMPARE_CRASH_PATHS);
    List<String> scenarios = List.of("default", StudyConfig.CRASHES, StudyConfig.HISTORY, StudyConfig.HISTORY_CRASHES);
    return new StudyConfig(StudyConfig.DEFAULT_TITLE, scenarios, modelPaths, crashPaths,
        quick ? QUICK_HORIZON_DAYS : StudyConfig.DEFAULT_HORIZON_DAYS, StudyConfig.DEFAULT_X0,
        seed != null ? seed : StudyConfig.DEFAULT_SEED, threads, List.of(), history.toString(),
        Math.min(StudyConfig.DEFAULT_CHARTED_PATHS, crashPaths));
  }
}
