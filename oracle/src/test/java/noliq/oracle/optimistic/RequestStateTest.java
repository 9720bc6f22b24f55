package noliq.oracle.optimistic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** OOv2: a value is final once the liveness expired undisputed, the vote resolved it, or it was settled. */
class RequestStateTest {
  @Test
  void onlyExpiredResolvedAndSettledAreFinal() {
    for (RequestState s : RequestState.values()) {
      assertThat(s.isFinal()).as(s.name())
          .isEqualTo(EnumSet.of(RequestState.EXPIRED, RequestState.RESOLVED, RequestState.SETTLED).contains(s));
    }
  }
}
