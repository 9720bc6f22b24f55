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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Long random operation sequences over many accounts and series, checked after every operation
 * against an independent reference model: the ledger's ETH equals deposits minus withdrawals;
 * locked ETH covers everything still redeemable; balances match the model (so none is negative and
 * a refused operation changed nothing); split followed by merge is the identity.
 * Four seeds of 250,000 operations: 1,000,000 operations per {@code ./mvnw verify}.
 */
class ConservationPropertyTest {
  private static final int OPERATIONS_PER_SEED = 250_000;
  private static final int USERS = 10;
  private static final BigInteger WAD = Exact.WAD;
  private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

  private SplittableRandom rnd;
  private TokenBook book;
  private ReportedResolutions oracle;
  private OptionsLedger ledger;
  private final List<Series> series = new ArrayList<>();
  private final List<AccountId> users = new ArrayList<>();
  private final List<Token> tokens = new ArrayList<>(); // 0 = ETH, then P and N of each series
  // Reference model.
  private BigInteger[][] balance; // [user][token]
  private BigInteger[] locked; // [series]
  private Resolution[] reported; // [series]
  private BigInteger[] pRate; // [series], null until settled
  private BigInteger deposits;
  private BigInteger withdrawals;
  private Instant now;
  private int accepted;
  private int refused;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1L, 20260601L, 0xC0FFEEL, 987654321L})
  void conservesOverLongRandomSequences(long seed) {
    setUp(seed);
    for (int i = 0; i < OPERATIONS_PER_SEED; i++) {
      now = now.plusSeconds(rnd.nextLong(0, 64));
      step(i);
      checkInvariants(i);
    }
    // The sequences exercise both outcomes and every series reaches settlement.
    assertThat(accepted).isGreaterThan(OPERATIONS_PER_SEED / 3);
    assertThat(refused).isGreaterThan(OPERATIONS_PER_SEED / 10);
    for (int s = 0; s < series.size(); s++) {
      assertThat(pRate[s]).as("series %d settled", s).isNotNull();
    }
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
    for (int s = 0; s < payoffs.length; s++) {
      Price strike = Price.of(1000 + 300L * s);
      Instant maturity = T0.plusSeconds(86_400L * (1 + rnd.nextInt(60)));
      Series x = new Series(IndexId.ETH_USD, strike, maturity, payoffs[s]);
      ledger.list(x);
      series.add(x);
      tokens.add(x.pToken());
      tokens.add(x.nToken());
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
    pRate = new BigInteger[series.size()];
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

  private static int pTok(int s) {
    return 1 + 2 * s;
  }

  private static int nTok(int s) {
    return 2 + 2 * s;
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
      Token token = unknownToken ? new Token("P:000000000000000000000000") : tokens.get(t);
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
        balance[u][pTok(s)] = balance[u][pTok(s)].add(a.wei());
        balance[u][nTok(s)] = balance[u][nTok(s)].add(a.wei());
        locked[s] = locked[s].add(a.wei());
      });
    } else if (op < 62) {
      Amount a = amount(u, rnd.nextBoolean() ? pTok(s) : nTok(s));
      boolean ok = known && a.isPositive() && balance[u][pTok(s)].compareTo(a.wei()) >= 0
          && balance[u][nTok(s)].compareTo(a.wei()) >= 0;
      attempt(i, ok, () -> ledger.merge(user, id, a, now), () -> {
        balance[u][pTok(s)] = balance[u][pTok(s)].subtract(a.wei());
        balance[u][nTok(s)] = balance[u][nTok(s)].subtract(a.wei());
        balance[u][0] = balance[u][0].add(a.wei());
        locked[s] = locked[s].subtract(a.wei());
      });
    } else if (op < 67) {
      Resolution r = reported[s];
      boolean ok = known && pRate[s] == null && !now.isBefore(x.maturity()) && r != null
          && !(r instanceof Resolution.Value v && !v.x().isPositive());
      attempt(i, ok, () -> ledger.settle(id, now), () -> pRate[s] = expectedPRate(x, r));
    } else if (op < 82) {
      boolean isP = rnd.nextBoolean();
      int t = isP ? pTok(s) : nTok(s);
      Amount a = amount(u, t);
      boolean ok = known && pRate[s] != null && a.isPositive() && balance[u][t].compareTo(a.wei()) >= 0;
      attempt(i, ok, () -> ledger.redeem(user, id, isP ? Leg.P : Leg.N, a, now), () -> {
        BigInteger rate = isP ? pRate[s] : WAD.subtract(pRate[s]);
        BigInteger payout = a.wei().multiply(rate).divide(WAD);
        balance[u][t] = balance[u][t].subtract(a.wei());
        balance[u][0] = balance[u][0].add(payout);
        locked[s] = locked[s].subtract(payout);
      });
    } else if (op < 87) {
      if (reported[s] == null) {
        Resolution r = randomResolution(x);
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

  private Resolution randomResolution(Series x) {
    int kind = rnd.nextInt(20);
    if (kind == 0) {
      return new Resolution.Invalid(InvalidPolicy.HALF_HALF);
    }
    if (kind == 1) {
      return new Resolution.Value(Price.ZERO); // refused at settlement, forever
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

  /** P's payout per unit, computed independently of the payoff classes with BigDecimal. */
  private static BigInteger expectedPRate(Series s, Resolution r) {
    if (r instanceof Resolution.Invalid) {
      return WAD.divide(BigInteger.TWO);
    }
    BigDecimal x = new BigDecimal(((Resolution.Value) r).x().units());
    BigDecimal k = new BigDecimal(s.strike().units());
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
      BigInteger p = book.totalSupply(series.get(s).pToken()).wei();
      BigInteger n = book.totalSupply(series.get(s).nToken()).wei();
      if (!p.equals(supply[pTok(s)]) || !n.equals(supply[nTok(s)])) {
        fail("op %d: series %d supplies differ from the sum of balances", i, s);
      }
      // Locked ETH covers every claim: before settlement each pair merges for 1 ETH; after it,
      // locked * 10^18 >= supply(P) * pRate + supply(N) * nRate.
      BigInteger claims = pRate[s] == null
          ? p.max(n).multiply(WAD)
          : p.multiply(pRate[s]).add(n.multiply(WAD.subtract(pRate[s])));
      if (lockedNow.multiply(WAD).compareTo(claims) < 0) {
        fail("op %d: series %d locks %s but owes %s/1e18", i, s, lockedNow, claims);
      }
      if (ledger.claimable(id).compareTo(ledger.locked(id)) > 0) {
        fail("op %d: series %d claimable exceeds locked", i, s);
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
