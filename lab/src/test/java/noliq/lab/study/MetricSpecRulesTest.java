package noliq.lab.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import noliq.lab.study.MetricSpec.Headline;
import noliq.lab.study.MetricSpec.Loss;
import noliq.lab.study.MetricSpec.Role;
import noliq.lab.study.MetricSpec.Support;
import noliq.math.RuleViolation;
import org.junit.jupiter.api.Test;

/** A metric's metadata: the defaults each constructor gives, the rules that refuse a wrong one, the name's parts. */
class MetricSpecRulesTest {
  @Test
  void aDetailIsSignedNotALossAndWrittenOnEveryPath() {
    MetricSpec m = new MetricSpec("wrapper.kyrrui-tracker.auction.rolls", "count", "rolls", Headline.MEAN);
    assertThat(m.role()).isEqualTo(Role.DETAIL);
    assertThat(m.support()).isEqualTo(Support.SIGNED);
    assertThat(m.loss()).isEqualTo(Loss.NONE);
    assertThat(m.mayBeAbsent()).isFalse();
    assertThat(m.design()).isEqualTo("wrapper.kyrrui-tracker.auction");
    assertThat(m.shortName()).isEqualTo("rolls");
    // a share's headline makes it an indicator; a settlement figure may be absent
    assertThat(new MetricSpec("n-holder.ruin", "0/1", "ruin", Headline.SHARE).support()).isEqualTo(Support.INDICATOR);
    assertThat(MetricSpec.absentWhenNone("oracle.x.value", "USD", "v", Headline.MEAN).mayBeAbsent()).isTrue();
    // a name without a design
    MetricSpec bare = new MetricSpec("total", "USD", "t", Headline.P95);
    assertThat(bare.design()).isEmpty();
    assertThat(bare.shortName()).isEqualTo("total");
  }

  @Test
  void theBuildersChangeOneThingEach() {
    MetricSpec m = new MetricSpec("aave.borrower_pnl_pct", "%", "pnl", Headline.MEAN);
    MetricSpec asRole = m.as(Role.SYSTEM);
    assertThat(asRole.role()).isEqualTo(Role.SYSTEM);
    assertThat(asRole.support()).isEqualTo(m.support());
    MetricSpec nonNegative = m.within(Support.NON_NEGATIVE);
    assertThat(nonNegative.support()).isEqualTo(Support.NON_NEGATIVE);
    assertThat(nonNegative.role()).isEqualTo(Role.DETAIL);
    MetricSpec loss = m.lossOf(Role.LEVERAGED_HOLDER, Loss.GAIN);
    assertThat(loss.role()).isEqualTo(Role.LEVERAGED_HOLDER);
    assertThat(loss.loss()).isEqualTo(Loss.GAIN);
    assertThat(loss.name()).isEqualTo(m.name());
    // a gain of 12% is a loss of -12; a loss of 12% is 12; a non-loss has none
    assertThat(Loss.GAIN.lossOf(12)).isEqualTo(-12);
    assertThat(Loss.LOSS.lossOf(12)).isEqualTo(12);
    assertThat(Loss.NONE.lossOf(12)).isNaN();
    assertThat(Role.LEVERAGED_HOLDER.label()).isEqualTo("leveraged holder");
    assertThat(Role.STABLE_HOLDER.label()).isEqualTo("stable-value holder");
  }

  @Test
  void aWrongMetricIsRefusedWithItsRule() {
    assertThatThrownBy(() -> new MetricSpec("Aave.x", "USD", "d", Headline.MEAN)).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("metric: names are lower-case words");
    assertThatThrownBy(() -> new MetricSpec(null, "USD", "d", Headline.MEAN)).isInstanceOf(RuleViolation.class);
    assertThatThrownBy(() -> new MetricSpec("a.b", null, "d", Headline.MEAN)).isInstanceOf(RuleViolation.class)
        .hasMessage("metric: a.b needs a unit, a description, a headline, a role, a support and a loss kind");
    // a share of a signed figure
    assertThatThrownBy(() -> new MetricSpec("a.b", "0/1", "d", Headline.SHARE).within(Support.SIGNED))
        .isInstanceOf(RuleViolation.class).hasMessage("metric: a.b: a share of paths is a headline of indicators only");
    // a loss must be in % and name a role
    assertThatThrownBy(() -> new MetricSpec("a.b", "USD", "d", Headline.MEAN).lossOf(Role.STABLE_HOLDER, Loss.LOSS))
        .isInstanceOf(RuleViolation.class).hasMessageEndingWith("names its role");
    assertThatThrownBy(() -> new MetricSpec("a.b", "%", "d", Headline.MEAN).lossOf(Role.DETAIL, Loss.LOSS))
        .isInstanceOf(RuleViolation.class).hasMessageEndingWith("names its role");
  }
}
