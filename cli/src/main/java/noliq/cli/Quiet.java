package noliq.cli;

import java.io.PrintStream;
import noliq.lab.engine.Progress;
import picocli.CommandLine.Option;

/**
 * The {@code --quiet} option, mixed into every long command: no progress and no timing lines on
 * stderr (refusals and failures are still reported). Progress goes to stderr only, never into
 * stdout's results or JSON.
 */
final class Quiet {
  @Option(names = {"-q", "--quiet"}, description = "Print no progress or timing on stderr.")
  boolean quiet;

  /** The progress reporter for {@code task}: a bar on a terminal, a line now and then elsewhere, none when quiet. */
  Progress progress(String task, PrintStream err) {
    return quiet ? Progress.none() : Progress.bar(task, err);
  }

  boolean quiet() {
    return quiet;
  }
}
