package noliq.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "debt",
    mixinStandardHelpOptions = true,
    header = "What-if calculators for Aave, Maker and Liquity.",
    description = "The debt designs noliq is compared with: what-if calculators on their real liquidation rules.",
    footerHeading = "%nExamples:%n",
    footer = {"  noliq debt aave --collateral-eth 10 --debt-usd 17000 --price 2000", "  noliq debt maker-auction"},
    subcommands = {
        DebtAaveCommand.class,
        DebtMakerAuctionCommand.class,
        DebtLiquityCommand.class,
    })
final class DebtCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a debt calculator is required (see the list below)");
  }
}
