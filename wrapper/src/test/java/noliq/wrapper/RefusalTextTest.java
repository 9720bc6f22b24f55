package noliq.wrapper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import noliq.math.testing.RefusalTexts;
import noliq.options.SeriesId;
import noliq.wrapper.vault.VaultError;
import org.junit.jupiter.api.Test;

/** The vault's refusal reasons name their field and rule (see {@link RefusalTexts}). */
class RefusalTextTest {
  @Test
  void everyVaultRefusalNamesItsFieldAndRule() throws Exception {
    var series = new SeriesId("0123456789abcdef01234567");
    assertThat(RefusalTexts.checkEvery(VaultError.class, Map.of(SeriesId.class, series))).isPositive();
  }
}
