package noliq.lab.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import noliq.lab.scenarios.FittedModels;
import noliq.lab.scenarios.Gbm;
import noliq.lab.scenarios.ModelParameters;
import noliq.lab.scenarios.Scenarios;
import noliq.math.RuleViolation;
import org.junit.jupiter.api.Test;

class AssumptionsTest {

  /**
   * Every assumption the report's table prints can be overridden under its printed name: each row
   * is bound, a group of bound names, or a stated rule. When a new assumption is added to a
   * describe() list, this names it until it gets its binding in {@link Assumptions}.
   */
  @Test
  void everyAssumptionTheTablePrintsHasABinding() {
    List<String> unbound = new ArrayList<>();
    for (DesignCatalog.Assumption a : DesignCatalog.assumptions()) {
      if (!Assumptions.isBound(a.name()) && !Assumptions.GROUPS.containsKey(a.name()) && !Assumptions.RULES.contains(a.name())) {
        unbound.add(a.area() + "/" + a.name());
      }
    }
    assertThat(unbound).as("assumptions printed without a binding").isEmpty();
    List<Assumptions.Row> table = Assumptions.table(Map.of());
    assertThat(table).noneMatch(r -> r.range().equals("unbound"));
    // Every binding is printed, once; scenario volatilities included.
    List<String> printed = table.stream().map(Assumptions.Row::name).toList();
    assertThat(printed).containsAll(Assumptions.names()).contains("gbmVolatility", "garchVolatility", "ammPoolDepthUsd",
        "makerMinEdgeBps", "population.positions", "disputeProbability");
    assertThat(printed.stream().filter(Assumptions::isBound).toList()).doesNotHaveDuplicates();
  }

  @Test
  void theDefaultsAreTheCatalogAndTheStandardModelsBitForBit() {
    assertThat(Assumptions.apply("a", Map.of())).isEqualTo(StudyParameters.DEFAULTS);
    assertThat(StudyParameters.DEFAULTS.models().garch()).isEqualTo(FittedModels.ethHourly());
    assertThat(Scenarios.model("gbm", ModelParameters.DEFAULTS)).isEqualTo(Gbm.hourly(0, 0.80));
    assertThat(DesignCatalog.of(StudyParameters.DEFAULTS).stream().map(DesignModel::id).toList())
        .isEqualTo(DesignCatalog.defaults().stream().map(DesignModel::id).toList());
    // Built from the parameters, the catalog is the designs' own defaults: same ids, descriptions and metrics.
    List<DesignModel> own = new ArrayList<>(noliq.lab.study.debt.DebtDesigns.defaults());
    own.add(noliq.lab.study.debt.FeedManipulationDesign.defaults());
    own.addAll(noliq.lab.study.options.OptionsDesigns.defaults());
    List<DesignModel> built = DesignCatalog.of(StudyParameters.DEFAULTS);
    assertThat(built).hasSameSizeAs(own);
    for (int i = 0; i < own.size(); i++) {
      assertThat(built.get(i).id()).isEqualTo(own.get(i).id());
      assertThat(built.get(i).description()).isEqualTo(own.get(i).description());
      assertThat(built.get(i).metrics()).isEqualTo(own.get(i).metrics());
      if (own.get(i) instanceof noliq.lab.study.debt.FeedManipulationDesign f) {
        assertThat(((noliq.lab.study.debt.FeedManipulationDesign) built.get(i)).attack()).isEqualTo(f.attack());
      } else if (own.get(i) instanceof Record) {
        assertThat(built.get(i)).isEqualTo(own.get(i));
      }
    }
    assertThat(DesignCatalog.inputs(StudyParameters.DEFAULTS).keySet())
        .containsExactlyElementsOf(DesignCatalog.defaults().stream().map(DesignModel::id).toList());
  }

  /** Each binding writes what it reads: a value in range set by name reads back, and every other binding keeps its default. */
  @Test
  void everyBindingReadsBackWhatItWritesAndTouchesNothingElse() {
    for (Assumptions.Binding b : Assumptions.all()) {
      double lo = b.min();
      double hi = Math.min(b.max(), Math.max(b.min() + 1, b.defaultValue() * 2));
      double v = b.whole() ? Math.rint((lo + hi) / 2) : (lo + hi) / 2;
      if (v == b.defaultValue()) {
        v = b.whole() ? v + 1 : v * 0.9 + lo * 0.1 + (v == 0 ? hi / 4 : 0);
      }
      Map<String, Double> one = new java.util.LinkedHashMap<>();
      one.put(b.name(), v);
      // Bindings tied to another (agentK <= agentSources; min <= max) get a partner that admits them.
      if (b.name().equals("agentSources")) {
        one.put("agentK", 1.0);
      }
      if (b.name().equals("agentK")) {
        v = 3;
        one.put("agentK", v);
      }
      if (b.name().startsWith("population.min") || b.name().startsWith("liquidators.min")) {
        String max = b.name().replace(".min", ".max");
        one.put(max, Assumptions.binding("t", max).max());
      }
      if (b.name().equals("borrowers.thresholdLow")) {
        // Overrides apply in order and each record checks low <= high: raise the high bound first.
        one.clear();
        one.put("borrowers.thresholdHigh", Assumptions.binding("t", "borrowers.thresholdHigh").max());
        one.put(b.name(), v);
      }
      if (b.name().equals("interest.aaveSlope1")) {
        // The contract's curve needs slope1 <= slope2: raise slope2 to the same value first.
        one.clear();
        one.put("interest.aaveSlope2", v);
        one.put(b.name(), v);
      }
      if (b.name().equals("makerMinEdgeBps")) {
        one.put("makerMaxEdgeBps", 5000.0);
      }
      StudyParameters p = Assumptions.apply("assumptions", one);
      assertThat(b.get().applyAsDouble(p)).as(b.name()).isCloseTo(v, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(v))));
      for (Assumptions.Binding other : Assumptions.all()) {
        if (!one.containsKey(other.name())) {
          assertThat(other.get().applyAsDouble(p)).as(other.name() + " after setting " + b.name()).isEqualTo(other.defaultValue());
        }
      }
    }
  }

  @Test
  void theTableMarksAnOverriddenValueBesideItsDefault() {
    Assumptions.Row depth = Assumptions.table(Map.of("ammPoolDepthUsd", 2e7)).stream()
        .filter(r -> r.name().equals("ammPoolDepthUsd")).findFirst().orElseThrow();
    assertThat(depth).extracting(Assumptions.Row::value, Assumptions.Row::defaultValue, Assumptions.Row::overridden, Assumptions.Row::unit)
        .containsExactly("20000000", "7000000", true, "USD");
    assertThat(Assumptions.table(Map.of()).stream().filter(Assumptions.Row::overridden)).isEmpty();
  }

  @Test
  void unknownNamesOutOfRangeValuesAndImpossibleCombinationsAreRefusedNamingTheRule() {
    assertThatThrownBy(() -> StudyConfig.parse("{\"scenarios\": [\"gbm\"], \"assumptions\": {\"poolDepthUsd\": 1}}", "f"))
        .isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("assumptions.poolDepthUsd: unknown assumption 'poolDepthUsd' (known: population.positions, ")
        .hasMessageContaining("ammPoolDepthUsd").hasMessageContaining("gbmVolatility");
    assertThatThrownBy(() -> StudyConfig.parse("{\"scenarios\": [\"gbm\"], \"assumptions\": {\"gbmVolatility\": 9}}", "f"))
        .hasMessage("assumptions.gbmVolatility: must be between 0.01 and 5 per year (was 9)");
    assertThatThrownBy(() -> StudyConfig.parse("{\"scenarios\": [\"gbm\"], \"assumptions\": {\"makerCount\": 2.5}}", "f"))
        .hasMessage("assumptions.makerCount: must be a whole number of makers (was 2.5)");
    assertThatThrownBy(() -> StudyConfig.parse("{\"scenarios\": [\"gbm\"], \"assumptions\": {\"population.bookDebtUsd\": 1e6}}", "f"))
        .hasMessageStartingWith("assumptions.population.bookDebtUsd: refused with the other values: bookDebtUsd: must be finite and at least positions x minDebtUsd");
    assertThatThrownBy(() -> StudyConfig.parse("{\"scenarios\": [\"gbm\"], \"assumptions\": {\"makerVol\": \"high\"}}", "f"))
        .hasMessageStartingWith("assumptions.makerVol: invalid value in f");
  }

  @Test
  void anOverrideReachesTheDesignsAndTheModels() {
    StudyConfig c = StudyConfig.parse("{\"scenarios\": [\"gbm\"], \"assumptions\": {\"ammPoolDepthUsd\": 5e7, \"gbmVolatility\": 0.4,"
        + " \"population.positions\": 200}}", "f");
    StudyParameters p = c.parameters();
    assertThat(p.options().market().ammPoolDepthUsd()).isEqualTo(5e7);
    assertThat(p.population().positions()).isEqualTo(200);
    assertThat(Scenarios.model("gbm", p.models())).isEqualTo(Gbm.hourly(0, 0.4));
    assertThat(StudyConfig.parse(c.toJson(), "again")).isEqualTo(c);
    // Designs built from other inputs differ exactly where the override reaches.
    Map<String, Object> before = DesignCatalog.inputs(StudyParameters.DEFAULTS);
    Map<String, Object> after = DesignCatalog.inputs(Assumptions.apply("a", Map.of("ammPoolDepthUsd", 5e7)));
    List<String> changed = before.keySet().stream().filter(id -> !before.get(id).equals(after.get(id))).toList();
    assertThat(changed).isNotEmpty().allMatch(id -> id.startsWith("wrapper.") || id.startsWith("agent.") || id.startsWith("n-holder"));
    assertThat(changed).contains("wrapper.kyrrui-tracker.amm");
  }

  @Test
  void theGarchVolatilityRescalesTheLongRunVarianceOnly() {
    StudyParameters p = Assumptions.apply("a", Map.of("garchVolatility", 0.45));
    assertThat(p.models().garch().annualVolatility()).isCloseTo(0.45, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(p.models().garch().alpha()).isEqualTo(FittedModels.ALPHA);
    assertThat(p.models().garch().nu()).isEqualTo(FittedModels.NU);
  }
}
