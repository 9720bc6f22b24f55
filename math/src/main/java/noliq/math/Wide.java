package noliq.math;

import java.math.BigInteger;

/**
 * Unsigned 128-bit integers as two {@code long} words ({@code hi * 2^64 + lo}): the pieces the
 * exact fast paths of {@link Exact} and {@link Decimals} share. Each fast path is proven against
 * its {@link BigInteger} / {@link java.math.BigDecimal} reference in the tests.
 */
final class Wide {
  /** {@code 5^k} for {@code k} in {@code [0, 27]}: every power of five below {@code 2^63}. */
  static final long[] POW5 = new long[28];

  /** {@code 10^k} for {@code k} in {@code [0, 19]}: every power of ten below {@code 2^64} (unsigned). */
  private static final long[] POW10 = new long[20];
  /** Each {@code 10^k} of {@link #POW10} as an invariant divisor. */
  private static final Invariant[] BY_POW10 = new Invariant[20];
  /** Each {@code 5^k} of {@link #POW5} as an invariant divisor: {@link Decimals#toDouble} divides by them. */
  private static final Invariant[] BY_POW5 = new Invariant[28];

  static {
    POW5[0] = 1;
    for (int k = 1; k < POW5.length; k++) {
      POW5[k] = POW5[k - 1] * 5;
    }
    for (int k = 0; k < POW5.length; k++) {
      BY_POW5[k] = new Invariant(POW5[k]);
    }
    long p = 1;
    for (int k = 0; k < POW10.length; k++) {
      POW10[k] = p;
      BY_POW10[k] = new Invariant(p);
      p *= 10;
    }
  }

  private Wide() {}

  /**
   * {@code (hi * 2^64 + lo) / d}, unsigned, truncated, for {@code hi < d} (so the quotient fits in
   * 64 bits): by a power of ten with its reciprocal ({@link Invariant}), by a divisor
   * below {@code 2^32} with plain schoolbook division, else Knuth's algorithm D on 32-bit digits
   * (Hacker's Delight, divlu). Proven against {@link BigInteger} in {@code WideDivideTest}.
   */
  static long divide(long hi, long lo, long d) {
    int k = Long.numberOfTrailingZeros(d); // 10^k = 2^k 5^k has exactly k trailing zero bits
    if (k < POW10.length && POW10[k] == d) {
      return BY_POW10[k].divide(hi, lo);
    }
    final long base = 1L << 32;
    final long mask = base - 1;
    if (d >>> 32 == 0) {
      // A one-digit divisor (percentages, basis points): schoolbook on 32-bit digits, each step a
      // 64-bit division whose dividend (remainder below d, then the next digit) cannot overflow.
      long top = (hi << 32) | (lo >>> 32);
      long q1 = Long.divideUnsigned(top, d);
      long rest = ((top - q1 * d) << 32) | (lo & mask);
      return (q1 << 32) + Long.divideUnsigned(rest, d);
    }
    int s = Long.numberOfLeadingZeros(d);
    long v = d << s;
    long vn1 = v >>> 32;
    long vn0 = v & mask;
    long un32 = s == 0 ? hi : (hi << s) | (lo >>> (64 - s));
    long un10 = lo << s;
    long un1 = un10 >>> 32;
    long un0 = un10 & mask;
    long q1 = Long.divideUnsigned(un32, vn1);
    long rhat = un32 - q1 * vn1;
    while (Long.compareUnsigned(q1, base) >= 0 || Long.compareUnsigned(q1 * vn0, (rhat << 32) + un1) > 0) {
      q1--;
      rhat += vn1;
      if (Long.compareUnsigned(rhat, base) >= 0) {
        break;
      }
    }
    long un21 = (un32 << 32) + un1 - q1 * v;
    long q0 = Long.divideUnsigned(un21, vn1);
    rhat = un21 - q0 * vn1;
    while (Long.compareUnsigned(q0, base) >= 0 || Long.compareUnsigned(q0 * vn0, (rhat << 32) + un0) > 0) {
      q0--;
      rhat += vn1;
      if (Long.compareUnsigned(rhat, base) >= 0) {
        break;
      }
    }
    return (q1 << 32) + q0;
  }

  /** {@link #divide} by {@code 5^k}, {@code k} in {@code [0, 27]}, with its precomputed reciprocal. */
  static long divideByPowerOfFive(long hi, long lo, int k) {
    return BY_POW5[k].divide(hi, lo);
  }

  /**
   * A divisor known in advance (a power of ten: token units, basis points, WAD; a power of five),
   * divided by with a multiplication by its precomputed reciprocal instead of hardware divisions:
   * Möller and Granlund, "Improved division by invariant integers" (2011), algorithm 4, on the
   * dividend shifted as the divisor is normalised (the quotient is unchanged).
   *
   * @param shift how far the divisor is shifted left until its top bit is set
   * @param normalised the divisor so shifted
   * @param reciprocal {@code floor((2^128 - 1) / normalised) - 2^64}
   */
  private record Invariant(int shift, long normalised, long reciprocal) {
    Invariant(long d) {
      this(Long.numberOfLeadingZeros(d), d << Long.numberOfLeadingZeros(d));
    }

    private Invariant(int shift, long normalised) {
      this(shift, normalised, BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE)
          .divide(new BigInteger(Long.toUnsignedString(normalised))).longValue()); // the low word: the quotient minus 2^64
    }

    /** {@code (hi * 2^64 + lo) / d}, truncated, for {@code hi < d}. */
    long divide(long hi, long lo) {
      int s = shift;
      long d = normalised;
      long u1 = s == 0 ? hi : (hi << s) | (lo >>> (64 - s));
      long u0 = lo << s;
      // q1:q0 = v * u1 + u1:u0, then q1 + 1 is the quotient or one too large (rarely one too small).
      long pl = reciprocal * u1;
      long q0 = pl + u0;
      long q1 = Math.unsignedMultiplyHigh(reciprocal, u1) + u1 + (Long.compareUnsigned(q0, pl) < 0 ? 1 : 0) + 1;
      long r = u0 - q1 * d;
      if (Long.compareUnsigned(r, q0) > 0) {
        q1--;
        r += d;
      }
      if (Long.compareUnsigned(r, d) >= 0) {
        q1++;
      }
      return q1;
    }
  }

  /**
   * {@code a * b / d} rounded as named, for unsigned 128-bit operands given as words ({@code a1:a0},
   * {@code b1:b0}, {@code d1:d0}, {@code d > 0}): the 256-bit product ({@link
   * Math#unsignedMultiplyHigh}), an exact division (by a one-word divisor, word by word with {@link
   * #divide}; by a two-word divisor, Knuth's algorithm D on 64-bit digits), then the rounding on the
   * exact remainder. Returns {@code null} when the rounded quotient is {@code 2^128} or more, so the
   * caller takes the {@link BigInteger} path. Proven against that path in {@code ExactWidePathTest}.
   */
  static BigInteger mulDiv(long a1, long a0, long b1, long b0, long d1, long d0, Rounding rounding) {
    // The product p3:p2:p1:p0 = (a1 B + a0)(b1 B + b0), B = 2^64.
    long p0 = a0 * b0;
    long c = Math.unsignedMultiplyHigh(a0, b0);
    long m1lo = a1 * b0;
    long m1hi = Math.unsignedMultiplyHigh(a1, b0);
    long m2lo = a0 * b1;
    long m2hi = Math.unsignedMultiplyHigh(a0, b1);
    long hhlo = a1 * b1;
    long hhhi = Math.unsignedMultiplyHigh(a1, b1);
    long p1 = c + m1lo;
    long carry = Long.compareUnsigned(p1, c) < 0 ? 1 : 0;
    long t = p1;
    p1 = t + m2lo;
    carry += Long.compareUnsigned(p1, t) < 0 ? 1 : 0;
    // Column 2: m1hi + m2hi + hhlo + carry, carrying into column 3.
    long p2 = m1hi + carry;
    long carry3 = Long.compareUnsigned(p2, m1hi) < 0 ? 1 : 0;
    t = p2;
    p2 = t + m2hi;
    carry3 += Long.compareUnsigned(p2, t) < 0 ? 1 : 0;
    t = p2;
    p2 = t + hhlo;
    carry3 += Long.compareUnsigned(p2, t) < 0 ? 1 : 0;
    long p3 = hhhi + carry3; // cannot wrap: the product is below 2^256

    long q1;
    long q0;
    long r1;
    long r0;
    if (d1 == 0) {
      // Word-by-word long division by d0; each step divides a remainder below d0 by d0. The
      // quotient is below 2^128 exactly when p3:p2 < d0, which needs no division to see.
      if (p3 != 0 || Long.compareUnsigned(p2, d0) >= 0) {
        return null;
      }
      long r;
      if (p2 == 0) { // product below 2^128 (the usual case): the top step is a plain division
        boolean belowDivisor = Long.compareUnsigned(p1, d0) < 0; // often so: then the top digit is 0
        q1 = belowDivisor ? 0 : Long.divideUnsigned(p1, d0);
        r = belowDivisor ? p1 : p1 - q1 * d0;
      } else {
        q1 = divide(p2, p1, d0);
        r = p1 - q1 * d0;
      }
      if (r == 0) {
        q0 = Long.divideUnsigned(p0, d0);
      } else {
        q0 = divide(r, p0, d0);
      }
      r0 = p0 - q0 * d0;
      r1 = 0;
    } else {
      // Knuth D, n = 2 digits of divisor, m + n = 4 digits of dividend. Normalise so v1 has its
      // top bit set; the quotient digit estimate from the top two dividend digits is then at most
      // two too large.
      int s = Long.numberOfLeadingZeros(d1);
      long v1 = s == 0 ? d1 : (d1 << s) | (d0 >>> (64 - s));
      long v0 = d0 << s;
      long u4 = s == 0 ? 0 : p3 >>> (64 - s);
      long u3 = s == 0 ? p3 : (p3 << s) | (p2 >>> (64 - s));
      long u2 = s == 0 ? p2 : (p2 << s) | (p1 >>> (64 - s));
      long u1 = s == 0 ? p1 : (p1 << s) | (p0 >>> (64 - s));
      long u0 = p0 << s;
      // Digit 2 (weight B^2): from u4 u3 u2. A non-zero digit here means a quotient >= 2^128.
      long[] u = {u0, u1, u2, u3, u4};
      long qd2 = knuthDigit(u, 2, v1, v0);
      if (qd2 != 0) {
        return null;
      }
      q1 = knuthDigit(u, 1, v1, v0);
      q0 = knuthDigit(u, 0, v1, v0);
      // The remainder is u1:u0, still shifted left by s.
      r0 = s == 0 ? u[0] : (u[0] >>> s) | (u[1] << (64 - s));
      r1 = u[1] >>> s;
    }
    if ((r1 | r0) != 0) {
      boolean up = switch (rounding) {
        case DOWN -> false;
        case UP -> true;
        case HALF_UP -> {
          // 2 r >= d  <=>  r >= d - r  (no overflow: r < d).
          long e0 = d0 - r0;
          long e1 = d1 - r1 - (Long.compareUnsigned(d0, r0) < 0 ? 1 : 0);
          int cmp = Long.compareUnsigned(r1, e1);
          yield cmp > 0 || cmp == 0 && Long.compareUnsigned(r0, e0) >= 0;
        }
      };
      if (up) {
        q0++;
        if (q0 == 0) {
          q1++;
          if (q1 == 0) {
            return null; // rounded up to 2^128
          }
        }
      }
    }
    return toBigInteger(q1, q0);
  }

  /**
   * One step of Knuth's algorithm D with base {@code 2^64} and a normalised two-digit divisor
   * {@code v1:v0}: the quotient digit of {@code u[j+2]:u[j+1]:u[j]} by {@code v1:v0}, which is
   * below {@code 2^64} because {@code u[j+2]:u[j+1] < v1:v0}. Replaces those three digits by the
   * remainder. The estimate from the top two digits is at most two too large (Knuth, TAOCP vol. 2,
   * 4.3.1, Theorem B); the correction loop removes exactly that excess.
   */
  private static long knuthDigit(long[] u, int j, long v1, long v0) {
    long top = u[j + 2];
    long mid = u[j + 1];
    long low = u[j];
    long qhat;
    long rhat;
    boolean rhatOverflow;
    if (Long.compareUnsigned(top, v1) >= 0) {
      // top == v1 (the invariant keeps it from exceeding): the estimate is B - 1, and
      // rhat = top:mid - (B - 1) v1 = mid + v1.
      qhat = -1L;
      rhat = mid + v1;
      rhatOverflow = Long.compareUnsigned(rhat, mid) < 0;
    } else {
      qhat = divide(top, mid, v1);
      rhat = mid - qhat * v1;
      rhatOverflow = false;
    }
    // Correct the estimate (at most twice) while qhat v0 > rhat:low.
    for (int k = 0; k < 2 && !rhatOverflow; k++) {
      long ph = Math.unsignedMultiplyHigh(qhat, v0);
      long pl = qhat * v0;
      int cmp = Long.compareUnsigned(ph, rhat);
      if (cmp > 0 || cmp == 0 && Long.compareUnsigned(pl, low) > 0) {
        qhat--;
        long before = rhat;
        rhat += v1;
        rhatOverflow = Long.compareUnsigned(rhat, before) < 0;
      } else {
        break;
      }
    }
    // Multiply and subtract: top:mid:low -= qhat * v1:v0.
    long x0 = qhat * v0;
    long x1lo = Math.unsignedMultiplyHigh(qhat, v0);
    long y = qhat * v1;
    long x1 = x1lo + y;
    long x2 = Math.unsignedMultiplyHigh(qhat, v1) + (Long.compareUnsigned(x1, y) < 0 ? 1 : 0);
    long n0 = low - x0;
    long borrow = Long.compareUnsigned(low, x0) < 0 ? 1 : 0;
    long n1 = mid - x1 - borrow;
    borrow = Long.compareUnsigned(mid, x1) < 0 || Long.compareUnsigned(mid, x1) == 0 && borrow == 1 ? 1 : 0;
    // No add-back step: with a two-digit divisor the correction above compares qhat * v1:v0 with
    // all three dividend digits, so here qhat * v1:v0 <= top:mid:low and the remainder
    // n1:n0 < v1:v0 leaves the top digit zero (add-back is needed only for divisors of 3+ digits).
    long n2 = top - x2 - borrow;
    u[j] = n0;
    u[j + 1] = n1;
    u[j + 2] = n2;
    return qhat;
  }

  /** The non-negative {@code hi * 2^64 + lo}, as a {@link BigInteger}. */
  static BigInteger toBigInteger(long hi, long lo) {
    if (hi == 0 && lo >= 0) {
      return BigInteger.valueOf(lo);
    }
    byte[] bytes = new byte[17]; // a leading zero byte keeps it non-negative
    for (int i = 0; i < 8; i++) {
      bytes[16 - i] = (byte) (lo >>> (8 * i));
      bytes[8 - i] = (byte) (hi >>> (8 * i));
    }
    return new BigInteger(bytes);
  }
}
