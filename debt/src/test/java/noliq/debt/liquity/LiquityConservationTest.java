package noliq.debt.liquity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.RuleViolation;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Long random sequences with fixed seeds, for both presets: six runs of {@value #STEPS} steps,
 * 1,000,000 operations per {@code ./mvnw verify}, on parallel threads. After every operation the
 * engine's conservation laws hold ({@link LiquityEngine#violatedInvariants()}: coll, debt, stakes,
 * pending rewards, pool balances; eight troves keep it cheap) and ETH is neither created nor
 * destroyed; on every {@value #AUDIT_EVERY}th step a refused operation is checked to leave the engine
 * and the book exactly as they were.
 */
@Execution(ExecutionMode.CONCURRENT)
class LiquityConservationTest {
  static final BigInteger MILLI = BigInteger.TEN.pow(15);
  static final int STEPS = 166_667;
  static final int AUDIT_EVERY = 8;

  @Tag("long") // a long seeded run: mutation testing leaves it out, shorter tests must kill the mutants
  @ParameterizedTest
  @CsvSource({"v1, 7", "v1, 1234", "v1, 20260601", "v2, 7", "v2, 1234", "v2, 20260601"})
  void randomSequencesConserveCollateralAndDebt(String preset, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    LiquityParams params = preset.equals("v1") ? LiquityParams.v1() : LiquityParams.v2Weth();
    Token stable = params.debtToken();
    TokenBook book = new TokenBook();
    AccountId[] users = new AccountId[8];
    for (int i = 0; i < users.length; i++) {
      users[i] = AccountId.of("u" + i);
      book.mint(Token.ETH, users[i], Amount.of(1_000));
    }
    Amount ethSupply = book.totalSupply(Token.ETH);
    LiquityEngine e = new LiquityEngine(book, params);
    double price = 2000;
    e.setPrice(Price.of(2000));
    TreeMap<String, Integer> accepted = new TreeMap<>();
    int refused = 0;
    int audited = 0;
    for (int step = 0; step < STEPS; step++) {
      AccountId u = users[rng.nextInt(users.length)];
      AccountId v = users[rng.nextInt(users.length)];
      LiquityEngine.Snapshot before = step % AUDIT_EVERY == 0 ? e.snapshot() : null;
      int kind = rng.nextInt(14);
      try {
        String name = switch (kind) {
          case 0, 1 -> {
            price = Math.max(100, price * Math.exp(0.07 * (rng.nextDouble() * 2 - 1.05)));
            e.setPrice(Price.fromDouble(rng.nextInt(300) == 0 ? 0 : price, noliq.math.Rounding.DOWN));
            yield "price";
          }
          case 2, 3 -> {
            e.openTrove(u, milli(rng, 30_000), milli(rng, 30_000_000));
            // v2's user-set rate, 0.5 % to 20 % a year in 0.1 % steps.
            e.setInterestRate(u, LiquityParams.pct("0.1").multiply(java.math.BigInteger.valueOf(5 + rng.nextInt(196))));
            yield "open";
          }
          case 4 -> {
            e.addCollateral(u, milli(rng, 5_000));
            yield "add";
          }
          case 5 -> {
            e.withdrawCollateral(u, milli(rng, 5_000));
            yield "withdraw";
          }
          case 6 -> {
            e.borrow(u, milli(rng, 5_000_000));
            yield "borrow";
          }
          case 7 -> {
            e.repay(u, milli(rng, 5_000_000));
            yield "repay";
          }
          case 8 -> {
            e.closeTrove(u);
            yield "close";
          }
          case 9 -> {
            e.provideToPool(u, milli(rng, 10_000_000));
            yield "provide";
          }
          case 10 -> {
            e.withdrawFromPool(u, milli(rng, 10_000_000));
            yield "unprovide";
          }
          case 11, 12 -> {
            List<AccountId> weak = e.belowMcr();
            e.liquidate(weak.isEmpty() || rng.nextInt(4) == 0 ? u : weak.get(0), v);
            yield "liquidate";
          }
          default -> {
            if (rng.nextInt(3) == 0) {
              e.accrueInterest(u, 1 + rng.nextInt(30 * 86_400));
              yield "accrue";
            }
            if (rng.nextBoolean()) {
              e.claimSurplus(u);
              yield "claim";
            }
            book.atomically(() -> book.transfer(stable, u, v, milli(rng, 2_000_000)));
            yield "transfer";
          }
        };
        accepted.merge(name, 1, Integer::sum);
      } catch (RuleViolation refusal) {
        refused++;
        if (before != null) {
          audited++;
          assertThat(e.snapshot()).as("refused step %d (%s) changed the state", step, refusal.getMessage()).isEqualTo(before);
        }
      }
      List<String> broken = e.violatedInvariants();
      if (!broken.isEmpty() || !book.totalSupply(Token.ETH).equals(ethSupply)) {
        throw new AssertionError("after step " + step + ": " + broken + ", ETH supply " + book.totalSupply(Token.ETH) + " (was " + ethSupply + ")");
      }
    }
    assertThat(audited).as("refusals audited").isGreaterThan(STEPS / AUDIT_EVERY / 20);
    assertThat(accepted).containsKeys("price", "open", "add", "withdraw", "borrow", "repay", "close", "provide",
        "unprovide", "liquidate", "transfer", "accrue");
    assertThat(accepted.get("liquidate")).isGreaterThan(20); // the price walk spends long stretches where no trove is below MCR
    assertThat(refused).isGreaterThan(STEPS / 30);
  }

  private static Amount milli(SplittableRandom rng, int maxMilli) {
    return Amount.ofWei(BigInteger.valueOf(1 + rng.nextInt(maxMilli)).multiply(MILLI));
  }
}
