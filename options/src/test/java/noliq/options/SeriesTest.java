package noliq.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.RuleViolation;
import org.junit.jupiter.api.Test;

/** The invalid policy is one of a series' terms, without disturbing the ids listed before it existed. */
class SeriesTest {
  private static final Instant M = Instant.parse("2026-07-31T08:00:00Z");
  private static final Series PN = Series.pn(IndexId.ETH_USD, Price.of(1500), M);
  private static final Series THIRD = Series.pn(IndexId.ETH_USD, Price.of(1500), M, InvalidPolicy.THIRD_OUTCOME);

  @Test
  void theDefaultPolicyKeepsTheIdEverySeriesHadBefore() throws Exception {
    String legacy = "noliq-series-v1|ETH/USD|" + Price.of(1500).units() + "|" + M.getEpochSecond() + "|covered-call";
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(legacy.getBytes(StandardCharsets.UTF_8));
    assertThat(PN.id().hex()).isEqualTo(HexFormat.of().formatHex(hash, 0, 12));
    assertThat(PN.invalidPolicy()).isEqualTo(InvalidPolicy.HALF_HALF);
    assertThat(new Series(IndexId.ETH_USD, Price.of(1500), M, new Payoff.CoveredCall())).isEqualTo(PN);
    assertThat(PN.withInvalidPolicy(InvalidPolicy.HALF_HALF)).isEqualTo(PN);
  }

  @Test
  void seriesDifferingOnlyInTheirPolicyAreDifferentSeries() {
    Series fallback = PN.withInvalidPolicy(InvalidPolicy.FALLBACK);
    assertThat(THIRD).isNotEqualTo(PN);
    assertThat(THIRD.id()).isNotEqualTo(PN.id()).isNotEqualTo(fallback.id());
    assertThat(fallback.id()).isNotEqualTo(PN.id());
    assertThat(THIRD.pToken()).isNotEqualTo(PN.pToken());
    assertThat(THIRD.describe()).isEqualTo("ETH/USD 1500 2026-07-31T08:00:00Z covered-call invalid:third-outcome");
    assertThat(PN.describe()).isEqualTo("ETH/USD 1500 2026-07-31T08:00:00Z covered-call");
  }

  @Test
  void eachTerminalPolicyDividesExactlyOneEthAndFallbackDividesNothing() {
    for (InvalidPolicy policy : new InvalidPolicy[] {InvalidPolicy.HALF_HALF, InvalidPolicy.THIRD_OUTCOME}) {
      Amount sum = Amount.ZERO;
      for (Leg leg : Leg.values()) {
        sum = sum.plus(policy.invalidPayoutPerUnit(leg));
      }
      assertThat(sum).as("%s", policy).isEqualTo(Amount.ONE);
    }
    assertThat(InvalidPolicy.THIRD_OUTCOME.invalidPayoutPerUnit(Leg.I)).isEqualTo(Amount.ONE);
    assertThat(InvalidPolicy.HALF_HALF.invalidPayoutPerUnit(Leg.P)).isEqualTo(Amount.of("0.5"));
    assertThatThrownBy(() -> InvalidPolicy.FALLBACK.invalidPayoutPerUnit(Leg.P)).isInstanceOf(RuleViolation.class)
        .hasMessage("invalidPolicy: FALLBACK pays nothing on an invalid answer: the heavier oracle must give a value");
  }

  @Test
  void onlyAThirdOutcomeSeriesHasTheILeg() {
    assertThat(THIRD.legs()).containsExactly(Leg.P, Leg.N, Leg.I);
    assertThat(THIRD.iToken().symbol()).isEqualTo("I:" + THIRD.id().hex());
    assertThat(THIRD.token(Leg.I)).isEqualTo(THIRD.iToken());
    assertThat(PN.legs()).containsExactly(Leg.P, Leg.N);
    for (Series twoLegs : new Series[] {PN, PN.withInvalidPolicy(InvalidPolicy.FALLBACK)}) {
      assertThatThrownBy(() -> twoLegs.token(Leg.I))
          .isInstanceOfSatisfying(OptionsException.class, e -> assertThat(e.error()).isInstanceOf(OptionsError.NoSuchLeg.class))
          .hasMessage("leg: series " + twoLegs.id() + " has no I leg: only a series listed with the THIRD_OUTCOME invalid"
              + " policy has I (this one's policy is " + twoLegs.invalidPolicy() + ")");
    }
    assertThatThrownBy(() -> new Series(IndexId.ETH_USD, Price.of(1500), M, new Payoff.Binary(), null))
        .isInstanceOf(RuleViolation.class).hasMessageStartingWith("invalidPolicy: is required");
  }
}
