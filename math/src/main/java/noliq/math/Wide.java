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

  static {
    POW5[0] = 1;
    for (int k = 1; k < POW5.length; k++) {
      POW5[k] = POW5[k - 1] * 5;
    }
  }

  private Wide() {}

  /**
   * {@code (hi * 2^64 + lo) / d}, unsigned, truncated, for {@code hi < d} (so the quotient fits in
   * 64 bits): Knuth's algorithm D on 32-bit digits (Hacker's Delight, divlu).
   */
  static long divide(long hi, long lo, long d) {
    final long base = 1L << 32;
    final long mask = base - 1;
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
