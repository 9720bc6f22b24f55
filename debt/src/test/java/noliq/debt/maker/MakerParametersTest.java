package noliq.debt.maker;

import static noliq.debt.maker.DssMath.RAY;
import static noliq.debt.maker.DssMath.WAD;
import static noliq.debt.maker.DssMath.rad;
import static noliq.debt.maker.DssMath.ray;
import static noliq.debt.maker.DssMath.wad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import noliq.math.Price;
import noliq.math.book.AccountId;
import org.junit.jupiter.api.Test;

/**
 * The ranges the dss contracts accept for their {@code file}d parameters, at both ends: a negative
 * value is refused naming the parameter (the contracts' values are unsigned), the edge values the
 * contracts allow are accepted and behave as the contracts' arithmetic says.
 */
class MakerParametersTest {
  private static final BigInteger MINUS_ONE = BigInteger.ONE.negate();
  private static final Abacus CURVE = new Abacus.StairstepExponentialDecrease(ray("0.99"), 60);

  @Test
  void clipperParametersMustNotBeNegativeAndTailMayBeZero() {
    assertThatThrownBy(() -> new ClipperParams(MINUS_ONE, 60, ray("0.4"), wad("0.001"), rad("300"), CURVE))
        .hasMessage("buf: must not be negative (was -1)");
    assertThatThrownBy(() -> new ClipperParams(ray("1.2"), 60, MINUS_ONE, wad("0.001"), rad("300"), CURVE))
        .hasMessage("cusp: must not be negative (was -1)");
    assertThatThrownBy(() -> new ClipperParams(ray("1.2"), 60, ray("0.4"), MINUS_ONE, rad("300"), CURVE))
        .hasMessage("chip: must not be negative (was -1)");
    assertThatThrownBy(() -> new ClipperParams(ray("1.2"), 60, ray("0.4"), wad("0.001"), MINUS_ONE, CURVE))
        .hasMessage("tip: must not be negative (was -1)");
    assertThatThrownBy(() -> new ClipperParams(ray("1.2"), -1, ray("0.4"), wad("0.001"), rad("300"), CURVE))
        .hasMessage("tail: must not be negative (was -1)");
    // clip.sol files tail as a uint256: zero is a value it accepts (every auction needs a redo at once).
    assertThat(new ClipperParams(ray("1.2"), 0, ray("0.4"), wad("0.001"), rad("300"), CURVE).tail()).isZero();
  }

  @Test
  void ilkParametersMustNotBeNegativeAndAChopOfExactlyOneIsNoPenalty() {
    ClipperParams clip = ClipperParams.ethB();
    assertThatThrownBy(() -> new IlkParams("ETH-B", MINUS_ONE, rad("5000"), wad("1.13"), rad("1"), clip))
        .hasMessage("mat: must not be negative (was -1)");
    assertThatThrownBy(() -> new IlkParams("ETH-B", ray("1.3"), MINUS_ONE, wad("1.13"), rad("1"), clip))
        .hasMessage("dust: must not be negative (was -1)");
    assertThatThrownBy(() -> new IlkParams("ETH-B", ray("1.3"), rad("5000"), MINUS_ONE, rad("1"), clip))
        .hasMessage("chop: must not be negative (was -1)");
    assertThatThrownBy(() -> new IlkParams("ETH-B", ray("1.3"), rad("5000"), wad("1.13"), MINUS_ONE, clip))
        .hasMessage("hole: must not be negative (was -1)");
    // chop = WAD (1.0) is a liquidation without penalty: tab = due, and chost = dust.
    IlkParams noPenalty = new IlkParams("ETH-B", ray("1.3"), rad("5000"), WAD, rad("15000000"), clip);
    assertThat(noPenalty.chost()).isEqualTo(rad("5000"));
    MakerEngine m = new MakerEngine(rad("100000000"));
    m.addIlk(noPenalty);
    m.poke("ETH-B", Price.of(2000));
    AccountId alice = AccountId.of("alice");
    m.join("ETH-B", alice, wad("10"));
    m.frob("ETH-B", alice, wad("10"), wad("15000"));
    m.poke("ETH-B", Price.of(1900));
    assertThat(m.bark("ETH-B", alice, AccountId.of("keeper"), Instant.EPOCH).tab()).isEqualTo(rad("15000"));
  }

  @Test
  void theDogsHoleMustNotBeNegative() {
    assertThatThrownBy(() -> new MakerEngine(MINUS_ONE)).hasMessage("Hole: must not be negative (was -1)");
    assertThat(new MakerEngine(rad("7")).hole()).isEqualTo(rad("7"));
  }

  @Test
  void aCutOfZeroOrOfExactlyOneIsAllowedAsAbaciFilesIt() {
    // abaci.sol: require(cut <= RAY, "...cut-gt-RAY"); cut is unsigned, so 0 and RAY are both allowed.
    Abacus.StairstepExponentialDecrease zero = new Abacus.StairstepExponentialDecrease(BigInteger.ZERO, 60);
    assertThat(zero.price(ray("100"), 59)).isEqualTo(ray("100")); // rpow(0, 0) = RAY
    assertThat(zero.price(ray("100"), 60)).isZero();               // rpow(0, 1) = 0
    Abacus.StairstepExponentialDecrease flat = new Abacus.StairstepExponentialDecrease(RAY, 60);
    assertThat(flat.price(ray("100"), 6_000)).isEqualTo(ray("100"));
    assertThat(new Abacus.ExponentialDecrease(RAY).price(ray("100"), 1_000)).isEqualTo(ray("100"));
    assertThatThrownBy(() -> new Abacus.ExponentialDecrease(ray("1.01"))).hasMessage("cut: must be between 0 and 1 (was 1.01)");
    assertThatThrownBy(() -> new Abacus.ExponentialDecrease(MINUS_ONE)).hasMessageStartingWith("cut: must be between 0 and 1");
    assertThatThrownBy(() -> new Abacus.StairstepExponentialDecrease(null, 60))
        .hasMessage("cut: must be between 0 and 1 (was missing)");
  }

  @Test
  void aLinearCurveNeedsAPositiveTau() {
    assertThatThrownBy(() -> new Abacus.LinearDecrease(0)).hasMessage("tau: must be positive (was 0)");
    // tau = 1: the whole price at the kick, zero one second later.
    Abacus.LinearDecrease oneSecond = new Abacus.LinearDecrease(1);
    assertThat(oneSecond.price(ray("100"), 0)).isEqualTo(ray("100"));
    assertThat(oneSecond.price(ray("100"), 1)).isZero();
  }

  /** An ETH-B book at $2,000 where Alice has locked 10 ETH and drawn 10,000 DAI: the debt a jug's fee accrues on. */
  private static MakerEngine aliceBorrowing10000() {
    MakerEngine vat = new MakerEngine(rad("100000000"));
    vat.addIlk(MakerEngineTest.ethBWithSmallDust());
    vat.poke("ETH-B", Price.of(2000));
    AccountId alice = AccountId.of("alice");
    vat.join("ETH-B", alice, wad("10"));
    vat.frob("ETH-B", alice, wad("10"), wad("10000"));
    return vat;
  }

  @Test
  void jugRefusesANegativeBaseAndAcceptsAZeroFee() {
    MakerEngine vat = aliceBorrowing10000();
    assertThatThrownBy(() -> new Jug(vat, MINUS_ONE)).hasMessage("base: must not be negative (was -1)");
    Jug jug = new Jug(vat, BigInteger.ZERO);
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    // jug.sol accepts duty = RAY (a 0 % fee: rpow(RAY, n) = RAY), and drip then folds nothing.
    jug.init("ETH-B", RAY, t0);
    assertThat(jug.duty("ETH-B")).isEqualTo(Optional.of(RAY));
    assertThat(jug.duty("ETH-A")).isEmpty();
    assertThat(jug.drip("ETH-B", t0.plusSeconds(365L * 24 * 3600))).isEqualTo(RAY);
    assertThat(vat.dai(MakerEngine.VOW)).isZero();
    assertThat(vat.ilkView("ETH-B").rate()).isEqualTo(RAY);
  }

  @Test
  void aSecondDripInTheSameSecondChangesNothing() {
    MakerEngine vat = aliceBorrowing10000();
    Jug jug = new Jug(vat, BigInteger.ZERO);
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    jug.init("ETH-B", Jug.ETH_B_DUTY_2022_02_04, t0);
    // One second at the 4 % duty: rate = rmul(duty, RAY) = duty; the Vow gets Art · (duty − RAY).
    BigInteger rate = jug.drip("ETH-B", t0.plusSeconds(1));
    assertThat(rate).isEqualTo(Jug.ETH_B_DUTY_2022_02_04);
    BigInteger fees = wad("10000").multiply(Jug.ETH_B_DUTY_2022_02_04.subtract(RAY));
    assertThat(vat.dai(MakerEngine.VOW)).isEqualTo(fees);
    // jug.drip at now = rho: rpow(x, 0) = RAY, so rate' = rate and fold is not called (delta 0).
    assertThat(jug.drip("ETH-B", t0.plusSeconds(1))).isEqualTo(rate);
    assertThat(vat.dai(MakerEngine.VOW)).isEqualTo(fees);
  }
}
