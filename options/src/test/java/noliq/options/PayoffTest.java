package noliq.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.SplittableRandom;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PayoffTest {
  private static final Payoff PN = new Payoff.CoveredCall();

  /** proposal.md section 2: S = 1500, spot at split 2500. */
  @ParameterizedTest(name = "x = {0}")
  @CsvSource({
      "3000, 0.5, 1500, 0.5, 1500",
      "2500, 0.6, 1500, 0.4, 1000",
      "1500, 1,   1500, 0,   0",
      "1000, 1,   1000, 0,   0",
  })
  void reproducesTheProposalTable(String x, String pEth, String pIndex, String nEth, String nIndex) {
    Price strike = Price.of(1500);
    Amount p = PN.pPayoutPerUnit(Price.of(x), strike);
    Amount n = PN.nPayoutPerUnit(Price.of(x), strike);
    assertThat(p).isEqualTo(Amount.of(pEth));
    assertThat(n).isEqualTo(Amount.of(nEth));
    assertThat(p.plus(n)).isEqualTo(Amount.ONE);
    // In index units: P is worth min(x, S), N is worth max(0, x - S).
    assertThat(new BigDecimal(x).multiply(new BigDecimal(p.toString()))).isEqualByComparingTo(pIndex);
    assertThat(new BigDecimal(x).multiply(new BigDecimal(n.toString()))).isEqualByComparingTo(nIndex);
  }

  @Test
  void coveredCallRoundsPsShareDownAndPairsAlwaysPayExactlyOne() {
    SplittableRandom rnd = new SplittableRandom(1);
    for (int i = 0; i < 100_000; i++) {
      Price strike = new Price(BigInteger.valueOf(rnd.nextLong(1, Long.MAX_VALUE)));
      Price x = new Price(BigInteger.valueOf(rnd.nextLong(1, Long.MAX_VALUE)));
      Amount p = PN.pPayoutPerUnit(x, strike);
      BigDecimal exact = new BigDecimal(strike.units()).divide(new BigDecimal(x.units()), 40, RoundingMode.DOWN)
          .min(BigDecimal.ONE);
      BigInteger expected = exact.movePointRight(18).setScale(0, RoundingMode.DOWN).toBigIntegerExact();
      assertThat(p.wei()).isEqualTo(expected);
      assertThat(p.plus(PN.nPayoutPerUnit(x, strike))).isEqualTo(Amount.ONE);
    }
  }

  @Test
  void boundaries() {
    Price strike = Price.of(1500);
    // x -> 0: P takes all the ETH.
    assertThat(PN.pPayoutPerUnit(new Price(BigInteger.ONE), strike)).isEqualTo(Amount.ONE);
    // x -> infinity: P's share goes to zero (rounded down), N takes the rest.
    Price huge = new Price(noliq.math.Exact.MAX);
    assertThat(PN.pPayoutPerUnit(huge, strike)).isEqualTo(Amount.ZERO);
    assertThat(PN.nPayoutPerUnit(huge, strike)).isEqualTo(Amount.ONE);
    // 1500 / 7000 = 0.2142857142857142857... rounded down at the 18th decimal.
    assertThat(PN.pPayoutPerUnit(Price.of(7000), strike)).isEqualTo(Amount.of("0.214285714285714285"));
  }

  @Test
  void linearRangeAndBinary() {
    Price strike = Price.of(1000);
    Payoff range = new Payoff.LinearRange(Price.of(3000));
    assertThat(range.pPayoutPerUnit(Price.of(500), strike)).isEqualTo(Amount.ONE);
    assertThat(range.pPayoutPerUnit(Price.of(1500), strike)).isEqualTo(Amount.of("0.75"));
    assertThat(range.pPayoutPerUnit(Price.of(2000), strike)).isEqualTo(Amount.of("0.5"));
    assertThat(range.pPayoutPerUnit(Price.of(3000), strike)).isEqualTo(Amount.ZERO);
    assertThat(range.pPayoutPerUnit(Price.of(2999), strike)).isEqualTo(Amount.of("0.0005"));
    // (3000 - 1000.000000000000000001) / 2000 rounds down at the 18th decimal.
    assertThat(range.pPayoutPerUnit(Price.of("1000.000000000000000001"), strike))
        .isEqualTo(Amount.of("0.999999999999999999"));
    Payoff binary = new Payoff.Binary();
    assertThat(binary.pPayoutPerUnit(Price.of(1000), strike)).isEqualTo(Amount.ONE);
    assertThat(binary.pPayoutPerUnit(Price.of("1000.000000000000000001"), strike)).isEqualTo(Amount.ZERO);
    assertThat(binary.nPayoutPerUnit(Price.of(5000), strike)).isEqualTo(Amount.ONE);
  }

  @Test
  void invalidParametersAreRefusedNamingTheField() {
    Instant m = Instant.parse("2026-07-31T08:00:00Z");
    assertThatThrownBy(() -> new Series(IndexId.ETH_USD, Price.of(1000), m, new Payoff.LinearRange(Price.of(900))))
        .isInstanceOf(RuleViolation.class).hasMessage("upper: must be above the strike 1000 (was 900)");
    assertThatThrownBy(() -> Series.pn(IndexId.ETH_USD, Price.ZERO, m)).hasMessage("strike: must be positive (was 0)");
    assertThatThrownBy(() -> Series.pn(IndexId.ETH_USD, Price.of(1), m.plusMillis(1)))
        .hasMessageStartingWith("maturity: must be a whole second");
    assertThatThrownBy(() -> new IndexId("eth-usd")).hasMessageStartingWith("index: must look like ETH/USD");
  }

  @Test
  void seriesIdIsDerivedFromItsParameters() {
    Instant m = Instant.parse("2026-07-31T08:00:00Z");
    Series a = Series.pn(IndexId.ETH_USD, Price.of(1500), m);
    Series same = Series.pn(new IndexId("ETH/USD"), Price.of("1500.0"), Instant.parse("2026-07-31T08:00:00Z"));
    assertThat(same.id()).isEqualTo(a.id());
    assertThat(same.pToken()).isEqualTo(a.pToken());
    assertThat(Series.pn(IndexId.ETH_USD, Price.of(1501), m).id()).isNotEqualTo(a.id());
    assertThat(Series.pn(IndexId.ETH_USD, Price.of(1500), m.plusSeconds(1)).id()).isNotEqualTo(a.id());
    assertThat(Series.pn(new IndexId("ETH/CPI"), Price.of(1500), m).id()).isNotEqualTo(a.id());
    assertThat(new Series(IndexId.ETH_USD, Price.of(1500), m, new Payoff.Binary()).id()).isNotEqualTo(a.id());
    assertThat(a.pToken().symbol()).isEqualTo("P:" + a.id().hex());
    assertThat(a.nToken().symbol()).isEqualTo("N:" + a.id().hex());
  }
}
