package noliq.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "wrapper",
    mixinStandardHelpOptions = true,
    header = "Roll policies and the wrapper vault that runs them.",
    description = "Roll policies and the all-rules wrapper vault that runs them.",
    footerHeading = "%nExamples:%n",
    footer = {"  noliq wrapper explain --policy kyrrui-tracker --spot 3000"},
    subcommands = {WrapperExplainCommand.class})
final class WrapperCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a subcommand is required (see the list below)");
  }
}
