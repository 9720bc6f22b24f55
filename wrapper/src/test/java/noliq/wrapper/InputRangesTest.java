package noliq.wrapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import noliq.math.Price;
import noliq.math.RuleViolation;
import noliq.wrapper.policy.KyrruiTracker;
import noliq.wrapper.policy.Observation;
import noliq.wrapper.vault.VaultConfig;
import noliq.wrapper.venue.MakerInventory;
import org.junit.jupiter.api.Test;

/** The wrapper's input records at both ends of each range: the last value inside is accepted, the first outside refused naming the field. */
class InputRangesTest {
  static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

  static void refused(Runnable r, String field, String rule) {
    assertThatThrownBy(r::run).isInstanceOf(RuleViolation.class).hasMessageStartingWith(field + ":").hasMessageContaining(rule);
  }

  @Test
  void anObservationsVolIsPositiveAndAtMostTen() {
    assertThat(new Observation(Price.of(2000), T0, 10.0).surface().atm30()).isEqualTo(10.0);
    refused(() -> new Observation(Price.of(2000), T0, 10.000001), "vol", "(0, 10]");
    refused(() -> new Observation(Price.of(2000), T0, 0.0), "vol", "positive finite");
    assertThat(new Observation(Price.of(2000), T0, 1e-9).vol()).isEqualTo(1e-9);
  }

  @Test
  void aVaultsDecimalsOffsetIsZeroToEighteen() {
    VaultConfig base = VaultConfig.of("v", KyrruiTracker.defaults());
    for (int ok : new int[] {0, 18}) {
      assertThatCode(() -> new VaultConfig(base.name(), base.index(), base.policy(), base.mechanism(), base.rollWindow(),
          base.nHandling(), ok)).doesNotThrowAnyException();
    }
    for (int bad : new int[] {-1, 19}) {
      refused(() -> new VaultConfig(base.name(), base.index(), base.policy(), base.mechanism(), base.rollWindow(),
          base.nHandling(), bad), "decimals-offset", "[0, 18]");
    }
  }

  @Test
  void aMakersUnwindHorizonIsAtMostAYear() {
    assertThat(new MakerInventory.Rule(Duration.ofDays(365), 1).horizon()).isEqualTo(Duration.ofDays(365));
    assertThat(new MakerInventory.Rule(Duration.ZERO, 0).hedgeShare()).isZero();
    refused(() -> new MakerInventory.Rule(Duration.ofDays(365).plusSeconds(1), 0), "makerUnwindHorizon", "365 days");
  }
}
