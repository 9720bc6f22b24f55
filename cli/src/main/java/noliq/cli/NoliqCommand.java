package noliq.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "noliq",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Index-tracking assets built on options instead of debt, measured against the debt designs in use today.",
    description = "Each command answers one question; `noliq COMMAND --help` explains it, with examples. "
        + "Commands that print results take --json; long ones take --quiet.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  noliq compare --quick",
        "  noliq price --spot 3000 --strike 2000 --days 90 --vol 0.7",
        "  source <(noliq completion bash)",
        "",
        "Exit codes: 0 ok, 1 internal failure (the line names a log file), 2 bad usage or input (the line names the option and the rule)."
    })
public final class NoliqCommand implements Runnable {
  /**
   * The commands, in the order help lists them. {@link Main} adds them (all of them, or only the one
   * a command line names, which starts faster); a new command is added here.
   */
  static final List<Class<?>> COMMANDS = List.of(
      CompareCommand.class,
      SimulateCommand.class,
      SweepCommand.class,
      PriceCommand.class,
      PayoffCommand.class,
      DebtCommand.class,
      OracleCommand.class,
      MarketCommand.class,
      WrapperCommand.class,
      AgentCommand.class,
      ServeCommand.class,
      BenchCommand.class,
      CompletionCommand.class);

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required (see the list below)");
  }
}
