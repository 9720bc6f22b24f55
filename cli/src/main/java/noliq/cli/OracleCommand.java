package noliq.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "oracle",
    mixinStandardHelpOptions = true,
    header = "The slow settlement oracle and what corrupting it costs.",
    description = "The slow settlement oracle (UMA-style propose, dispute, vote) and what corrupting it costs.",
    footerHeading = "%nExamples:%n",
    footer = {"  noliq oracle settle-timeline --disputes 1", "  noliq oracle attack-cost --value-at-stake 7000000 --bond 750 \\", "      --vote-share 0.25"},
    subcommands = {
        OracleSettleTimelineCommand.class,
        OracleAttackCostCommand.class,
    })
final class OracleCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a subcommand is required (see the list below)");
  }

  /** Hours as given on the command line, as a duration to the millisecond; the rule names {@code field}. */
  static java.time.Duration hours(double hours, String field, boolean zeroAllowed) {
    if (!Double.isFinite(hours) || hours < 0 || (!zeroAllowed && hours == 0) || hours > 24 * 365 * 100) {
      throw new noliq.math.RuleViolation(field,
          "must be " + (zeroAllowed ? "zero or more" : "more than zero") + " hours, at most 100 years (was " + hours + ")");
    }
    return java.time.Duration.ofMillis(Math.round(hours * 3_600_000));
  }

  /** A duration in hours, for printing and JSON. */
  static double inHours(java.time.Duration d) {
    return d.toMillis() / 3_600_000.0;
  }
}
