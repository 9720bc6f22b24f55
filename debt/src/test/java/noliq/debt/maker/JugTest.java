package noliq.debt.maker;

import static noliq.debt.maker.DssMath.rad;
import static noliq.debt.maker.DssMath.wad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import noliq.math.Price;
import noliq.math.book.AccountId;
import org.junit.jupiter.api.Test;

/** jug.drip against the executive spell's rate and the stability fee's documented meaning. */
class JugTest {
  static final Instant T0 = Instant.parse("2022-02-04T00:00:00Z");
  static final long YEAR = 365L * 24 * 3600;
  static final AccountId ALICE = AccountId.of("alice");

  @Test
  void theSpellsFourPercentDutyCompoundsToFourPercentAYear() {
    // FOUR_PCT_RATE of the 2022-02-04 spell (ETH-B 6.5 % -> 4 %) is e(l(1.04)/31536000) to 27 digits:
    // rpow over 365 days gives 1.04 to 1e-19.
    BigInteger year = DssMath.rpow(Jug.ETH_B_DUTY_2022_02_04, YEAR, DssMath.RAY);
    assertThat(year).isEqualTo(new BigInteger("1039999999999999999955174055"));
  }

  @Test
  void dripRaisesEveryVaultsDebtAndPaysTheVow() {
    MakerEngine vat = new MakerEngine(rad("100000000"));
    vat.addIlk(IlkParams.ethB());
    vat.poke("ETH-B", Price.of(2000));
    vat.join("ETH-B", ALICE, wad("100"));
    vat.frob("ETH-B", ALICE, wad("100"), wad("100000"));
    Jug jug = new Jug(vat, BigInteger.ZERO);
    jug.init("ETH-B", Jug.ETH_B_DUTY_2022_02_04, T0);
    jug.drip("ETH-B", T0.plusSeconds(YEAR / 2));
    BigInteger rate = jug.drip("ETH-B", T0.plusSeconds(YEAR));
    // Maker's parameter doc: 100 DAI at a 4 % fee owes 104 DAI after a year; 100,000 DAI owes 104,000
    // (two drips compound exactly as one, to the rounding of rpow).
    BigInteger owed = vat.urn("ETH-B", ALICE).art().multiply(rate);
    assertThat(DssMath.radToDouble(owed)).isCloseTo(104_000, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(DssMath.radToDouble(vat.dai(MakerEngine.VOW))).isCloseTo(4_000, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(vat.violatedInvariants()).isEmpty();
  }

  @Test
  void refusesTimeGoingBackAndAnUnknownIlk() {
    MakerEngine vat = new MakerEngine(rad("100000000"));
    vat.addIlk(IlkParams.ethB());
    Jug jug = new Jug(vat, BigInteger.ZERO);
    jug.init("ETH-B", Jug.ETH_B_DUTY_2022_02_04, T0);
    assertThatThrownBy(() -> jug.drip("ETH-B", T0.minusSeconds(1))).hasMessageContaining("rho");
    assertThatThrownBy(() -> jug.drip("ETH-A", T0)).isInstanceOf(MakerRuleViolation.class);
    assertThatThrownBy(() -> jug.init("ETH-B", BigInteger.ONE, T0)).hasMessageContaining("duty");
  }
}
