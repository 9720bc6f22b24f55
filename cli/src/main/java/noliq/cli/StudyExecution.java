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

  /**
   * Every path keeps 8 bytes per metric until the scenario is summarised, so a scenario of {@code paths}
   * paths needs {@code 8 x paths x metrics} bytes; refused when that passes half the JVM's heap.
   */
  static void checkMemory(StudyConfig config, List<DesignModel> designs, long maxHeap) {
    long metrics = designs.stream().mapToLong(d -> d.metrics().size()).sum();
    long paths = Math.max(config.paths(), config.crashPaths());
    long bytes = 8L * paths * metrics;
    long budget = maxHeap / 2;
    if (bytes > budget) {
      throw new noliq.math.RuleViolation("paths", String.format(java.util.Locale.ROOT,
          "%,d paths x %,d metrics keep %,d MB, more than half this JVM's heap (%,d MB); give fewer paths or designs, "
              + "or more heap (JAVA_OPTS=-Xmx8g)", paths, metrics, bytes >> 20, maxHeap >> 20));
    }
  }

  static void run(CommandSpec spec, Output output, Quiet quiet, String task, StudyConfig config, Path out, List<DesignModel> catalog) {
    // Everything that can be refused is refused before the study runs: designs, memory, the history file, the report directory.
    List<DesignModel> designs = config.select(catalog);
    checkMemory(config, designs, Runtime.getRuntime().maxMemory());
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
