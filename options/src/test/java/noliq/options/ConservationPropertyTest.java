package noliq.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import noliq.math.Amount;
import noliq.math.Exact;
import noliq.math.Price;
import noliq.math.RuleViolation;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Long random operation sequences over many accounts and series, checked after every operation
 * against an independent reference model: the ledger's ETH equals deposits minus withdrawals;
 * locked ETH covers everything still redeemable and {@code claimable} is exactly the model's claim;
 * balances match the model (so none is negative and a refused operation changed nothing); split
 * followed by merge is the identity. The series mix the three invalid policies: half of them have
 * the third leg I (one of those always resolves invalid, so every seed pays I), one shares its
 * terms with a third-outcome series and differs only in its policy, and one waits for a fallback.
 * Four seeds of 250,000 operations: 1,000,000 operations per {@code ./mvnw verify}.
 */
class ConservationPropertyTest {
  private static final int OPERATIONS_PER_SEED = 250_000;
  private static final int USERS = 10;
  private static final BigInteger WAD = Exact.WAD;
  private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
  private static final Leg[] LEGS = Leg.values();
  /** A third-outcome series whose question always resolves invalid (under a random terminal policy). */
  private static final int ALWAYS_INVALID = 1;

  private SplittableRandom rnd;
  private TokenBook book;
  private ReportedResolutions oracle;
  private OptionsLedger ledger;
  private final List<Series> series = new ArrayList<>();
  private final List<AccountId> users = new ArrayList<>();
  private final List<Token> tokens = new ArrayList<>(); // 0 = ETH, then each series' legs
  private int[][] legToken; // [series][leg ordinal]: index into tokens, -1 if the series has no such leg
  // Reference model.
  private BigInteger[][] balance; // [user][token]
  private BigInteger[] locked; // [series]
  private Resolution[] reported; // [series]
  private BigInteger[][] rate; // [series][leg ordinal], null until settled
  private int paidI; // I redemptions that paid ETH
  private BigInteger deposits;
  private BigInteger withdrawals;
  private Instant now;
  private int accepted;
  private int refused;

  @Tag("long") // a long seeded run: mutation testing leaves it out, shorter tests must kill the mutants
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1L, 20260601L, 0xC0FFEEL, 987654321L})
  void conservesOverLongRandomSequences(long seed) {
    setUp(seed);
    for (int i = 0; i < OPERATIONS_PER_SEED; i++) {
      now = now.plusSeconds(rnd.nextLong(0, 64));
      step(i);
      checkInvariants(i);
    }
    // The sequences exercise both outcomes, every series with a settleable report reaches
    // settlement, and the always-invalid third-outcome series paid its I holders.
    assertThat(accepted).isGreaterThan(OPERATIONS_PER_SEED / 3);
    assertThat(refused).isGreaterThan(OPERATIONS_PER_SEED / 10);
    for (int s = 0; s < series.size(); s++) {
      // a settleable report always settles; without one, a series settles only by the ledger's timeout
      if (reported[s] != null && settleable(series.get(s), reported[s])) {
        assertThat(rate[s]).as("series %d settled", s).isNotNull();
      }
      if (rate[s] != null && !(reported[s] != null && settleable(series.get(s), reported[s]))) {
        assertThat(ledger.settledByTimeout(ledger.list(series.get(s)))).as("series %d lapsed", s).isTrue();
      }
    }
    assertThat(rate[ALWAYS_INVALID]).containsExactly(BigInteger.ZERO, BigInteger.ZERO, WAD);
    assertThat(paidI).isPositive();
  }

  private void setUp(long seed) {
    rnd = new SplittableRandom(seed);
    book = new TokenBook();
    oracle = new ReportedResolutions();
    ledger = new OptionsLedger(book, oracle);
    now = T0;
    series.clear();
    users.clear();
    tokens.clear();
    tokens.add(Token.ETH);
    Payoff[] payoffs = {new Payoff.CoveredCall(), new Payoff.CoveredCall(), new Payoff.CoveredCall(),
        new Payoff.CoveredCall(), new Payoff.LinearRange(Price.of(4000)), new Payoff.Binary()};
    InvalidPolicy[] policies = {InvalidPolicy.HALF_HALF, InvalidPolicy.THIRD_OUTCOME, InvalidPolicy.HALF_HALF,
        InvalidPolicy.FALLBACK, InvalidPolicy.THIRD_OUTCOME, InvalidPolicy.THIRD_OUTCOME};
    legToken = new int[payoffs.length][];
    for (int s = 0; s < payoffs.length; s++) {
      Price strike = Price.of(1000 + 300L * s);
      Instant maturity = T0.plusSeconds(86_400L * (1 + rnd.nextInt(60)));
      Series x = s == 2
          ? series.get(ALWAYS_INVALID).withInvalidPolicy(policies[s]) // same terms, another policy
          : new Series(IndexId.ETH_USD, strike, maturity, payoffs[s], policies[s]);
      ledger.list(x);
      series.add(x);
      legToken[s] = new int[] {-1, -1, -1};
      for (Leg leg : x.legs()) {
        legToken[s][leg.ordinal()] = tokens.size();
        tokens.add(x.token(leg));
      }
    }
    for (int u = 0; u < USERS; u++) {
      users.add(AccountId.of("user" + u));
    }
    balance = new BigInteger[USERS][tokens.size()];
    for (BigInteger[] row : balance) {
      java.util.Arrays.fill(row, BigInteger.ZERO);
    }
    locked = new BigInteger[series.size()];
    java.util.Arrays.fill(locked, BigInteger.ZERO);
    reported = new Resolution[series.size()];
    rate = new BigInteger[series.size()][];
    paidI = 0;
    deposits = BigInteger.ZERO;
    withdrawals = BigInteger.ZERO;
    accepted = 0;
    refused = 0;
  }

  private Amount amount(int user, int token) {
    int kind = rnd.nextInt(20);
    if (kind == 0) {
      return Amount.ZERO;
    }
    if (kind == 1) {
      return Amount.ofWei(1 + rnd.nextInt(3));
    }
    if (kind <= 4 && balance[user][token].signum() > 0) {
      return Amount.ofWei(balance[user][token]); // all of it
    }
    return Amount.ofWei(rnd.nextLong(1, 5_000_000_000_000_000_000L));
  }

  /** Whether every leg of series {@code s} held by {@code u} covers {@code a}: a full set to merge. */
  private boolean holdsFullSets(int u, int s, BigInteger a) {
    for (int t : legToken[s]) {
      if (t >= 0 && balance[u][t].compareTo(a) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Adds {@code delta} of every leg of series {@code s} to user {@code u}. */
  private void addSets(int u, int s, BigInteger delta) {
    for (int t : legToken[s]) {
      if (t >= 0) {
        balance[u][t] = balance[u][t].add(delta);
      }
    }
  }

  private void step(int i) {
    int u = rnd.nextInt(USERS);
    int s = rnd.nextInt(series.size());
    AccountId user = users.get(u);
    Series x = series.get(s);
    SeriesId id = rnd.nextInt(50) == 0 ? Series.pn(IndexId.ETH_USD, Price.of(7), T0).id() : x.id();
    boolean known = id.equals(x.id());
    int op = rnd.nextInt(100);
    if (op < 10) {
      Amount a = amount(u, 0);
      boolean ok = a.isPositive();
      attempt(i, ok, () -> ledger.deposit(user, a), () -> {
        balance[u][0] = balance[u][0].add(a.wei());
        deposits = deposits.add(a.wei());
      });
    } else if (op < 18) {
      Amount a = amount(u, 0);
      boolean ok = a.isPositive() && balance[u][0].compareTo(a.wei()) >= 0;
      attempt(i, ok, () -> ledger.withdraw(user, a), () -> {
        balance[u][0] = balance[u][0].subtract(a.wei());
        withdrawals = withdrawals.add(a.wei());
      });
    } else if (op < 33) {
      int v = rnd.nextInt(USERS);
      int t = rnd.nextInt(tokens.size());
      boolean unknownToken = rnd.nextInt(40) == 0;
      // Unknown: a leg of no series, or the I a two-leg series does not have.
      Token token = !unknownToken ? tokens.get(t)
          : rnd.nextBoolean() ? new Token("P:000000000000000000000000") : new Token("I:" + series.get(0).id().hex());
      Amount a = amount(u, t);
      boolean ok = !unknownToken && a.isPositive() && u != v && balance[u][t].compareTo(a.wei()) >= 0;
      attempt(i, ok, () -> ledger.transfer(user, users.get(v), token, a), () -> {
        balance[u][t] = balance[u][t].subtract(a.wei());
        balance[v][t] = balance[v][t].add(a.wei());
      });
    } else if (op < 50) {
      Amount a = amount(u, 0);
      boolean ok = known && a.isPositive() && balance[u][0].compareTo(a.wei()) >= 0;
      attempt(i, ok, () -> ledger.split(user, id, a, now), () -> {
        balance[u][0] = balance[u][0].subtract(a.wei());
        addSets(u, s, a.wei());
        locked[s] = locked[s].add(a.wei());
      });
    } else if (op < 62) {
      int[] legs = legToken[s];
      int sizedBy = legs[rnd.nextInt(3)]; // an amount sized to one leg's balance, often all of it
      Amount a = amount(u, sizedBy >= 0 ? sizedBy : legs[0]);
      boolean ok = known && a.isPositive() && holdsFullSets(u, s, a.wei());
      attempt(i, ok, () -> ledger.merge(user, id, a, now), () -> {
        addSets(u, s, a.wei().negate());
        balance[u][0] = balance[u][0].add(a.wei());
        locked[s] = locked[s].subtract(a.wei());
      });
    } else if (op < 67) {
      Resolution r = reported[s];
      boolean answered = r != null && settleable(x, r);
      // the ledger's rule for a settlement that never arrives: after the timeout, the invalid policy
      boolean lapses = !answered && !now.isBefore(x.maturity().plus(OptionsLedger.DEFAULT_SETTLEMENT_TIMEOUT));
      boolean ok = known && rate[s] == null && !now.isBefore(x.maturity()) && (answered || lapses);
      attempt(i, ok, () -> ledger.settle(id, now), () -> {
        InvalidPolicy applied = x.invalidPolicy() == InvalidPolicy.FALLBACK ? InvalidPolicy.HALF_HALF : x.invalidPolicy();
        rate[s] = answered ? expectedRates(x, r) : invalidRates(applied);
        Settlement settled = ledger.settlement(id).orElseThrow();
        for (Leg leg : LEGS) {
          assertThat(settled.perUnit(leg).wei()).as("op %d: series %d %s per unit", i, s, leg).isEqualTo(rate[s][leg.ordinal()]);
        }
        // The series' own policy is what an invalid settlement applied and records.
        assertThat(settled.resolution()).isEqualTo(!answered ? new Resolution.Invalid(applied)
            : r instanceof Resolution.Invalid ? new Resolution.Invalid(x.invalidPolicy()) : r);
        assertThat(ledger.settledByTimeout(id)).isEqualTo(!answered);
      });
    } else if (op < 82) {
      Leg leg = LEGS[rnd.nextInt(3)];
      int t = legToken[s][leg.ordinal()];
      boolean hasLeg = t >= 0;
      Amount a = amount(u, hasLeg ? t : legToken[s][0]);
      // I of a two-leg series is refused whatever else holds.
      boolean ok = known && hasLeg && rate[s] != null && a.isPositive() && balance[u][t].compareTo(a.wei()) >= 0;
      attempt(i, ok, () -> ledger.redeem(user, id, leg, a, now), () -> {
        BigInteger payout = a.wei().multiply(rate[s][leg.ordinal()]).divide(WAD);
        balance[u][t] = balance[u][t].subtract(a.wei());
        balance[u][0] = balance[u][0].add(payout);
        locked[s] = locked[s].subtract(payout);
        if (leg == Leg.I && payout.signum() > 0) {
          paidI++;
        }
      });
    } else if (op < 87) {
      if (reported[s] == null) {
        Resolution r = s == ALWAYS_INVALID ? terminalInvalid() : randomResolution(x);
        oracle.report(x, r);
        reported[s] = r;
      }
    } else {
      // Split then merge of the same amount leaves every balance as it was.
      Amount a = amount(u, 0);
      if (known && a.isPositive() && balance[u][0].compareTo(a.wei()) >= 0) {
        var before = book.snapshot();
        ledger.split(user, id, a, now);
        ledger.merge(user, id, a, now);
        assertThat(book.snapshot()).as("op %d: split+merge identity", i).isEqualTo(before);
        accepted++;
      }
    }
  }

  /** A finally invalid answer; the policy the reporter names must not matter. */
  private Resolution terminalInvalid() {
    return new Resolution.Invalid(rnd.nextBoolean() ? InvalidPolicy.HALF_HALF : InvalidPolicy.THIRD_OUTCOME);
  }

  private Resolution randomResolution(Series x) {
    int kind = rnd.nextInt(22);
    if (kind == 0 || kind == 20) {
      return terminalInvalid();
    }
    if (kind == 21) {
      return new Resolution.Invalid(InvalidPolicy.FALLBACK); // referred onwards: never settles
    }
    if (kind == 1) {
      return new Resolution.Value(Price.ZERO); // P takes the whole ETH
    }
    if (kind == 2) {
      return new Resolution.Value(new Price(BigInteger.ONE));
    }
    if (kind == 3) {
      return new Resolution.Value(x.strike());
    }
    // Around the strike, with full 18-decimal precision so most ratios are inexact.
    BigInteger units = x.strike().units().multiply(BigInteger.valueOf(rnd.nextLong(1, 4_000_000_000L)))
        .divide(BigInteger.valueOf(1_000_000_000L)).add(BigInteger.valueOf(rnd.nextLong(0, 1_000_000_000L)));
    return new Resolution.Value(new Price(units.max(BigInteger.ONE)));
  }

  /**
   * Whether the ledger may settle {@code s} from {@code r}: any value (x = 0 included), or a finally invalid
   * answer for a series that does not insist on the fallback oracle.
   */
  private static boolean settleable(Series s, Resolution r) {
    return switch (r) {
      case Resolution.Value v -> true;
      case Resolution.Invalid inv -> inv.policy() != InvalidPolicy.FALLBACK && s.invalidPolicy() != InvalidPolicy.FALLBACK;
    };
  }

  /** Each leg's payout per unit {P, N, I}: invalid by the series' policy, valid from {@link #expectedPRate}. */
  private static BigInteger[] expectedRates(Series s, Resolution r) {
    if (r instanceof Resolution.Invalid) {
      return invalidRates(s.invalidPolicy());
    }
    BigInteger p = expectedPRate(s, r);
    return new BigInteger[] {p, WAD.subtract(p), BigInteger.ZERO};
  }

  private static BigInteger[] invalidRates(InvalidPolicy policy) {
    return switch (policy) {
      case HALF_HALF -> new BigInteger[] {WAD.divide(BigInteger.TWO), WAD.divide(BigInteger.TWO), BigInteger.ZERO};
      case THIRD_OUTCOME -> new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO, WAD};
      case FALLBACK -> throw new AssertionError("a FALLBACK series never settles invalid");
    };
  }

  /** P's payout per unit, computed independently of the payoff classes with BigDecimal. */
  private static BigInteger expectedPRate(Series s, Resolution r) {
    BigDecimal x = new BigDecimal(((Resolution.Value) r).x().units());
    BigDecimal k = new BigDecimal(s.strike().units());
    if (x.signum() == 0) {
      return WAD; // min(1, S/x) -> 1: every payoff gives P the whole ETH at x = 0
    }
    BigDecimal share = switch (s.payoff()) {
      case Payoff.CoveredCall c -> k.divide(x, 60, RoundingMode.DOWN).min(BigDecimal.ONE);
      case Payoff.Binary b -> x.compareTo(k) <= 0 ? BigDecimal.ONE : BigDecimal.ZERO;
      case Payoff.LinearRange l -> {
        BigDecimal up = new BigDecimal(l.upper().units());
        yield up.subtract(x).divide(up.subtract(k), 60, RoundingMode.DOWN).max(BigDecimal.ZERO).min(BigDecimal.ONE);
      }
    };
    return share.movePointRight(18).setScale(0, RoundingMode.DOWN).toBigIntegerExact();
  }

  private void attempt(int i, boolean expectAccepted, Runnable operation, Runnable model) {
    try {
      operation.run();
    } catch (RuleViolation e) {
      if (expectAccepted) {
        fail("op %d refused but the model accepts it: %s", i, e.getMessage());
      }
      refused++;
      return;
    }
    if (!expectAccepted) {
      fail("op %d accepted but the model refuses it", i);
    }
    model.run();
    accepted++;
  }

  private void checkInvariants(int i) {
    BigInteger[] supply = new BigInteger[tokens.size()];
    java.util.Arrays.fill(supply, BigInteger.ZERO);
    for (int u = 0; u < USERS; u++) {
      for (int t = 0; t < tokens.size(); t++) {
        BigInteger actual = book.balanceOf(users.get(u), tokens.get(t)).wei();
        if (!actual.equals(balance[u][t])) {
          fail("op %d: %s holds %s %s, the model says %s", i, users.get(u), actual, tokens.get(t), balance[u][t]);
        }
        supply[t] = supply[t].add(actual);
      }
    }
    BigInteger lockedTotal = BigInteger.ZERO;
    for (int s = 0; s < series.size(); s++) {
      SeriesId id = series.get(s).id();
      BigInteger lockedNow = ledger.locked(id).wei();
      if (!lockedNow.equals(locked[s])) {
        fail("op %d: series %d locks %s, the model says %s", i, s, lockedNow, locked[s]);
      }
      lockedTotal = lockedTotal.add(lockedNow);
      // Locked ETH covers every claim: before settlement each full set merges for 1 ETH and any
      // leg may take it all; after it, locked * 10^18 >= the sum of supply(leg) * rate(leg).
      BigInteger claims = BigInteger.ZERO;
      for (int l = 0; l < LEGS.length; l++) {
        int t = legToken[s][l];
        if (t < 0) {
          continue;
        }
        BigInteger legSupply = book.totalSupply(tokens.get(t)).wei();
        if (!legSupply.equals(supply[t])) {
          fail("op %d: series %d %s supply differs from the sum of balances", i, s, LEGS[l]);
        }
        claims = rate[s] == null ? claims.max(legSupply.multiply(WAD)) : claims.add(legSupply.multiply(rate[s][l]));
      }
      if (lockedNow.multiply(WAD).compareTo(claims) < 0) {
        fail("op %d: series %d locks %s but owes %s/1e18", i, s, lockedNow, claims);
      }
      BigInteger claimable = claims.add(WAD).subtract(BigInteger.ONE).divide(WAD);
      if (!ledger.claimable(id).wei().equals(claimable)) {
        fail("op %d: series %d claimable is %s, the model says %s", i, s, ledger.claimable(id), claimable);
      }
    }
    // The ledger's ETH (free plus locked) equals deposits minus withdrawals.
    BigInteger eth = book.totalSupply(Token.ETH).wei();
    if (!eth.equals(supply[0].add(lockedTotal)) || !eth.equals(deposits.subtract(withdrawals))
        || !ledger.netDeposits().wei().equals(eth)) {
      fail("op %d: ETH %s != deposits - withdrawals %s", i, eth, deposits.subtract(withdrawals));
    }
  }
}
