package noliq.lab.scenarios;

import java.util.List;
import java.util.Locale;
import noliq.math.RuleViolation;

/**
 * The stochastic scenarios by name, as the command line names them. Each is an hourly model; the
 * default is the GARCH(1,1)-t fitted to ETH ({@link FittedModels}). Historical replay and
 * event-anchored crashes are separate ({@link OhlcReader}, {@link CrashEvents}).
 */
public final class Scenarios {
  /** The names {@link #model(String)} knows. */
  public static final List<String> NAMES = List.of("default", "garch-t", "gbm", "merton");

  private Scenarios() {}

  /** Hours per block of the default bootstrap: a week keeps a week's volatility clustering. */
  public static final int BOOTSTRAP_BLOCK_HOURS = 168;

  /**
   * The block bootstrap of the real hourly ETH returns, in blocks of a week: the given data
   * directory's {@code eth_usdt_1h.csv} when one is given ({@link DataFiles#hourly()}), else the
   * shipped 2017-2025 bars. Refused with a clear message when neither is there.
   */
  public static BlockBootstrap hourlyBootstrap() {
    java.nio.file.Path file = DataFiles.hourly().orElseThrow(() -> new RuleViolation("scenario",
        "bootstrap needs the hourly ETH bars: the project's data/" + DataFiles.ETH_HOURLY_SHIPPED
            + " is missing and no data directory holding " + DataFiles.ETH_HOURLY + " is given (NOLIQ_DATA or -Dnoliq.data)"));
    return BlockBootstrap.of(OhlcReader.read(file), BOOTSTRAP_BLOCK_HOURS);
  }

  /**
   * A scenario by name: one of {@link #NAMES} (a stochastic model from {@code x0} over {@code steps}
   * hourly steps from {@code start}), {@code bootstrap} ({@link #hourlyBootstrap()}) or a crash id of {@link CrashEvents} (scaled to open at
   * {@code x0}; its length is the event's). Anything else is refused, listing every known name.
   */
  public static Scenario scenario(String name, double x0, int steps, java.time.Instant start) {
    return scenario(name, x0, steps, start, ModelParameters.DEFAULTS);
  }

  /** {@link #scenario(String, double, int, java.time.Instant)} with the stochastic models at {@code parameters}. */
  public static Scenario scenario(String name, double x0, int steps, java.time.Instant start, ModelParameters parameters) {
    String key = name.strip().toLowerCase(Locale.ROOT);
    if (NAMES.contains(key)) {
      return new Scenario.Stochastic(key, model(key, parameters), x0, steps, start);
    }
    if (key.equals("bootstrap")) {
      return new Scenario.Stochastic(key, hourlyBootstrap(), x0, steps, start);
    }
    for (CrashEvent e : CrashEvents.ALL) {
      if (e.id().equals(key)) {
        return new Scenario.Crash(EventAnchoredCrash.of(e), x0);
      }
    }
    throw new RuleViolation("scenario", "unknown scenario '" + name + "' (known: " + String.join(", ", NAMES) + ", bootstrap, "
        + String.join(", ", CrashEvents.ALL.stream().map(CrashEvent::id).toList()) + ")");
  }

  /**
   * The named model at its standard parameters: {@code default} and {@code garch-t} the fitted ETH
   * model; {@code gbm} 80% volatility without drift (the benchmark's); {@code merton} 65% diffusion
   * plus 4 jumps a year averaging -8% (sd 6%). An unknown name is refused, listing the known ones.
   */
  public static PriceModel model(String name) {
    return model(name, ModelParameters.DEFAULTS);
  }

  /** The named model at {@code parameters} ({@link ModelParameters#DEFAULTS}: the standard ones). */
  public static PriceModel model(String name, ModelParameters parameters) {
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "default", "garch-t" -> parameters.garch();
      case "gbm" -> parameters.gbm();
      case "merton" -> parameters.merton();
      default -> throw new RuleViolation("scenario", "unknown scenario '" + name + "' (known: " + String.join(", ", NAMES) + ")");
    };
  }
}
