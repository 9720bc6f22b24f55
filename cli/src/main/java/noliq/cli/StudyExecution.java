package noliq.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import noliq.lab.report.Report;
import noliq.lab.report.ReportWriter;
import noliq.lab.study.DesignModel;
import noliq.lab.study.StudyConfig;
import noliq.lab.study.StudyReport;
import noliq.lab.study.StudyRunner;
import noliq.lab.study.StudyScenario;
import picocli.CommandLine.Model.CommandSpec;

/** Runs a study for {@code compare} and {@code simulate}: the report directory, then the terminal table or the summary JSON. */
final class StudyExecution {
  private StudyExecution() {}

  static void run(CommandSpec spec, Output output, Quiet quiet, String task, StudyConfig config, Path out, List<DesignModel> catalog) {
    // Everything that can be refused is refused before the study runs: designs, the history file, the report directory.
    config.select(catalog);
    if (config.prices() != null && !config.prices().isBlank()) {
      Limits.regularFile("prices", Path.of(config.prices()), Limits.MAX_PRICES_BYTES);
    }
    ReportWriter.checkWritable(out);
    long started = System.nanoTime();
    // Progress goes to stderr (only for scenarios that take over a second), never into stdout's JSON.
    StudyRunner.StudyResult result = StudyRunner.run(config, catalog, name -> quiet.progress(task + " " + name, System.err));
    Report report = StudyReport.build(result);
    ReportWriter.write(report, out);
    PrintWriter w = spec.commandLine().getOut();
    if (output.json()) {
      w.println(ReportWriter.summaryJson(report));
    } else {
      for (StudyScenario none : result.withoutPaths()) {
        w.println(none.name() + ": " + none.description());
      }
      w.print(StudyReport.terminal(report, result));
      w.println("report: " + out.resolve("index.html"));
    }
    w.flush();
    if (!quiet.quiet()) {
      PrintWriter err = spec.commandLine().getErr();
      err.printf("noliq %s: %d scenarios in %.1f s%n", task, result.scenarios().size(), (System.nanoTime() - started) / 1e9);
      err.flush();
    }
  }
}
