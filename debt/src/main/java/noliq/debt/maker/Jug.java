package noliq.debt.maker;

import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * dss's Jug: each ilk's stability fee {@code duty} (a per-second rate, ray) and the time {@code rho}
 * it was last collected. {@link #drip} raises the ilk's rate accumulator as jug.sol does,
 * {@code rate' = rmul(rpow(base + duty, now − rho, RAY), rate)}, and folds the difference into the
 * Vat (every vault's debt {@code art · rate} grows, the fees go to the Vow). Time comes in as data.
 *
 * <p>Single writer, like the engine it drips into.
 */
public final class Jug {
  /** ETH-B's stability fee from the executive spell of 2022-02-04 (poll of 2022-01-31): 4 % a year. */
  public static final BigInteger ETH_B_DUTY_2022_02_04 = new BigInteger("1000000001243680656318820312");

  private final MakerEngine vat;
  private final BigInteger base;
  private final Map<String, BigInteger> duty = new HashMap<>();
  private final Map<String, Instant> rho = new HashMap<>();

  /** A Jug over {@code vat} with the global {@code base} fee (0 on mainnet) [ray per second]. */
  public Jug(MakerEngine vat, BigInteger base) {
    this.vat = vat;
    ClipperParams.requireNonNegative("base", base);
    this.base = base;
  }

  /** {@code init(ilk)} and {@code file(ilk, "duty", duty)}: fees accrue on {@code ilk} from {@code now}. */
  public void init(String ilk, BigInteger duty, Instant now) {
    vat.ilkView(ilk);
    if (duty == null || duty.compareTo(DssMath.RAY) < 0) {
      throw new MakerRuleViolation(new MakerError.BadParameter("duty", "must be at least 1 (a per-second growth factor, ray)"));
    }
    if (now == null) {
      throw new MakerRuleViolation(new MakerError.BadParameter("now", "is required"));
    }
    this.duty.put(ilk, duty);
    this.rho.put(ilk, now);
  }

  /** The ilk's {@code duty}, if it was initialised. */
  public Optional<BigInteger> duty(String ilk) {
    return Optional.ofNullable(duty.get(ilk));
  }

  /**
   * jug.drip: collects {@code ilk}'s fee from {@code rho} to {@code now} (whole seconds, as block
   * timestamps); returns the new rate [ray]. Refused when {@code now} is before {@code rho}.
   */
  public BigInteger drip(String ilk, Instant now) {
    BigInteger d = duty.get(ilk);
    if (d == null) {
      throw new MakerRuleViolation(new MakerError.UnknownIlk(ilk));
    }
    Instant last = rho.get(ilk);
    if (now.isBefore(last)) {
      throw new MakerRuleViolation(new MakerError.BadParameter("now", "must not be before rho (" + last + ")"));
    }
    long seconds = now.getEpochSecond() - last.getEpochSecond();
    BigInteger prev = vat.ilkView(ilk).rate();
    BigInteger rate = DssMath.rmul(DssMath.rpow(base.add(d), seconds, DssMath.RAY), prev);
    BigInteger delta = rate.subtract(prev);
    if (delta.signum() > 0) {
      vat.fold(ilk, delta);
    }
    rho.put(ilk, Instant.ofEpochSecond(now.getEpochSecond()));
    return rate;
  }
}
