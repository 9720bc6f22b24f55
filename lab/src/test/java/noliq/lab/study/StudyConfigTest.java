package noliq.lab.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import noliq.math.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyConfigTest {
  @TempDir Path tmp;

  private static final List<DesignModel> TOYS = List.of(ToyDesigns.debt(), ToyDesigns.wrapper("a", 1), ToyDesigns.wrapper("b", 1));

  @Test
  void absentKeysTakeTheirDefaultsAndAConfigRoundTripsThroughJson() throws Exception {
    StudyConfig c = StudyConfig.parse("{\"scenarios\": [\"default\", \"crashes\"]}", "test");
    assertThat(c.paths()).isEqualTo(StudyConfig.DEFAULT_PATHS);
    assertThat(c.horizonDays()).isEqualTo(365);
    assertThat(c.seed()).isEqualTo(StudyConfig.DEFAULT_SEED);
    assertThat(c.threads()).isNull();
    assertThat(StudyConfig.parse(c.toJson(), "again")).isEqualTo(c);
    StudyConfig preset = StudyPresets.compare(null, null, 2, null, null, false);
    assertThat(StudyConfig.parse(preset.toJson(), "preset")).isEqualTo(preset);
    // no arguments: the shipped hourly history (the project's data/) is part of the default study
    assertThat(preset.scenarioKeys()).containsExactly("default", "crashes", "history", "history-crashes");
    assertThat(Path.of(preset.prices())).isEqualTo(noliq.lab.scenarios.DataFiles.shippedHourly().orElseThrow());
    assertThat(Path.of(preset.prices()).getFileName()).hasToString("eth_usdt_1h_2017-2025.csv");
    assertThat(preset.paths()).isEqualTo(1024);
    assertThat(StudyPresets.compare(null, null, null, null, null, true).horizonDays()).isEqualTo(90);
    StudyConfig one = StudyPresets.compare(1, 5L, 1, null, null, false);
    assertThat(List.of(one.paths(), one.crashPaths(), one.chartedPaths())).containsExactly(1, 1, 1);
    assertThatThrownBy(() -> StudyPresets.compare(null, null, null, tmp, null, false))
        .hasMessageStartingWith("data: " + tmp + " holds no eth_usdt_1h.csv (as shared/data) nor eth_usdt_1h_2017-2025.csv");
    // --data takes a directory laid out like shared/data or like the project's data/; --prices replaces the history
    Path shipped = noliq.lab.scenarios.DataFiles.shipped().orElseThrow();
    assertThat(StudyPresets.compare(null, null, null, shipped, null, true).prices())
        .isEqualTo(shipped.resolve("eth_usdt_1h_2017-2025.csv").toString());
    Files.writeString(tmp.resolve("eth_usdt_1h.csv"), "timestamp_utc,open,high,low,close,volume\n");
    assertThat(StudyPresets.compare(null, null, null, tmp, null, true).prices()).isEqualTo(tmp.resolve("eth_usdt_1h.csv").toString());
    assertThat(StudyPresets.compare(null, null, null, null, tmp.resolve("x.csv"), true).prices()).isEqualTo(tmp.resolve("x.csv").toString());
  }

  @Test
  void unknownKeysWrongTypesAndBadJsonAreRefusedNamingTheField() {
    assertThatThrownBy(() -> StudyConfig.parse("{\"scenarios\": [\"gbm\"], \"pathz\": 3}", "f.json"))
        .isInstanceOf(RuleViolation.class).hasMessageStartingWith("pathz: unknown key in f.json (known: ");
    assertThatThrownBy(() -> StudyConfig.parse("{\"scenarios\": [\"gbm\"], \"paths\": \"many\"}", "f.json"))
        .isInstanceOf(RuleViolation.class).hasMessageStartingWith("paths: invalid value in f.json");
    assertThatThrownBy(() -> StudyConfig.parse("scenarios = gbm", "f.json"))
        .isInstanceOf(RuleViolation.class).hasMessageStartingWith("config: f.json is not valid JSON");
    assertThatThrownBy(() -> StudyConfig.read(tmp.resolve("missing.json")))
        .isInstanceOf(RuleViolation.class).hasMessageStartingWith("config: no such file");
  }

  @Test
  void valuesHaveExactJsonTypesAndAKeyGivenTwiceIsRefused() throws Exception {
    String base = "{\"scenarios\": [\"gbm\"], ";
    for (String[] bad : new String[][] {
        {"\"paths\": 4.5}", "paths: invalid value in f"},
        {"\"paths\": 4.0}", "paths: invalid value in f"},
        {"\"paths\": \"4\"}", "paths: invalid value in f"},
        {"\"seed\": 1.5}", "seed: invalid value in f"},
        {"\"seed\": \"7\"}", "seed: invalid value in f"},
        {"\"x0\": \"2500\"}", "x0: invalid value in f"},
        {"\"x0\": true}", "x0: invalid value in f"},
        {"\"title\": 5}", "title: invalid value in f"},
        {"\"designs\": \"aave\"}", "designs: invalid value in f"},
        {"\"paths\": 4, \"paths\": 5}", "config: f is not valid JSON: Duplicate field 'paths'"}}) {
      assertThatThrownBy(() -> StudyConfig.parse(base + bad[0], "f")).as(bad[0])
          .isInstanceOf(RuleViolation.class).hasMessageStartingWith(bad[1]);
    }
    assertThat(StudyConfig.parse(base + "\"x0\": 2500, \"paths\": 4}", "f").x0()).isEqualTo(2500.0);
    assertThatThrownBy(() -> StudyConfig.parse("null", "f")).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("config: f holds null; a study is a JSON object");
    assertThatThrownBy(() -> StudyConfig.parse("[".repeat(5000), "f")).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("config: ");
  }

  @Test
  void onlyASmallRegularFileIsRead() throws Exception {
    assertThatThrownBy(() -> StudyConfig.read(Path.of("/dev/zero"))).isInstanceOf(RuleViolation.class)
        .hasMessage("config: /dev/zero is not a regular file (a device, FIFO or socket)");
    assertThatThrownBy(() -> StudyConfig.read(tmp)).isInstanceOf(RuleViolation.class)
        .hasMessage("config: " + tmp + " is not a regular file (a directory)");
    Path big = tmp.resolve("big.json");
    Files.write(big, new byte[(int) StudyConfig.MAX_FILE_BYTES + 1]);
    assertThatThrownBy(() -> StudyConfig.read(big)).isInstanceOf(RuleViolation.class)
        .hasMessage("config: " + big + " holds 1048577 bytes, more than the limit of 1048576");
    Path binary = tmp.resolve("binary.json");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0x7b});
    assertThatThrownBy(() -> StudyConfig.read(binary)).isInstanceOf(RuleViolation.class)
        .hasMessage("config: " + binary + " is not UTF-8 text");
  }

  @Test
  void unknownScenariosAndImpossibleValuesAreRefusedNamingTheField() {
    assertThatThrownBy(() -> StudyConfig.parse("{\"scenarios\": [\"gbm\", \"moon\"]}", "f"))
        .hasMessageStartingWith("scenarios[1]: unknown scenario 'moon' (known: default, garch-t, gbm, merton, bootstrap, mar-2020");
    assertThatThrownBy(() -> StudyConfig.parse("{}", "f")).hasMessageStartingWith("scenarios: must name at least one scenario");
    assertThatThrownBy(() -> StudyConfig.parse("{\"scenarios\": [\"gbm\"], \"paths\": 0}", "f"))
        .hasMessage("paths: must be between 1 and 10000000 (was 0)");
    assertThatThrownBy(() -> StudyConfig.parse("{\"scenarios\": [\"gbm\"], \"horizonDays\": -5}", "f"))
        .hasMessage("horizonDays: must be between 1 and 3650 (was -5)");
    assertThatThrownBy(() -> StudyConfig.parse("{\"scenarios\": [\"gbm\"], \"x0\": 0}", "f")).hasMessageStartingWith("x0: must be a positive price");
    assertThatThrownBy(() -> StudyConfig.parse("{\"scenarios\": [\"gbm\"], \"threads\": 0}", "f")).hasMessageStartingWith("threads: ");
    assertThatThrownBy(() -> StudyConfig.parse("{\"scenarios\": [\"gbm\"], \"paths\": 2, \"chartedPaths\": 3}", "f"))
        .hasMessageStartingWith("chartedPaths: cannot exceed the paths of a scenario");
    assertThatThrownBy(() -> StudyConfig.parse("{\"scenarios\": [\"history\"]}", "f"))
        .hasMessageStartingWith("prices: scenario 'history' needs a price history file");
    assertThatThrownBy(() -> StudyConfig.parse("{\"scenarios\": [\"gbm\", \"GBM\"]}", "f")).hasMessage("scenarios[1]: 'GBM' is listed twice");
  }

  @Test
  void designsAreChosenByIdOrPrefixAndUnknownOnesAreRefused() throws Exception {
    StudyConfig wrappers = StudyConfig.parse("{\"scenarios\": [\"gbm\"], \"designs\": [\"wrapper\"]}", "f");
    assertThat(wrappers.select(TOYS)).extracting(DesignModel::id).containsExactly("wrapper.a.auction", "wrapper.b.auction");
    StudyConfig one = StudyConfig.parse("{\"scenarios\": [\"gbm\"], \"designs\": [\"wrapper.b.auction\", \"toydebt\"]}", "f");
    assertThat(one.select(TOYS)).extracting(DesignModel::id).containsExactly("toydebt", "wrapper.b.auction");
    StudyConfig bad = StudyConfig.parse("{\"scenarios\": [\"gbm\"], \"designs\": [\"toydebt\", \"compound\"]}", "f");
    assertThatThrownBy(() -> bad.select(TOYS)).hasMessageStartingWith("designs[1]: unknown design 'compound' (known: toydebt, wrapper.a.auction");
    assertThatThrownBy(() -> one.select(List.of())).hasMessageStartingWith("designs: no designs: ");
    Path file = tmp.resolve("study.json");
    Files.writeString(file, "{\"scenarios\": [\"merton\"], \"paths\": 7, \"seed\": 3}");
    assertThat(StudyConfig.read(file).paths()).isEqualTo(7);
  }

  @Test
  void malformedPriceRowsAreRefusedNamingTheLine() throws Exception {
    Path csv = tmp.resolve("bad.csv");
    Files.writeString(csv, "timestamp_utc,open,high,low,close,volume\n2020-01-01T00:00:00Z,1,1,1,1,1\n2020-01-01T01:00:00Z,1,x,1,1,1\n");
    StudyConfig config = new StudyConfig("t", List.of("history"), 1, 1, 1, 1.0, 1L, 1, List.of(), csv.toString(), 1);
    assertThatThrownBy(() -> StudyScenario.plan(config)).isInstanceOf(RuleViolation.class).hasMessageContaining("line 3");
  }
}
