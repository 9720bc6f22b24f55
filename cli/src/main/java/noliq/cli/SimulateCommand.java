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
    header = "Run a study described by a JSON file; writes a report.",
    description = {
        "Runs the study a JSON file describes and writes its report as compare does.",
        "",
        "Keys (all but scenarios optional): title; scenarios (default, garch-t, gbm, merton, bootstrap, a crash id, "
            + "crashes, history, history-crashes); paths; crashPaths; horizonDays; x0; seed; threads; designs (id or id "
            + "prefix); prices (an OHLC CSV, needed by the history scenarios); chartedPaths; assumptions {NAME: VALUE} "
            + "(every name the report's assumptions table prints; the table marks overridden values beside their defaults).",
        "",
        "Values have exact JSON types: integers are integers (4, not 4.5 nor \"4\"), and a key given twice is refused. "
            + "Unknown keys, scenarios, designs, assumptions and impossible values are refused naming the field. "
            + "The file holds at most 1 MiB."
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  echo '{\"scenarios\": [\"gbm\"], \"paths\": 100}' > study.json",
        "  noliq simulate --config study.json --out report"
    })
final class SimulateCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin Output output;
  @Mixin Quiet quiet;

  @Option(names = "--config", required = true, paramLabel = "FILE.json", description = "The study to run.")
  Path config;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "noliq-report",
      description = "Report directory: new, empty, or a previous report to replace (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--threads", paramLabel = "T", description = "Threads, overriding the file's (results never depend on it).")
  Integer threads;

  @Override
  public void run() {
    StudyConfig study = StudyConfig.read(config);
    if (threads != null) {
      study = study.withThreads(threads);
    }
    StudyExecution.run(spec, output, quiet, "simulate", study, out, DesignCatalog.of(study.parameters()));
  }
}
