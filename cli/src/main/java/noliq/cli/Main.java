package noliq.cli;

import java.io.PrintWriter;
import noliq.math.RuleViolation;
import picocli.CommandLine;

/** Entry point: {@code java -jar noliq.jar ...}, normally through the {@code ./noliq} launcher. */
public final class Main {
  /** Exit codes, as documented in the README and DESIGN.md. */
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int BAD_INPUT = 2;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs one command line; the seam the CLI tests use. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = commandLine();
    cli.setOut(out);
    cli.setErr(err);
    return cli.execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new NoliqCommand());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(Main::badUsage);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> failed(e, commandLine));
    cli.setExitCodeExceptionMapper(e -> e instanceof RuleViolation ? BAD_INPUT : FAILURE);
    return cli;
  }

  private static int badUsage(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("noliq: " + oneLine(e.getMessage()));
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
    return BAD_INPUT;
  }

  private static int failed(Exception e, CommandLine cmd) {
    PrintWriter err = cmd.getErr();
    if (e instanceof RuleViolation rule) {
      err.println("noliq: " + oneLine(asOption(rule, cmd)));
      return BAD_INPUT;
    }
    err.println("noliq: failed: " + oneLine(String.valueOf(e.getMessage())) + " (" + e.getClass().getSimpleName() + ")");
    if (System.getenv("NOLIQ_DEBUG") != null) {
      e.printStackTrace(err);
    } else {
      err.println("Set NOLIQ_DEBUG=1 to see the stack trace.");
    }
    return FAILURE;
  }

  /** Names the option when the rule's field is one of this command's ({@code spot} becomes {@code --spot}). */
  private static String asOption(RuleViolation rule, CommandLine cmd) {
    String option = "--" + rule.field();
    if (!rule.field().startsWith("-") && cmd.getCommandSpec().findOption(option) != null) {
      return option + ": " + rule.rule();
    }
    return rule.getMessage();
  }

  private static String oneLine(String s) {
    return s.replace('\n', ' ').replace('\r', ' ').strip();
  }
}
