package noliq.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import noliq.math.testing.RefusalTexts;
import org.junit.jupiter.api.Test;

/** The market's refusal reasons name their field and rule (see {@link RefusalTexts}). */
class RefusalTextTest {
  @Test
  void everyMarketRefusalNamesItsFieldAndRule() throws Exception {
    assertThat(RefusalTexts.checkEvery(MarketError.class, Map.of())).isPositive();
  }
}
