package noliq.debt.maker;

import static noliq.debt.maker.DssMath.RAY;
import static noliq.debt.maker.DssMath.rmul;
import static noliq.debt.maker.DssMath.rpow;

import java.math.BigInteger;

/**
 * A Clipper's price curve (abaci.sol): the auction price after {@code dur} seconds, given the
 * starting price {@code top}. Prices are RAYs; every curve is non-increasing in {@code dur}.
 */
public sealed interface Abacus {
  /** The price [ray] {@code dur} seconds after the auction (re)started at {@code top} [ray]. */
  BigInteger price(BigInteger top, long dur);

  /** Linear decrease to zero over {@code tau} seconds: {@code top · (tau − dur) / tau}, then zero. */
  record LinearDecrease(long tau) implements Abacus {
    public LinearDecrease {
      if (tau <= 0) {
        throw new MakerRuleViolation(new MakerError.BadParameter("tau", "must be positive (was " + tau + ")"));
      }
    }

    @Override
    public BigInteger price(BigInteger top, long dur) {
      if (dur >= tau) {
        return BigInteger.ZERO;
      }
      // abaci.sol: rmul(top, mul(tau - dur, RAY) / tau); the inner division floors.
      return rmul(top, BigInteger.valueOf(tau - dur).multiply(RAY).divide(BigInteger.valueOf(tau)));
    }
  }

  /**
   * A stairstep: the price is multiplied by {@code cut} [ray] once every {@code step} seconds,
   * {@code top · cut^floor(dur / step)}. Maker's ETH vaults use this curve.
   */
  record StairstepExponentialDecrease(BigInteger cut, long step) implements Abacus {
    public StairstepExponentialDecrease {
      requireCut(cut);
      if (step <= 0) {
        throw new MakerRuleViolation(new MakerError.BadParameter("step", "must be positive (was " + step + ")"));
      }
    }

    @Override
    public BigInteger price(BigInteger top, long dur) {
      return rmul(top, rpow(cut, dur / step, RAY));
    }
  }

  /** A smooth exponential: the price is multiplied by {@code cut} [ray] every second, {@code top · cut^dur}. */
  record ExponentialDecrease(BigInteger cut) implements Abacus {
    public ExponentialDecrease {
      requireCut(cut);
    }

    @Override
    public BigInteger price(BigInteger top, long dur) {
      return rmul(top, rpow(cut, dur, RAY));
    }
  }

  private static void requireCut(BigInteger cut) {
    if (cut == null || cut.signum() < 0 || cut.compareTo(RAY) > 0) {
      // abaci.sol files cut only when cut <= RAY: the price must never rise.
      throw new MakerRuleViolation(new MakerError.BadParameter("cut", "must be between 0 and 1 (was "
          + (cut == null ? "missing" : DssMath.format(cut, 27)) + ")"));
    }
  }
}
