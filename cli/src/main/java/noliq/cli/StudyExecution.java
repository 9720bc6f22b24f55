package noliq.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import noliq.lab.engine.Progress;
import noliq.lab.report.Report;
import noliq.lab.report.ReportWriter;
import noliq.lab.study.DesignModel;
import noliq.lab.study.StudyConfig;
import noliq.lab.study.StudyReport;
import noliq.lab.study.StudyRunner;
import picocli.CommandLine.Model.CommandSpec;

/** Runs a study for {@code compare} and {@code simulate}: the report directory, then the terminal table or the summary JSON. */
final class StudyExecution {
  private StudyExecution() {}

  static void run(CommandSpec spec, Output output, String task, StudyConfig config, Path out, List<DesignModel> catalog) {
    config.select(catalog); // refuse "no designs" and unknown designs before reading any data
    long started = System.nanoTime();
    // The bars go to stderr (only for scenarios that take over a second), never into stdout's JSON.
    StudyRunner.StudyResult result = StudyRunner.run(config, catalog, name -> Progress.bar(task + " " + name, System.err));
    Report report = StudyReport.build(result);
    ReportWriter.write(report, out);
    PrintWriter w = spec.commandLine().getOut();
    if (output.json()) {
      w.println(ReportWriter.summaryJson(report));
    } else {
      w.print(StudyReport.terminal(report, result));
      w.println("report: " + out.resolve("index.html"));
    }
    w.flush();
    PrintWriter err = spec.commandLine().getErr();
    err.printf("noliq %s: %d scenarios in %.1f s%n", task, result.scenarios().size(), (System.nanoTime() - started) / 1e9);
    err.flush();
  }
}
