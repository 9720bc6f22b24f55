package noliq.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import noliq.math.RuleViolation;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Entry point: {@code java -jar noliq.jar ...}, normally through the {@code ./noliq} launcher.
 *
 * <p>Every outcome is one line on stderr at most: a refusal of bad input (exit 2) names the option
 * or field and the rule; an internal failure (exit 1) names a log file that holds the detail. No
 * exception or {@link Error} escapes, whatever the arguments.
 */
public final class Main {
  /** Exit codes, as documented in the README and DESIGN.md. */
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int BAD_INPUT = 2;

  /** Where failure logs go: this system property, else the temporary directory. */
  static final String LOG_DIR_PROPERTY = "noliq.logDir";

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs one command line; the seam the CLI tests use. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    Choices.drainNotes();
    try {
      String refusal = ArgumentFiles.check(args);
      if (refusal != null) {
        err.println("noliq: " + refusal);
        return BAD_INPUT;
      }
      CommandLine cli = commandLine(args.length == 0 ? null : args[0]);
      cli.setOut(out);
      cli.setErr(err);
      return cli.execute(args);
    } catch (Throwable t) { // an Error (out of memory, stack overflow) or an exception picocli lets through
      return internalFailure(t, err);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** The whole command tree. */
  static CommandLine commandLine() {
    return commandLine(null);
  }

  /**
   * The command tree for a command line whose first word is {@code first}: when it names a command
   * (other than {@code completion}, which describes them all), only that command is built, since
   * building every command's model costs more than most commands take to run. The parse is the same.
   */
  static CommandLine commandLine(String first) {
    CommandLine cli = new CommandLine(new NoliqCommand());
    boolean one = first != null && !first.equals("completion") && NoliqCommand.COMMANDS.stream().anyMatch(c -> name(c).equals(first));
    for (Class<?> command : NoliqCommand.COMMANDS) {
      if (!one || name(command).equals(first)) {
        cli.addSubcommand(name(command), new CommandLine(command));
      }
    }
    cli.registerConverter(Double.class, new Limits.DecimalConverter());
    cli.registerConverter(double.class, new Limits.DecimalConverter());
    cli.registerConverter(Long.class, new Limits.LongConverter());
    cli.registerConverter(long.class, new Limits.LongConverter());
    cli.registerConverter(Integer.class, new Limits.IntConverter());
    cli.registerConverter(int.class, new Limits.IntConverter());
    cli.registerConverter(Path.class, new Limits.PathConverter());
    cli.setUsageHelpAutoWidth(true);
    cli.setParameterExceptionHandler(Main::badUsage);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> failed(e, commandLine));
    cli.setExitCodeExceptionMapper(e -> e instanceof RuleViolation ? BAD_INPUT : FAILURE);
    // Deprecation notes come after a successful run, so that a refusal stays one line.
    cli.setExecutionStrategy(parseResult -> {
      int code = new CommandLine.RunLast().execute(parseResult);
      PrintWriter err = parseResult.commandSpec().commandLine().getErr();
      Choices.drainNotes().forEach(note -> err.println("noliq: note: " + note));
      return code;
    });
    return cli;
  }

  private static String name(Class<?> command) {
    return command.getAnnotation(CommandLine.Command.class).name();
  }

  private static int badUsage(CommandLine.ParameterException e, String[] args) {
    Choices.drainNotes();
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    ArgSpec arg = e.getArgSpec();
    String message;
    if (e.getCause() instanceof CommandLine.TypeConversionException conversion && arg instanceof OptionSpec option) {
      message = option.longestName() + ": " + conversion.getMessage();
    } else if (e.getCause() instanceof RuleViolation rule) {
      message = rule.getMessage();
    } else {
      message = e.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')";
    }
    err.println("noliq: " + oneLine(message));
    return BAD_INPUT;
  }

  private static int failed(Exception e, CommandLine cmd) {
    PrintWriter err = cmd.getErr();
    if (e instanceof RuleViolation rule) {
      err.println("noliq: " + oneLine(asOption(rule, cmd)));
      return BAD_INPUT;
    }
    return internalFailure(e, err);
  }

  /** One line naming the failure and the log file that holds its stack trace. */
  static int internalFailure(Throwable t, PrintWriter err) {
    String what = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + oneLine(t.getMessage()));
    if (what.length() > 200) {
      what = what.substring(0, 200) + "...";
    }
    String where;
    try {
      where = "details in " + log(t);
    } catch (IOException | RuntimeException | Error logFailed) {
      where = "no log written (" + logFailed.getClass().getSimpleName() + ")";
    }
    String hint = t instanceof OutOfMemoryError ? " (out of memory: give the JVM more with JAVA_OPTS=-Xmx4g, or ask for less)" : "";
    err.println("noliq: internal failure: " + what + hint + "; " + where);
    if (System.getenv("NOLIQ_DEBUG") != null) {
      t.printStackTrace(err);
    }
    return FAILURE;
  }

  private static Path log(Throwable t) throws IOException {
    Path dir = Path.of(System.getProperty(LOG_DIR_PROPERTY, System.getProperty("java.io.tmpdir")));
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
    Path file = Files.createTempFile(dir, "noliq-failure-" + stamp + "-", ".log");
    StringWriter trace = new StringWriter();
    try (PrintWriter w = new PrintWriter(trace)) {
      w.println("noliq internal failure at " + Instant.now() + ", Java " + System.getProperty("java.version"));
      t.printStackTrace(w);
    }
    Files.writeString(file, trace.toString(), StandardCharsets.UTF_8);
    return file;
  }

  /** Names the option when the rule's field is one of this command's ({@code spot} becomes {@code --spot}). */
  private static String asOption(RuleViolation rule, CommandLine cmd) {
    String option = "--" + rule.field();
    if (!rule.field().startsWith("-") && cmd.getCommandSpec().findOption(option) != null) {
      return option + ": " + rule.rule();
    }
    return rule.getMessage();
  }

  /** At most this many characters of a message: an argument may be megabytes long. */
  private static final int MAX_LINE = 400;

  static String oneLine(String s) {
    String line = s.replace('\n', ' ').replace('\r', ' ').strip();
    return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE) + "... (" + line.length() + " characters)";
  }
}
