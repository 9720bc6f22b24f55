package noliq.wrapper.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import noliq.math.Amount;
import noliq.math.Exact;
import noliq.math.Price;
import noliq.math.RuleViolation;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import noliq.options.Leg;
import noliq.options.OptionsLedger;
import noliq.options.ReportedResolutions;
import noliq.options.Resolution;
import noliq.options.Series;
import noliq.options.SeriesId;
import noliq.options.Settlement;
import noliq.wrapper.policy.KyrruiTracker;
import noliq.wrapper.policy.Observation;
import noliq.wrapper.policy.Position;
import noliq.wrapper.testing.FairVenue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Long random sequences of deposits, withdrawals, round trips, donations, price moves, rolls (filled
 * or not), settlements and redemptions, with fixed seeds. After every operation: shares × NAV per
 * share equals the holders' part of the assets within one unit per share; no deposit or withdrawal
 * lowers what a share is worth (exactly, at the operation's price); a round trip never returns more
 * than it brought; ETH and P/N stay conserved; a refused operation changes nothing.
 */
class VaultPropertyTest {
  static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
  /** 160 seeds x 6,250 steps = 1,000,000 operations per build, the seeds run concurrently. */
  static final int STEPS = 6_250;

  static final int SEEDS = 160;

  @Tag("long") // a long seeded run: mutation testing leaves it out, shorter tests must kill the mutants
  @Test
  void noSequenceExtractsValueAndSharesAlwaysMatchTheAssets() {
    int[] totals = java.util.stream.LongStream.rangeClosed(1, SEEDS).parallel().mapToObj(this::run)
        .reduce(new int[4], (a, b) -> new int[] {a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]});
    int refused = totals[0];
    int rolled = totals[1];
    int fallbacks = totals[2];
    int redeemed = totals[3];
    // the sequences exercise the refusal paths, rolls, the settlement fallback and redemption
    assertThat(refused).isGreaterThan(100);
    assertThat(rolled).isGreaterThan(10);
    assertThat(fallbacks).isPositive();
    assertThat(redeemed).isPositive();
  }

  private int[] run(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    TokenBook book = new TokenBook();
    ReportedResolutions oracle = new ReportedResolutions();
    OptionsLedger ledger = new OptionsLedger(book, oracle);
    FairVenue venue = new FairVenue(ledger, Price.of(2500), 0.8, rng.nextDouble(0.0, 0.01));
    List<VaultEvent> events = new ArrayList<>();
    VaultConfig config = VaultConfig.of("prop" + seed, KyrruiTracker.defaults())
        .with(seed % 2 == 0 ? NHandling.SELL : NHandling.RETURN_TO_DEPOSITOR);
    WrapperVault vault = new WrapperVault(config, ledger, venue, venue::observe, events::add);
    List<AccountId> users = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      users.add(AccountId.of("u" + i));
      ledger.deposit(users.get(i), Amount.of(10_000));
    }
    Set<SeriesId> reported = new HashSet<>();
    Instant now = T0;
    Price x = Price.of(2500);
    int refused = 0;
    int rolls = 0;
    for (int step = 0; step < STEPS; step++) {
      Observation obs = new Observation(x, now, 0.8);
      venue.setSpot(x);
      AccountId user = users.get(rng.nextInt(users.size()));
      int op = rng.nextInt(100);
      TokenBook.Snapshot before = book.snapshot();
      Optional<Position> currentBefore = vault.current();
      int eventsBefore = events.size();
      BigInteger navBefore = exactNav(vault, ledger, obs);
      BigInteger denomBefore = vault.totalShares().wei().add(vault.virtualShares().wei());
      Map<Token, Amount> holdingsBefore = book.balancesOf(config.account());
      try {
        if (op < 30) {
          Amount eth = rng.nextInt(4) == 0 ? Amount.ofWei(rng.nextLong(1, 1_000_000)) : Amount.ofWei(rng.nextLong(1, 5_000_000_000_000_000_000L));
          vault.deposit(user, eth, now);
          assertPerShareValueDidNotFall(navBefore, denomBefore, exactNav(vault, ledger, obs), vault);
        } else if (op < 55) {
          Amount held = vault.sharesOf(user);
          Amount shares = rng.nextInt(10) == 0 || held.isZero()
              ? held.plus(Amount.ofWei(rng.nextLong(1, 1_000)))
              : Amount.ofWei(nextBelow(rng, held.wei()).add(BigInteger.ONE));
          vault.withdraw(user, shares);
          assertEveryHoldingPerShareDidNotFall(holdingsBefore, denomBefore, book.balancesOf(config.account()), vault);
        } else if (op < 62) {
          roundTrip(vault, ledger, book, user, Amount.ofWei(rng.nextLong(1, 3_000_000_000_000_000_000L)), obs, navBefore, denomBefore);
        } else if (op < 75) {
          now = now.plusSeconds(rng.nextLong(0, 2 * 86_400));
          double move = Math.exp(rng.nextGaussian() * 0.05);
          x = Price.fromDouble(Math.max(100.0, x.toDouble() * move), noliq.math.Rounding.DOWN);
          continue;
        } else if (op < 87) {
          VaultEvent e = vault.roll(now);
          if (e instanceof VaultEvent.Rolled) {
            rolls++;
          }
        } else if (op < 90) {
          if (rng.nextBoolean()) {
            venue.stopFilling();
          } else {
            venue.startFilling();
          }
          continue;
        } else if (op < 96) {
          for (SeriesId id : vault.heldSeries()) {
            Series s = ledger.series(id).orElseThrow();
            if (!now.isBefore(s.maturity()) && reported.add(id)) {
              oracle.report(s, new Resolution.Value(x));
            }
          }
          SeriesId target = vault.heldSeries().isEmpty() ? null : vault.heldSeries().first();
          if (target == null) {
            continue;
          }
          vault.redeem(target, now);
        } else {
          // a gift straight to the vault's account (an inflation attempt): it can only raise what a share is worth
          Token token = vault.currentSeriesIfAny().map(Series::pToken).orElse(Token.ETH);
          Amount gift = Amount.ofWei(rng.nextLong(1, 2_000_000_000_000_000_000L));
          if (!token.equals(Token.ETH)) {
            ledger.split(user, vault.currentSeriesIfAny().orElseThrow().id(), gift, now);
          }
          book.transfer(token, user, config.account(), gift);
          assertPerShareValueDidNotFall(navBefore, denomBefore, exactNav(vault, ledger, obs), vault);
        }
        assertThat(events.size()).as("one event per accepted operation").isGreaterThanOrEqualTo(eventsBefore);
      } catch (RuleViolation refusedOp) {
        refused++;
        assertThat(book.snapshot()).as("seed %d step %d: refused %s changed the book", seed, step, refusedOp.getMessage())
            .isEqualTo(before);
        assertThat(vault.current()).isEqualTo(currentBefore);
        assertThat(events).hasSize(eventsBefore);
      }
      assertInvariants(vault, ledger, book, obs);
    }
    int fallbacks = (int) events.stream().filter(e -> e instanceof VaultEvent.HeldToSettlement).count();
    int redeemed = (int) events.stream().filter(e -> e instanceof VaultEvent.Redeemed).count();
    return new int[] {refused, rolls, fallbacks, redeemed};
  }

  private static BigInteger nextBelow(SplittableRandom rng, BigInteger bound) {
    if (bound.bitLength() < 63) {
      return BigInteger.valueOf(rng.nextLong(bound.longValueExact()));
    }
    return bound.multiply(BigInteger.valueOf(rng.nextLong(1_000_000))).divide(BigInteger.valueOf(1_000_000));
  }

  /** Deposit then withdraw every share minted, at one price: never more value out than in. */
  private static void roundTrip(WrapperVault vault, OptionsLedger ledger, TokenBook book, AccountId user, Amount eth,
      Observation obs, BigInteger navBefore, BigInteger denomBefore) {
    Marks marks = new Marks(ledger);
    BigInteger valueBefore = userValue(book, marks, user, obs);
    VaultEvent.Deposited d = book.atomically(() -> {
      VaultEvent.Deposited deposited = vault.deposit(user, eth, obs.now());
      vault.withdraw(user, deposited.shares());
      return deposited;
    });
    BigInteger valueAfter = userValue(book, marks, user, obs);
    BigInteger tolerance = BigInteger.valueOf(book.balancesOf(user).size() + 1L); // its holdings are marked rounding up
    if (d.nHandling() == NHandling.RETURN_TO_DEPOSITOR) {
      // Nothing was sold: the depositor holds its N and gets back its P, never more than it brought.
      assertThat(valueAfter).as("a round trip returns at most what it brought").isLessThanOrEqualTo(valueBefore.add(tolerance));
    } else {
      // The vault sold the deposit's N. What the depositor may take back is what its deposit added to the vault at
      // the vault's own intrinsic marks: that is above its ETH when the venue paid N's time value (a gain from the
      // venue, not from the other holders), below it when the sale gave up an edge. Taking more than the deposit
      // added would come out of the other holders.
      BigInteger ethValue = marks.intrinsic(Token.ETH, eth, obs, noliq.math.Rounding.DOWN).units();
      assertThat(valueAfter.subtract(valueBefore).add(ethValue))
          .as("a round trip returns at most what its deposit added to the vault")
          .isLessThanOrEqualTo(d.valueAdded().units().add(tolerance));
    }
    assertPerShareValueDidNotFall(navBefore, denomBefore, exactNav(vault, ledger, obs), vault);
  }

  private static BigInteger userValue(TokenBook book, Marks marks, AccountId user, Observation obs) {
    BigInteger sum = BigInteger.ZERO;
    for (var e : book.balancesOf(user).entrySet()) {
      sum = sum.add(marks.intrinsic(e.getKey(), e.getValue(), obs, noliq.math.Rounding.UP).units());
    }
    return sum;
  }

  /** The vault's intrinsic NAV at {@code obs}, exact, scaled by 10^54 (amount × price × 10^18). */
  static BigInteger exactNav(WrapperVault vault, OptionsLedger ledger, Observation obs) {
    Marks marks = new Marks(ledger);
    BigInteger x = obs.spot().units();
    BigInteger sum = BigInteger.ZERO;
    for (var e : ledger.book().balancesOf(vault.config().account()).entrySet()) {
      BigInteger a = e.getValue().wei();
      if (e.getKey().equals(Token.ETH)) {
        sum = sum.add(a.multiply(x).multiply(Exact.WAD));
        continue;
      }
      var leg = marks.legOf(e.getKey());
      if (leg.isEmpty()) {
        continue;
      }
      Optional<Settlement> settled = ledger.settlement(leg.get().id());
      if (settled.isPresent()) {
        sum = sum.add(a.multiply(settled.get().perUnit(leg.get().leg()).wei()).multiply(x));
      } else {
        BigInteger s = leg.get().series().strike().units();
        BigInteger perUnit = leg.get().leg() == Leg.P ? x.min(s) : x.subtract(s).max(BigInteger.ZERO);
        sum = sum.add(a.multiply(perUnit).multiply(Exact.WAD));
      }
    }
    return sum;
  }

  private static void assertPerShareValueDidNotFall(BigInteger navBefore, BigInteger denomBefore, BigInteger navAfter,
      WrapperVault vault) {
    BigInteger denomAfter = vault.totalShares().wei().add(vault.virtualShares().wei());
    assertThat(navAfter.multiply(denomBefore)).as("value per share must not fall")
        .isGreaterThanOrEqualTo(navBefore.multiply(denomAfter));
  }

  private static void assertEveryHoldingPerShareDidNotFall(Map<Token, Amount> before, BigInteger denomBefore,
      Map<Token, Amount> after, WrapperVault vault) {
    BigInteger denomAfter = vault.totalShares().wei().add(vault.virtualShares().wei());
    for (var e : before.entrySet()) {
      BigInteger a = after.getOrDefault(e.getKey(), Amount.ZERO).wei();
      assertThat(a.multiply(denomBefore)).as("%s per share must not fall", e.getKey())
          .isGreaterThanOrEqualTo(e.getValue().wei().multiply(denomAfter));
    }
  }

  private static void assertInvariants(WrapperVault vault, OptionsLedger ledger, TokenBook book, Observation obs) {
    // shares × NAV per share = the holders' part of the NAV, within one unit (10^-18) per whole share
    NavReport nav = vault.nav(obs);
    BigInteger d = nav.shares().wei().add(nav.virtualShares().wei());
    BigInteger gap = nav.intrinsic().units().multiply(Exact.WAD).subtract(nav.intrinsicPerShare().units().multiply(d));
    assertThat(gap.signum()).isGreaterThanOrEqualTo(0);
    assertThat(gap).isLessThan(d);
    assertThat(nav.modelMark()).isLessThanOrEqualTo(nav.intrinsic());
    // shares: the holders' balances sum to the supply
    BigInteger held = book.holders(vault.config().shareToken()).values().stream().map(Amount::wei)
        .reduce(BigInteger.ZERO, BigInteger::add);
    assertThat(held).isEqualTo(vault.totalShares().wei());
    // ETH: nothing created or lost; every series' escrow covers every claim
    assertThat(book.totalSupply(Token.ETH)).isEqualTo(ledger.netDeposits());
    for (SeriesId id : ledger.allSeries().keySet()) {
      assertThat(ledger.locked(id)).isGreaterThanOrEqualTo(ledger.claimable(id));
    }
  }
}
