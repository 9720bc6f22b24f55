package noliq.debt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import noliq.debt.aave.AaveError;
import noliq.debt.liquity.LiquityError;
import noliq.debt.maker.MakerError;
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
}
