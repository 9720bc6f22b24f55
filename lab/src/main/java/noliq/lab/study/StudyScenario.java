package noliq.lab.study;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import noliq.lab.scenarios.CrashEvent;
import noliq.lab.scenarios.CrashEvents;
import noliq.lab.scenarios.Gap;
import noliq.lab.scenarios.ModelParameters;
import noliq.lab.scenarios.OhlcReader;
import noliq.lab.scenarios.OhlcSeries;
import noliq.lab.scenarios.PricePath;
import noliq.lab.scenarios.Scenario;
import noliq.lab.scenarios.Scenarios;
import noliq.math.RuleViolation;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One scenario of a study as it is run: its source of paths, how many, its seed and which paths are
 * charted.
 *
 * @param name unique in the study, used in table and chart names
 * @param kind what kind of scenario it is
 * @param description one line for the report
 * @param source where the paths come from
 * @param paths Monte Carlo paths (1 for a replay of one history; one per window for the history's crash windows)
 * @param seed this scenario's seed (derived from the study's seed and the name)
 * @param charted the first {@code charted} paths are traced for the charts
 * @param gaps missing bars of a replay (reported, never filled)
 * @param windows the crash windows of a {@link Kind#HISTORY_CRASHES} scenario, path i replaying window i; else empty
 */
public record StudyScenario(String name, Kind kind, String description, PathSource source, int paths, long seed, int charted,
    List<Gap> gaps, List<CrashWindows.Window> windows) {

  /** Path {@code index} of a scenario, drawn from {@code rng} (the path's own stream) if it is random. */
  @FunctionalInterface
  public interface PathSource {
    PricePath path(long index, UniformRandomProvider rng);

    static PathSource of(Scenario scenario) {
      return (index, rng) -> scenario.path(rng);
    }
  }

  public enum Kind {
    /** A stochastic model over the horizon. */
    MODEL,
    /** Brownian bridges through a crash's published prices. */
    CRASH_BRIDGES,
    /** The hourly history of a crash's window. */
    CRASH_AS_IT_HAPPENED,
    /** The whole price history as one path. */
    HISTORY,
    /** Every crash window found in the history, one path each. */
    HISTORY_CRASHES
  }

  /**
   * Populations drawn on a crash window's replay: one price path, but the debt books' borrowers
   * and keepers drawn afresh on each of these paths, so every replay figure has an n and an
   * interval over populations. (The whole-history replay stays one path: nine years of hours 256
   * times over costs too much; its figures are one population's.)
   */
  public static final int REPLAY_POPULATIONS = 256;

  /** How a history-crashes scenario without windows describes itself. */
  public static final String NONE_FOUND = "no crash window: none found by the rule";

  public StudyScenario {
    if (paths < 0) {
      throw new RuleViolation("paths", "must not be negative (was " + paths + ")");
    }
    gaps = List.copyOf(gaps);
    windows = List.copyOf(windows);
  }

  /** Whether it runs for a year or more of simulated time, so per-year figures mean what they say. */
  public boolean longRun() {
    return kind == Kind.MODEL || kind == Kind.HISTORY;
  }

  /**
   * The scenario's seed: the study's seed mixed with the name (String.hashCode is fixed by the
   * language), so adding or removing a scenario never changes another's paths.
   */
  static long seedFor(long studySeed, String name) {
    long z = studySeed ^ (name.hashCode() * 0x9e3779b97f4a7c15L);
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** The scenarios of {@code config}, in its order; reads the price history once if one is needed. */
  public static List<StudyScenario> plan(StudyConfig config) {
    OhlcSeries history = config.prices() == null || config.prices().isBlank() ? null : OhlcReader.read(Path.of(config.prices()));
    List<StudyScenario> out = new ArrayList<>();
    ModelParameters models = config.parameters().models();
    for (String key : config.scenarioKeys()) {
      switch (key) {
        case StudyConfig.CRASHES -> CrashEvents.ALL.forEach(e -> addCrash(out, config, e, history));
        case StudyConfig.HISTORY -> out.add(new StudyScenario("history", Kind.HISTORY,
            "the whole history of " + history.source() + ", " + history.start() + " to " + history.end() + ", as one path ("
                + history.bars().size() + " bars, " + history.gaps().size() + " gaps, " + history.missingBars() + " missing bars)",
            PathSource.of(new Scenario.Replay(history)), 1, seedFor(config.seed(), "history"), 1, history.gaps(), List.of()));
        case StudyConfig.HISTORY_CRASHES -> {
          List<CrashWindows.Window> windows = CrashWindows.find(history, CrashWindows.DEFAULT_DRAWDOWN, CrashWindows.DEFAULT_WITHIN);
          if (windows.isEmpty()) {
            // A calm history is a legitimate question: the scenario stays in the study, with no path to run.
            out.add(new StudyScenario(StudyConfig.HISTORY_CRASHES, Kind.HISTORY_CRASHES, NONE_FOUND + " in " + history.source()
                + " (" + CrashWindows.rule(CrashWindows.DEFAULT_DRAWDOWN, CrashWindows.DEFAULT_WITHIN) + ")",
                (index, rng) -> {
                  throw new IllegalStateException("a scenario without crash windows has no path " + index);
                }, 0, seedFor(config.seed(), StudyConfig.HISTORY_CRASHES), 0, List.of(), List.of()));
            continue;
          }
          List<PricePath> replays = windows.stream().map(w -> PricePath.replay(w.series())).toList();
          List<Gap> gaps = windows.stream().flatMap(w -> w.series().gaps().stream()).toList();
          out.add(new StudyScenario(StudyConfig.HISTORY_CRASHES, Kind.HISTORY_CRASHES, windows.size()
              + " crash windows of " + history.source() + ", one path each: " + CrashWindows.rule(CrashWindows.DEFAULT_DRAWDOWN, CrashWindows.DEFAULT_WITHIN),
              (index, rng) -> replays.get((int) index), windows.size(), seedFor(config.seed(), StudyConfig.HISTORY_CRASHES),
              Math.min(config.chartedPaths(), windows.size()), gaps, windows));
        }
        default -> {
          if (CrashEvents.ALL.stream().anyMatch(e -> e.id().equals(key))) {
            addCrash(out, config, CrashEvents.byId(key), history);
          } else {
            out.add(model(key, config, models));
          }
        }
      }
    }
    return out;
  }

  /** The stochastic scenario {@code key} of {@code config} with its model at {@code models}. */
  public static StudyScenario model(String key, StudyConfig config, ModelParameters models) {
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    Scenario s = Scenarios.scenario(key, config.x0(), config.horizonDays() * 24, start, models);
    return new StudyScenario(key, Kind.MODEL, String.format(java.util.Locale.ROOT,
        "%s model: %d paths of %d days, hourly steps, from ETH %.2f", key, config.paths(), config.horizonDays(), config.x0()),
        PathSource.of(s), config.paths(), seedFor(config.seed(), key), config.chartedPaths(), List.of(), List.of());
  }

  private static void addCrash(List<StudyScenario> out, StudyConfig config, CrashEvent e, OhlcSeries history) {
    Scenario.Crash bridges = Scenario.Crash.asItHappened(e);
    out.add(new StudyScenario(e.id(), Kind.CRASH_BRIDGES, String.format(java.util.Locale.ROOT,
        "%s: %d bridges (5-minute steps, vol %.0f%%) through the published open %.2f, low %.2f and close %.2f",
        e.name(), config.crashPaths(), 100 * e.realisedVolatility(), e.open().price(), e.low().price(), e.close().price()),
        PathSource.of(bridges), config.crashPaths(), seedFor(config.seed(), e.id()), config.chartedPaths(), List.of(), List.of()));
    if (history != null && !history.start().isAfter(e.open().time()) && !history.end().isBefore(e.close().time())) {
      OhlcSeries window = history.window(e.open().time(), e.close().time());
      String name = e.id() + "-history";
      PricePath replay = PricePath.replay(window);
      out.add(new StudyScenario(name, Kind.CRASH_AS_IT_HAPPENED, e.name() + " as it happened: " + window.bars().size()
          + " bars of " + history.source() + " (" + window.gaps().size() + " gaps), " + REPLAY_POPULATIONS
          + " borrower populations on it", (index, rng) -> replay, REPLAY_POPULATIONS, seedFor(config.seed(), name), 1,
          window.gaps(), List.of()));
    }
  }
}
