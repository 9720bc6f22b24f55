package noliq.lab.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import noliq.lab.metrics.Estimate;
import noliq.lab.study.MetricSpec.Role;
import org.junit.jupiter.api.Test;

/** Roles on one scale: paired differences, the role summary and the design ids' parts, worked by hand. */
class PairedRolesTest {
  private static Roles.RoleLoss loss(String design, double... perPath) {
    return new Roles.RoleLoss(design, Role.LEVERAGED_HOLDER, null, perPath);
  }

  @Test
  void pairedDifferencesAreTakenOnThePathsWhereBothHaveTheFigure() {
    // options {10, 20, NaN, 5, 30}, debt {15, 20, 8, NaN, 10}: both present on paths 0, 1 and 4, so
    // d = options - debt = {-5, 0, 20}. Mean 5; deviations -10, -5, 15: skewness (750) / (350/3)^1.5 = 0.595,
    // symmetric enough for t: s^2 = 350 / 2 = 175, se = sqrt(175 / 3), t(2) = 4.302653.
    // One path each where options lose less (-5), where debt does (20), and a tie (0)
    Roles.Paired p = Roles.pair(loss("n-holder", 10, 20, Double.NaN, 5, 30), loss("aave", 15, 20, 8, Double.NaN, 10));
    assertThat(p.options()).isEqualTo("n-holder");
    assertThat(p.debt()).isEqualTo("aave");
    assertThat(p.role()).isEqualTo(Role.LEVERAGED_HOLDER);
    Estimate m = p.meanDifference();
    assertThat(m.value()).isCloseTo(5, within(1e-12));
    assertThat(m.n()).isEqualTo(3);
    assertThat(m.halfWidth()).isCloseTo(4.302653 * Math.sqrt(175.0 / 3), within(1e-5));
    assertThat(p.optionsBetter().value()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(p.debtBetter().value()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(p.ties().value()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(p.ties().n()).isEqualTo(3);
    // the options side losing less on two of three paths: 2/3 and 1/3, no tie
    Roles.Paired q = Roles.pair(loss("wrapper", 1, 2, 9), loss("aave", 3, 4, 5));
    assertThat(q.optionsBetter().value()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(q.debtBetter().value()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(q.ties().value()).isZero();
  }

  @Test
  void noCommonPathMeansNoFigureAndUnequalRunsAreRefused() {
    Roles.Paired none = Roles.pair(loss("wrapper", Double.NaN, 1), loss("aave", 2, Double.NaN));
    for (Estimate e : List.of(none.meanDifference(), none.optionsBetter(), none.debtBetter(), none.ties())) {
      assertThat(e.value()).isNaN();
      assertThat(e.n()).isZero();
    }
    assertThatThrownBy(() -> Roles.pair(loss("wrapper", 1, 2), loss("aave", 1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("paired designs must have run on the same paths (2 and 1)");
  }

  @Test
  void aLossOfHalfTheStartIsRuin() {
    // {10, 60, 50, 20}: 60 and 50 are at or beyond 50%: ruin 2 of 4
    Roles.Summary s = Roles.summarise(new double[] {10, 60, 50, 20});
    assertThat(s.ruin().value()).isEqualTo(0.5);
    assertThat(s.mean().value()).isEqualTo(35);
    // p95 (type 7): h = 2.85 between 50 and 60: 58.5; CVaR95 is the worst ceil(0.2) = 1: 60
    assertThat(s.p95().value()).isCloseTo(58.5, within(1e-9));
    assertThat(s.cvar95().value()).isEqualTo(60);
  }

  @Test
  void aDesignIdNamesItsFamilySidePolicyAndMechanism() {
    assertThat(Roles.family("wrapper.buterin-2026.amm")).isEqualTo("wrapper");
    assertThat(Roles.family("n-holder")).isEqualTo("n-holder");
    assertThat(Roles.side("aave.default")).isEqualTo("debt");
    assertThat(Roles.side("agent.kyrrui-tracker.book")).isEqualTo("options");
    assertThat(Roles.side("oracle.settlement-corruption")).isEqualTo("oracle");
    assertThat(Roles.policy("agent.kyrrui-tracker.book")).isEqualTo("kyrrui-tracker");
    assertThat(Roles.mechanism("agent.kyrrui-tracker.book")).isEqualTo("book");
    assertThat(Roles.policy("n-holder.buterin-2026.amm")).isEqualTo("buterin-2026");
    assertThat(Roles.mechanism("wrapper.exposure-threshold.auction")).isEqualTo("auction");
    // the default N holder's id carries neither: it is the tracker's policy, by auction
    assertThat(Roles.policy("n-holder")).isEqualTo("kyrrui-tracker");
    assertThat(Roles.mechanism("n-holder")).isEqualTo("auction");
    // three parts that are not an options design, and a debt design: no policy
    assertThat(Roles.policy("oracle.feed-manipulation.aave")).isEmpty();
    assertThat(Roles.mechanism("oracle.feed-manipulation.aave")).isEmpty();
    assertThat(Roles.policy("aave")).isEmpty();
    assertThat(Roles.mechanism("aave")).isEmpty();
    // the representative is the tracker by auction when the family has it, else the first
    assertThat(Roles.representative(List.of("wrapper.buterin-2026.amm", "wrapper.kyrrui-tracker.auction")))
        .isEqualTo("wrapper.kyrrui-tracker.auction");
    assertThat(Roles.representative(List.of("aave", "aave.other"))).isEqualTo("aave");
    assertThat(Roles.representative(List.of())).isNull();
  }
}
