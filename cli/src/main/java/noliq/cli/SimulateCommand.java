package noliq.cli;

import java.nio.file.Path;
import noliq.lab.study.DesignCatalog;
import noliq.lab.study.StudyConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** One configurable study from a JSON file; {@code compare} is a preset of it. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
        "Run one configurable study from a JSON file and write its report (as compare does).",
        "Keys (all but scenarios optional): title, scenarios [default|garch-t|gbm|merton|bootstrap|<crash id>|crashes|",
        "history|history-crashes], paths, crashPaths, horizonDays, x0, seed, threads, designs [id or id prefix],",
        "prices (an OHLC CSV, needed by history scenarios), chartedPaths, assumptions {NAME: VALUE} (every name the",
        "report's assumptions table prints; the table marks overridden values beside their defaults). Unknown keys,",
        "scenarios, designs, assumptions and impossible values are refused naming the field."
    })
final class SimulateCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin Output output;

  @Option(names = "--config", required = true, paramLabel = "FILE.json", description = "The study to run.")
  Path config;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "noliq-report", description = "Report directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--threads", paramLabel = "T", description = "Threads, overriding the file's (results never depend on it).")
  Integer threads;

  @Override
  public void run() {
    StudyConfig study = StudyConfig.read(config);
    if (threads != null) {
      study = study.withThreads(threads);
    }
    StudyExecution.run(spec, output, "simulate", study, out, DesignCatalog.of(study.parameters()));
  }
}
