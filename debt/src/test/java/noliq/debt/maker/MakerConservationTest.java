package noliq.debt.maker;

import static noliq.debt.maker.DssMath.rad;
import static noliq.debt.maker.DssMath.ray;
import static noliq.debt.maker.DssMath.wad;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import noliq.math.Price;
import noliq.math.book.AccountId;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Long random operation sequences with fixed seeds: after every operation the Vat, Dog and Clipper
 * conservation laws hold ({@link MakerEngine#violatedInvariants()}), and every refused operation
 * leaves the state exactly as it was.
 */
@Execution(ExecutionMode.CONCURRENT)
class MakerConservationTest {
  /** Four seeds of this many steps: 1,000,000 operations per {@code ./mvnw verify}, on parallel threads. */
  static final int STEPS = 250_000;
  /** A refused step's state is compared with a snapshot taken before it on every this many steps. */
  static final int AUDIT_EVERY = 8;
  static final BigInteger MILLI = BigInteger.TEN.pow(15);
  static final List<String> ILKS = List.of("ETH-A", "ETH-B");

  @Tag("long") // a long seeded run: mutation testing leaves it out, shorter tests must kill the mutants
  @ParameterizedTest
  @ValueSource(longs = {1L, 42L, 20260601L, 0xDA1L})
  void randomSequencesConserveCollateralAndDebt(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    MakerEngine m = new MakerEngine(rad("400000"));
    m.addIlk(MakerEngineTest.ethBWithSmallDust());
    IlkParams b = MakerEngineTest.ethBWithSmallDust();
    m.addIlk(new IlkParams("ETH-A", ray("1.45"), rad("2000"), wad("1.13"), rad("250000"),
        new ClipperParams(ray("1.3"), 3600, ray("0.5"), wad("0.002"), rad("50"),
            new Abacus.LinearDecrease(4000))));
    assertThat(b.name()).isEqualTo("ETH-B");
    AccountId[] users = new AccountId[6];
    for (int i = 0; i < users.length; i++) {
      users[i] = AccountId.of("u" + i);
    }
    double price = 2000;
    for (String ilk : ILKS) {
      m.poke(ilk, Price.fromDouble(price, noliq.math.Rounding.DOWN));
    }
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    TreeMap<String, Integer> accepted = new TreeMap<>();
    TreeMap<String, Integer> tryBarkRefusals = new TreeMap<>();
    int refused = 0;
    int audited = 0;
    for (int step = 0; step < STEPS; step++) {
      String ilk = ILKS.get(rng.nextInt(ILKS.size()));
      AccountId u = users[rng.nextInt(users.length)];
      AccountId v = users[rng.nextInt(users.length)];
      int kind = rng.nextInt(12);
      MakerEngine.Snapshot before = step % AUDIT_EVERY == 0 ? m.snapshot() : null;
      try {
        String name = switch (kind) {
          case 0 -> {
            price = Math.max(50, price * Math.exp(0.08 * (rng.nextDouble() * 2 - 1)));
            m.poke(ilk, Price.fromDouble(rng.nextInt(200) == 0 ? 0 : price, noliq.math.Rounding.DOWN));
            yield "poke";
          }
          case 1 -> {
            m.join(ilk, u, milli(rng, 20_000));
            yield "join";
          }
          case 2 -> {
            m.exit(ilk, u, milli(rng, 5_000));
            yield "exit";
          }
          case 3, 4 -> {
            BigInteger dink = milli(rng, 10_000);
            BigInteger dart = milli(rng, 30_000_000);
            m.frob(ilk, u, rng.nextInt(4) == 0 ? dink.negate() : dink, rng.nextInt(3) == 0 ? dart.negate() : dart);
            yield "frob";
          }
          case 5 -> {
            m.fold(ilk, ray("0.0001").multiply(BigInteger.valueOf(1 + rng.nextInt(10))));
            yield "fold";
          }
          case 6, 7 -> {
            // barkRefusal answers as bark does: the same refusal, or none when it barks.
            var refusal = m.barkRefusal(ilk, u);
            if (kind == 7) {
              // tryBark barks exactly when barkRefusal finds nothing, and a refused one changes nothing.
              MakerEngine.Snapshot unchanged = refusal.isPresent() ? m.snapshot() : null;
              var barked = m.tryBark(ilk, u, v, now);
              assertThat(barked.isEmpty()).as("step %d: %s", step, refusal).isEqualTo(refusal.isPresent());
              if (barked.isPresent()) {
                yield "bark";
              }
              assertThat(m.snapshot()).as("step %d", step).isEqualTo(unchanged);
              tryBarkRefusals.merge(refusal.get().getClass().getSimpleName(), 1, Integer::sum);
              yield "tryBark refused";
            }
            try {
              m.bark(ilk, u, v, now);
            } catch (MakerRuleViolation e) {
              assertThat(refusal).as("step %d", step).contains(e.reason());
              throw e;
            }
            assertThat(refusal).as("step %d", step).isEmpty();
            yield "bark";
          }
          case 8, 9 -> {
            List<Long> live = m.activeAuctions();
            long id = live.isEmpty() ? 99 : live.get(rng.nextInt(live.size()));
            BigInteger max = live.isEmpty() ? ray("1") : m.status(id, now).price()
                .multiply(BigInteger.valueOf(95 + rng.nextInt(30))).divide(BigInteger.valueOf(100));
            m.take(id, milli(rng, 10_000), max, rng.nextBoolean() ? v : richest(m, users), now);
            yield "take";
          }
          case 10 -> {
            List<Long> live = m.activeAuctions();
            m.redo(live.isEmpty() ? 99 : live.get(rng.nextInt(live.size())), v, now);
            yield "redo";
          }
          default -> {
            if (rng.nextBoolean()) {
              m.move(u, v, milli(rng, 5_000_000).multiply(DssMath.RAY));
              yield "move";
            }
            m.heal(milli(rng, 1_000_000).multiply(DssMath.RAY));
            yield "heal";
          }
        };
        accepted.merge(name, 1, Integer::sum);
      } catch (MakerRuleViolation e) {
        refused++;
        if (before != null) {
          audited++;
          assertThat(m.snapshot()).as("refused step %d (%s) changed the state", step, e.getMessage()).isEqualTo(before);
        }
      }
      List<String> broken = m.violatedInvariants();
      if (!broken.isEmpty()) {
        throw new AssertionError("after step " + step + ": " + broken);
      }
      now = now.plusSeconds(rng.nextInt(240));
    }
    assertThat(accepted).containsKeys("poke", "join", "exit", "frob", "fold", "bark", "take", "redo", "move", "heal");
    assertThat(accepted.get("bark")).isGreaterThan(STEPS / 2500);
    // tryBark meets the room too small for a large vault (its shortcut) and safe vaults (the plan); a full Hole is
    // rare here and is DssEdgesTest's
    assertThat(tryBarkRefusals).as("%s", tryBarkRefusals).containsKeys("NotUnsafe", "DustyAuctionFromPartialLiquidation");
    assertThat(accepted.get("take")).isGreaterThan(STEPS / 2500);
    assertThat(refused).isGreaterThan(STEPS / 40);
    assertThat(audited).as("refusals audited").isGreaterThan(STEPS / AUDIT_EVERY / 40);
  }

  private static AccountId richest(MakerEngine m, AccountId[] users) {
    AccountId best = users[0];
    for (AccountId u : users) {
      if (m.dai(u).compareTo(m.dai(best)) > 0) {
        best = u;
      }
    }
    return best;
  }

  private static BigInteger milli(SplittableRandom rng, int maxMilli) {
    return BigInteger.valueOf(1 + rng.nextInt(maxMilli)).multiply(MILLI);
  }
}
