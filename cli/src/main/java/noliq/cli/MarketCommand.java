package noliq.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "market",
    mixinStandardHelpOptions = true,
    description = "Markets for rolls and forced sales: AMMs, Dutch rotation auctions, order books, price impact.",
    subcommands = {MarketRollCostCommand.class})
final class MarketCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a market subcommand is required (see the list below)");
  }
}
