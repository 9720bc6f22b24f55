package noliq.market.amm;

import java.time.Duration;
import java.time.Instant;
import noliq.market.Checks;
import noliq.market.MarketError;
import noliq.market.MarketException;

/**
 * A pool's swap fee at a given moment, in pips (millionths of the amount in: 3000 = 0.30%).
 * A rising fee before maturity (uniindex: "from 0.30% up to 1.00% over the final 7 days")
 * charges more as the remaining time value, and so the information edge of late traders, shrinks.
 */
public sealed interface FeeSchedule {
  /** One million pips make 100%. */
  long PIPS = 1_000_000;
  /** A fee above 10% is certainly a mistake. */
  long MAX_FEE_PIPS = 100_000;

  long feePips(Instant now);

  /** The same fee at every moment. */
  record Flat(long pips) implements FeeSchedule {
    public Flat {
      Checks.pips("fee", pips, MAX_FEE_PIPS);
    }

    @Override
    public long feePips(Instant now) {
      return pips;
    }
  }

  /**
   * {@code basePips} until {@code window} before {@code maturity}, then rising linearly to
   * {@code finalPips} at maturity. Between steps the fee rounds up, in the pool's favour.
   */
  record RampToMaturity(long basePips, long finalPips, Duration window, Instant maturity) implements FeeSchedule {
    public RampToMaturity {
      Checks.pips("base-fee", basePips, MAX_FEE_PIPS);
      Checks.pips("final-fee", finalPips, MAX_FEE_PIPS);
      if (finalPips < basePips) {
        throw new MarketException(new MarketError.OutOfRange("final-fee", "at least the base fee " + basePips, finalPips));
      }
      if (window == null || window.isNegative() || window.isZero()) {
        throw new MarketException(new MarketError.NotPositive("window", window));
      }
      Checks.required("maturity", maturity);
    }

    /** The uniindex schedule: 0.30% rising to 1.00% over the last 7 days. */
    public static RampToMaturity uniindex(Instant maturity) {
      return new RampToMaturity(3_000, 10_000, Duration.ofDays(7), maturity);
    }

    @Override
    public long feePips(Instant now) {
      Instant rampStart = maturity.minus(window);
      if (!now.isAfter(rampStart)) {
        return basePips;
      }
      if (!now.isBefore(maturity)) {
        return finalPips;
      }
      long elapsedMs = Duration.between(rampStart, now).toMillis();
      long windowMs = window.toMillis();
      // ceil((final - base) * elapsed / window): integer, rounded up in the pool's favour.
      long rise = Math.multiplyExact(finalPips - basePips, elapsedMs);
      return basePips + Math.floorDiv(rise + windowMs - 1, windowMs);
    }
  }

  /**
   * A schedule's fee times a multiplier of at least 1 read at each moment (a dynamic fee: the caller's market
   * state, given as a function, sets it), rounded up in the pool's favour and capped at {@link #MAX_FEE_PIPS}.
   */
  record Scaled(FeeSchedule base, java.util.function.ToDoubleFunction<Instant> multiplier) implements FeeSchedule {
    public Scaled {
      if (base == null || multiplier == null) {
        throw new MarketException(new MarketError.OutOfRange("fees", "a base schedule and a multiplier", "nothing"));
      }
    }

    @Override
    public long feePips(Instant now) {
      double m = multiplier.applyAsDouble(now);
      if (!(m >= 1) || Double.isInfinite(m)) {
        throw new MarketException(new MarketError.OutOfRange("fee-multiplier", "a finite number of at least 1", m));
      }
      return Math.min(MAX_FEE_PIPS, (long) Math.ceil(base.feePips(now) * m));
    }
  }
}
