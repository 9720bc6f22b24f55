package noliq.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "market",
    mixinStandardHelpOptions = true,
    header = "Markets for rolls: AMMs, rotation auctions, order books.",
    description = "Markets for rolls and forced sales: AMMs, Dutch rotation auctions, order books, price impact.",
    footerHeading = "%nExamples:%n",
    footer = {"  noliq market roll-cost --size-usd 10000,1000000 --from-strike 2000 \\", "      --to-strike 1500 --days 7 --vol 0.7"},
    subcommands = {MarketRollCostCommand.class})
final class MarketCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a market subcommand is required (see the list below)");
  }
}
