package noliq.math;

import java.math.BigInteger;

/**
 * Exact unsigned integer arithmetic on the range {@code [0, 2^256)}, the range of an EVM
 * {@code uint256}. Nothing wraps: a result outside the range throws {@link ArithmeticException}.
 * Intermediate products are computed at full width, so {@link #mulDiv} is exact whenever its
 * result fits (like Uniswap's FullMath, without the 512-bit tricks).
 */
public final class Exact {
  /** {@code 2^256 - 1}, the largest value any protocol quantity may take. */
  public static final BigInteger MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
  /** {@code 10^18}: one whole unit at 18 decimals (a WAD). */
  public static final BigInteger WAD = BigInteger.TEN.pow(18);
  /** {@code 10^27}: a RAY, as in Maker and Aave. */
  public static final BigInteger RAY = BigInteger.TEN.pow(27);

  private Exact() {}

  /** True when {@code v} is in {@code [0, 2^256)}. */
  public static boolean inRange(BigInteger v) {
    return v.signum() >= 0 && v.bitLength() <= 256;
  }

  /** Returns {@code v}, or throws naming {@code field} when it is negative or too large. */
  public static BigInteger requireInRange(BigInteger v, String field) {
    if (v == null) {
      throw new RuleViolation(field, "is required");
    }
    if (v.signum() < 0) {
      throw new RuleViolation(field, "must not be negative (was " + v + ")");
    }
    if (v.bitLength() > 256) {
      throw new RuleViolation(field, "must be below 2^256");
    }
    return v;
  }

  public static BigInteger add(BigInteger a, BigInteger b) {
    BigInteger r = a.add(b);
    if (!inRange(r) || a.signum() < 0 || b.signum() < 0) {
      throw new ArithmeticException("add out of range: " + a + " + " + b);
    }
    return r;
  }

  /** {@code a - b}; throws when {@code b > a}, since no quantity can go below zero. */
  public static BigInteger sub(BigInteger a, BigInteger b) {
    if (b.compareTo(a) > 0 || b.signum() < 0) {
      throw new ArithmeticException("sub underflow: " + a + " - " + b);
    }
    return a.subtract(b);
  }

  /** {@code a * b}, exact. */
  public static BigInteger mul(BigInteger a, BigInteger b) {
    BigInteger r = a.multiply(b);
    if (!inRange(r) || a.signum() < 0 || b.signum() < 0) {
      throw new ArithmeticException("mul out of range: " + a + " * " + b);
    }
    return r;
  }

  /** {@code a / d}, rounded as named. */
  public static BigInteger div(BigInteger a, BigInteger d, Rounding rounding) {
    if (d.equals(BigInteger.ONE) && inRange(a)) {
      return a; // exact; scale conversions between equal scales divide by one (18-decimal tokens to wei)
    }
    return mulDiv(a, BigInteger.ONE, d, rounding);
  }

  /**
   * {@code a * b / d} computed exactly and rounded as named. The operands must be in range and
   * {@code d} positive; the result must fit in 256 bits, else this throws rather than truncate.
   */
  public static BigInteger mulDiv(BigInteger a, BigInteger b, BigInteger d, Rounding rounding) {
    if (!inRange(a) || !inRange(b) || !inRange(d)) {
      throw new ArithmeticException("mulDiv operand out of range: " + a + ", " + b + ", " + d);
    }
    if (d.signum() == 0) {
      throw new ArithmeticException("mulDiv by zero");
    }
    int aBits = a.bitLength();
    int bBits = b.bitLength();
    int dBits = d.bitLength();
    if (aBits < 64 && bBits < 64 && dBits < 64) {
      long q = mulDivLong(a.longValue(), b.longValue(), d.longValue(), rounding);
      if (q >= 0) {
        return BigInteger.valueOf(q);
      }
    }
    if (aBits <= 128 && bBits <= 128 && dBits <= 128) {
      // 18-decimal prices and amounts (10^21 and up) pass 2^63: the 128-bit operand path.
      BigInteger q = Wide.mulDiv(high(a, aBits), a.longValue(), high(b, bBits), b.longValue(),
          high(d, dBits), d.longValue(), rounding);
      if (q != null) {
        return q;
      }
    }
    return mulDivBig(a, b, d, rounding);
  }

  /**
   * {@link #mulDiv} by two small factors given as {@code long}s (basis points, percentages, powers
   * of ten): the same result and the same refusals as
   * {@code mulDiv(a, BigInteger.valueOf(b), BigInteger.valueOf(d), rounding)}, without making
   * {@link BigInteger}s of {@code b} and {@code d} or measuring them. Proven against that call in
   * {@code ExactSmallFactorsTest}.
   */
  public static BigInteger mulDiv(BigInteger a, long b, long d, Rounding rounding) {
    if (b >= 0 && d > 0 && a.signum() >= 0) {
      int aBits = a.bitLength();
      if (aBits < 64) {
        long q = mulDivLong(a.longValue(), b, d, rounding);
        if (q >= 0) {
          return BigInteger.valueOf(q);
        }
      }
      if (aBits <= 128) {
        BigInteger q = Wide.mulDiv(high(a, aBits), a.longValue(), 0, b, 0, d, rounding);
        if (q != null) {
          return q;
        }
      }
    }
    // A negative factor or divisor, a zero divisor, a wide operand or quotient: the general path and its refusals.
    return mulDiv(a, BigInteger.valueOf(b), BigInteger.valueOf(d), rounding);
  }

  /**
   * {@link #mulDiv} on {@link BigInteger}s, for operands or quotients past 128 bits; a method of its
   * own so that the fast paths stay small enough to inline.
   */
  private static BigInteger mulDivBig(BigInteger a, BigInteger b, BigInteger d, Rounding rounding) {
    BigInteger[] qr = a.multiply(b).divideAndRemainder(d);
    BigInteger q = qr[0];
    BigInteger rem = qr[1];
    if (rem.signum() != 0) {
      switch (rounding) {
        case DOWN -> { }
        case UP -> q = q.add(BigInteger.ONE);
        case HALF_UP -> {
          if (rem.shiftLeft(1).compareTo(d) >= 0) {
            q = q.add(BigInteger.ONE);
          }
        }
      }
    }
    if (q.bitLength() > 256) {
      throw new ArithmeticException("mulDiv result exceeds 2^256: " + a + " * " + b + " / " + d);
    }
    return q;
  }

  /** Bits 64 to 127 of a value of at most 128 bits. */
  private static long high(BigInteger v, int bits) {
    return bits <= 64 ? 0 : v.shiftRight(64).longValue();
  }

  /**
   * The fast path of {@link #mulDiv} for operands in {@code [0, 2^63)} and {@code d > 0}: the
   * product at full 128 bits ({@link Math#multiplyHigh}), an exact 128-by-64 division, the same
   * named rounding. Returns the rounded quotient, or {@code -1} when it would not fit in
   * {@code [0, 2^63)}, in which case the caller takes the {@link BigInteger} path. Proven against
   * that path in {@code ExactFastPathTest}.
   */
  static long mulDivLong(long a, long b, long d, Rounding rounding) {
    long hi = Math.multiplyHigh(a, b); // a, b >= 0: the signed high word is the unsigned one
    long lo = a * b;
    long q;
    long rem;
    if (hi == 0 && lo >= 0) {
      q = lo / d;
      rem = lo - q * d;
    } else {
      if (hi >= d) {
        return -1; // quotient >= 2^64
      }
      q = Wide.divide(hi, lo, d);
      if (q < 0) {
        return -1; // quotient >= 2^63
      }
      rem = lo - q * d; // the remainder is below d < 2^63, so its low word is all of it
    }
    if (rem != 0) {
      boolean roundUp = switch (rounding) {
        case DOWN -> false;
        case UP -> true;
        case HALF_UP -> Long.compareUnsigned(rem << 1, d) >= 0;
      };
      if (roundUp) {
        if (q == Long.MAX_VALUE) {
          return -1;
        }
        q++;
      }
    }
    return q;
  }
}
