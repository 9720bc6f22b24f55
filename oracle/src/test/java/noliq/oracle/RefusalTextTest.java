package noliq.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import noliq.math.testing.RefusalTexts;
import org.junit.jupiter.api.Test;

/** The oracle's refusal reasons name their field and rule (see {@link RefusalTexts}). */
class RefusalTextTest {
  @Test
  void everyOracleRefusalNamesItsFieldAndRule() throws Exception {
    assertThat(RefusalTexts.checkEvery(OracleError.class, Map.of())).isPositive();
  }
}
