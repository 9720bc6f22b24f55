package noliq.debt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import noliq.debt.aave.AaveError;
import noliq.debt.aave.AaveViolation;
import noliq.debt.liquity.LiquityError;
import noliq.debt.liquity.LiquityRuleViolation;
import noliq.debt.maker.MakerError;
import noliq.debt.maker.MakerRuleViolation;
import noliq.math.RuleViolation;
import noliq.math.testing.RefusalTexts;
import org.junit.jupiter.api.Test;

/** Each protocol's refusal reasons name their field and rule (see {@link RefusalTexts}). */
class RefusalTextTest {
  @Test
  void everyAaveMakerAndLiquityRefusalNamesItsFieldAndRule() throws Exception {
    assertThat(RefusalTexts.checkEvery(AaveError.class, Map.of())).isPositive();
    assertThat(RefusalTexts.checkEvery(MakerError.class, Map.of())).isPositive();
    assertThat(RefusalTexts.checkEvery(LiquityError.class, Map.of())).isPositive();
  }

  @Test
  void aRefusalIsAnAnswerWithItsTextAndWithoutAStackTrace() {
    // A simulated crash meets thousands of refusals a path; they carry their reason, not a trace.
    for (RuleViolation refusal : new RuleViolation[] {
        new MakerRuleViolation(new MakerError.LiquidationLimitHit("ETH-A")),
        new LiquityRuleViolation(new LiquityError.NoPrice()),
        new AaveViolation(new AaveError.InvalidParameter("amount", "must be positive"))}) {
      assertThat(refusal.getStackTrace()).isEmpty();
      assertThat(refusal.getMessage()).isEqualTo(refusal.field() + ": " + refusal.rule()).doesNotEndWith(": ");
    }
    assertThat(new RuleViolation("paths", "must be positive").getStackTrace()).isNotEmpty();
  }
}
