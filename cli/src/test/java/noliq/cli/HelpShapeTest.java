package noliq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The help reads as analysts expect: wrapped paragraphs within the width, examples everywhere, one line per command. */
class HelpShapeTest {
  private static final int WIDTH = 80; // picocli's width when not on a terminal

  static List<String[]> commandPaths() {
    List<String[]> paths = new ArrayList<>();
    collect(Main.commandLine(), new ArrayList<>(), paths);
    return paths;
  }

  private static void collect(CommandLine cmd, List<String> prefix, List<String[]> out) {
    out.add(prefix.toArray(String[]::new));
    cmd.getSubcommands().forEach((name, sub) -> {
      if (!name.equals(sub.getCommandName())) {
        return;
      }
      List<String> p = new ArrayList<>(prefix);
      p.add(name);
      collect(sub, p, out);
    });
  }

  private static String help(String[] path) {
    String[] args = Arrays.copyOf(path, path.length + 1);
    args[path.length] = "--help";
    CliTest.Run r = CliTest.run(args);
    assertThat(r.exit()).as(String.join(" ", args)).isZero();
    return r.out();
  }

  /** The help with its line breaks and indentation folded, to find phrases picocli wrapped. */
  private static String flat(String[] path) {
    return help(path).replaceAll("\\s+", " ");
  }

  @Test
  void examplesAreShortEnoughNeverToWrap() {
    List<CommandLine> all = new ArrayList<>();
    collectCommands(Main.commandLine(), all);
    for (CommandLine c : all) {
      for (String line : c.getCommandSpec().usageMessage().footer()) {
        if (!line.startsWith("  ")) {
          continue; // a paragraph, which picocli wraps
        }
        assertThat(line.length()).as(c.getCommandSpec().qualifiedName() + ": " + line).isLessThanOrEqualTo(WIDTH - 2);
      }
    }
  }

  private static void collectCommands(CommandLine cmd, List<CommandLine> out) {
    out.add(cmd);
    cmd.getSubcommands().values().forEach(sub -> collectCommands(sub, out));
  }

  @Test
  void everyHelpFitsTheWidthAndShowsAnExample() {
    List<String[]> paths = commandPaths();
    assertThat(paths).hasSizeGreaterThan(15);
    for (String[] path : paths) {
      String name = "noliq " + String.join(" ", path);
      String help = help(path);
      for (String line : help.split("\n")) {
        assertThat(line.length()).as(name + ": " + line).isLessThanOrEqualTo(WIDTH);
      }
      assertThat(help).as(name).contains("Examples");
      String example = "  noliq " + (path.length == 0 ? "" : String.join(" ", path));
      assertThat(help.lines().filter(l -> l.startsWith(example.stripTrailing())).count()).as(name + " has an example of itself")
          .isPositive();
      // a paragraph is wrapped by picocli, so no description line ends mid-sentence with a hard break before a lower-case word
      assertThat(help).as(name).doesNotContain(",\nN holders");
    }
  }

  @Test
  void theCommandListGivesOneLinePerCommand() {
    for (String[] path : commandPaths()) {
      String help = help(path);
      int at = help.indexOf("\nCommands:\n");
      if (at < 0) {
        continue;
      }
      String list = help.substring(at + "\nCommands:\n".length(), help.indexOf("\n\n", at + 1));
      for (String line : list.split("\n")) {
        assertThat(line).as("noliq " + String.join(" ", path) + " lists each command on one line").matches("  [a-z-]+ +\\S.*");
      }
    }
  }

  @Test
  void choicesAreListedInOneCasingAndOldSpellingsStillWork() {
    assertThat(flat(new String[] {"agent"})).contains("amm-swap, dutch-auction, resting-orders").doesNotContain("RESTING_ORDERS");
    assertThat(flat(new String[] {"market", "roll-cost"})).contains("amm, auction, book, all");
    assertThat(flat(new String[] {"debt", "liquity"})).contains("v1, v2");
    assertThat(flat(new String[] {"payoff"})).contains("covered-call, linear-range, binary").contains("half-half, third-outcome, fallback");
    assertThat(flat(new String[] {"wrapper", "explain"})).contains("kyrrui-tracker");
    CliTest.Run old = CliTest.run("debt", "liquity", "--collateral-eth", "3", "--debt", "4220", "--price", "1500", "--preset", "V2");
    assertThat(old.exit()).isZero();
    assertThat(old.err().strip()).isEqualTo("noliq: note: 'V2' is an old spelling, deprecated: write 'v2'");
    CliTest.Run now = CliTest.run("debt", "liquity", "--collateral-eth", "3", "--debt", "4220", "--price", "1500", "--preset", "v2");
    assertThat(now.err()).isEmpty();
    assertThat(now.out()).isEqualTo(old.out());
    CliTest.Run bad = CliTest.run("market", "roll-cost", "--size-usd", "1000", "--from-strike", "2000", "--to-strike", "1500",
        "--days", "7", "--vol", "0.7", "--mechanism", "swap");
    assertThat(bad.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(bad.err().strip()).isEqualTo("noliq: --mechanism: 'swap' is not one of amm, auction, book, all");
  }

  @Test
  void completionPrintsAScriptForBashAndZsh() {
    for (String shell : List.of("bash", "zsh")) {
      CliTest.Run r = CliTest.run("completion", shell);
      assertThat(r.exit()).isZero();
      assertThat(r.out()).contains("complete -F").contains("compare").contains("roll-cost").contains("resting-orders");
    }
    CliTest.Run fish = CliTest.run("completion", "fish");
    assertThat(fish.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(fish.err().strip()).isEqualTo("noliq: SHELL: must be bash or zsh (was 'fish')");
  }
}
