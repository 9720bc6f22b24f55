package noliq.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "noliq",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Index-tracking assets built on options instead of debt, measured against the debt designs in use today.",
        ""
    },
    subcommands = {
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
        BenchCommand.class,
    },
    footer = {"", "Exit codes: 0 ok, 1 failure, 2 bad usage or input."})
public final class NoliqCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required (see the list below)");
  }
}
