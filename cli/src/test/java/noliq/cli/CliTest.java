package noliq.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CliTest {
  record Run(int exit, String out, String err) {
    JsonNode json() {
      try {
        return Output.JSON.readTree(out);
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + out, e);
      }
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void everyCommandHasHelp() {
    List<String[]> paths = new ArrayList<>();
    collect(Main.commandLine(), new ArrayList<>(), paths);
    assertThat(paths).hasSizeGreaterThanOrEqualTo(3);
    for (String[] path : paths) {
      String[] args = java.util.Arrays.copyOf(path, path.length + 1);
      args[path.length] = "--help";
      Run r = run(args);
      assertThat(r.exit()).as(String.join(" ", args)).isZero();
      assertThat(r.out()).as(String.join(" ", args)).contains("Usage:").contains("--help");
    }
  }

  private static void collect(CommandLine cmd, List<String> prefix, List<String[]> out) {
    out.add(prefix.toArray(String[]::new));
    cmd.getSubcommands().forEach((name, sub) -> {
      if (!name.equals(sub.getCommandName())) {
        return; // an alias of a command already visited
      }
      List<String> p = new ArrayList<>(prefix);
      p.add(name);
      collect(sub, p, out);
    });
  }

  @Test
  void versionAndMissingCommand() {
    Run v = run("--version");
    assertThat(v.exit()).isZero();
    assertThat(v.out()).startsWith("noliq ");
    Run none = run();
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).contains("a command is required");
    Run unknown = run("frobnicate");
    assertThat(unknown.exit()).isEqualTo(2);
  }

  @Test
  void priceJsonHasTheDocumentedKeysAndTheAnchorValues() {
    Run r = run("price", "--spot", "3000", "--strike", "2000", "--days", "90", "--vol", "0.7", "--json");
    assertThat(r.exit()).isZero();
    JsonNode j = r.json();
    assertThat(j.get("N_eth").asDouble()).isCloseTo(0.350211, within(1e-6));
    assertThat(j.get("P_eth").asDouble()).isCloseTo(0.649789, within(1e-6));
    assertThat(j.get("P_index").asDouble()).isCloseTo(1949.37, within(0.005));
    assertThat(j.get("N_index").asDouble()).isCloseTo(1050.63, within(0.005));
    assertThat(j.get("greeks").get("P_index").get("delta").asDouble()).isCloseTo(0.0901, within(0.00005));
    assertThat(j.get("greeks").get("N_eth").has("theta")).isTrue();
  }

  @Test
  void badInputIsOneLineNamingTheOptionWithExitTwo() {
    Run r = run("price", "--spot", "-5", "--strike", "2000", "--days", "90", "--vol", "0.7");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("noliq: --spot: must be above 0 and at most 1000000000 index units per ETH (was -5)");
    assertThat(r.out()).isEmpty();
    Run nan = run("price", "--spot", "NaN", "--strike", "2000", "--days", "90", "--vol", "0.7");
    assertThat(nan.exit()).isEqualTo(2);
    assertThat(nan.err()).startsWith("noliq: --spot: must be a finite number");
    Run missing = run("price", "--spot", "3000");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("Missing required options").doesNotContain("Exception");
    Run tooPrecise = run("payoff", "--strike", "1500.0000000000000000001", "--at", "1");
    assertThat(tooPrecise.exit()).isEqualTo(2);
    assertThat(tooPrecise.err().strip()).isEqualTo("noliq: --strike: has more than 18 decimal places (was 1500.0000000000000000001)");
    Run noUpper = run("payoff", "--strike", "1500", "--at", "1", "--payoff", "linear-range");
    assertThat(noUpper.err().strip()).isEqualTo("noliq: --upper: is required with --payoff linear-range");
  }

  @Test
  void payoffReproducesTheProposalTable() {
    Run r = run("payoff", "--strike", "1500", "--at", "3000,2500,1500,1000", "--json");
    assertThat(r.exit()).isZero();
    JsonNode rows = r.json().get("rows");
    String[][] expected = {
        {"3000", "0.5", "1500", "0.5", "1500"},
        {"2500", "0.6", "1500", "0.4", "1000"},
        {"1500", "1", "1500", "0", "0"},
        {"1000", "1", "1000", "0", "0"}};
    for (int i = 0; i < expected.length; i++) {
      JsonNode row = rows.get(i);
      assertThat(row.get("x").decimalValue()).isEqualByComparingTo(expected[i][0]);
      assertThat(row.get("P_eth").decimalValue()).isEqualByComparingTo(expected[i][1]);
      assertThat(row.get("P_index").decimalValue()).isEqualByComparingTo(expected[i][2]);
      assertThat(row.get("N_eth").decimalValue()).isEqualByComparingTo(expected[i][3]);
      assertThat(row.get("N_index").decimalValue()).isEqualByComparingTo(expected[i][4]);
    }
    Run human = run("payoff", "--strike", "1500", "--at", "2500");
    assertThat(human.out()).contains("0.6").contains("0.4").contains("1000");
  }

  @Test
  void payoffAtZeroGivesPTheWholeEthAsTheLedgerSettlesIt() {
    Run r = run("payoff", "--strike", "1500", "--at", "0", "--json");
    assertThat(r.exit()).isZero();
    JsonNode row = r.json().get("rows").get(0);
    assertThat(row.get("P_eth").decimalValue()).isEqualByComparingTo("1");
    assertThat(row.get("N_eth").decimalValue()).isEqualByComparingTo("0");
    assertThat(row.get("P_index").decimalValue()).isEqualByComparingTo("0");
    Run negative = run("payoff", "--strike", "1500", "--at", "-1");
    assertThat(negative.exit()).isEqualTo(2);
    assertThat(negative.err()).startsWith("noliq: --at:");
  }
}
