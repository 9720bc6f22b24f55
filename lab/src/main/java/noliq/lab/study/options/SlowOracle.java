package noliq.lab.study.options;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import noliq.oracle.Answer;
import noliq.oracle.Backstop;
import noliq.oracle.RequestKey;
import noliq.oracle.SettlementPort;
import noliq.oracle.Verdict;
import noliq.oracle.optimistic.OptimisticConfig;
import noliq.oracle.optimistic.OptimisticOracle;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The slow settlement oracle of one simulated path: the real {@link OptimisticOracle} behind the
 * ledger's {@link SettlementPort}, driven by the lab as keeper. At maturity the value is requested;
 * with the stated dispute probability (drawn from the run's generator) the first proposal is wrong
 * (twice the true value) and an honest watcher disputes it at once, sending it to the vote, which
 * decides the true value {@code voteDuration} later; otherwise the true value is proposed and is
 * final after the liveness window. Bonds are minted to the proposer and disputer in the shared book.
 */
final class SlowOracle {
  static final Token BOND = new Token("USDC");
  static final Amount UMA_BOND = Amount.of(750);
  static final Amount UMA_FINAL_FEE = Amount.of(250);
  private static final AccountId KEEPER = AccountId.of("keeper");
  private static final AccountId PROPOSER = AccountId.of("proposer");
  private static final AccountId WRONG_PROPOSER = AccountId.of("wrong-proposer");
  private static final AccountId DISPUTER = AccountId.of("disputer");

  private final TokenBook book;
  private final OptimisticOracle oracle;
  private final SettlementPort port;
  private final ScheduledVote vote;
  private final double disputeProbability;

  SlowOracle(TokenBook book, OptionsAssumptions a) {
    this.book = book;
    this.vote = new ScheduledVote(a.voteDuration());
    this.oracle = new OptimisticOracle(book, BOND, AccountId.of("oo-escrow"), AccountId.of("oo-store"), vote,
        OptimisticConfig.uma(UMA_BOND, UMA_FINAL_FEE).withLiveness(a.liveness()));
    this.port = SettlementPort.halfHalf(oracle);
    this.disputeProbability = a.disputeProbability();
  }

  SettlementPort port() {
    return port;
  }

  /** Moves the vote's clock: verdicts due by {@code now} are out. */
  void advance(Instant now) {
    vote.now = now;
  }

  /** Asks for {@code key}'s value once, at {@code now} (at or after maturity), with the truth {@code x}. */
  void open(RequestKey key, double x, Instant now, UniformRandomProvider rng) {
    if (vote.truth.containsKey(key)) {
      return;
    }
    Answer truth = Answer.value(Price.fromDouble(x, Rounding.DOWN));
    vote.truth.put(key, truth);
    vote.now = now;
    oracle.request(key, KEEPER, Amount.ZERO, now);
    boolean disputed = rng.nextDouble() < disputeProbability;
    if (disputed) {
      book.mint(BOND, WRONG_PROPOSER, oracle.config().totalBond());
      book.mint(BOND, DISPUTER, oracle.config().totalBond());
      oracle.propose(key, WRONG_PROPOSER, Answer.value(Price.fromDouble(2 * x, Rounding.DOWN)), now);
      oracle.dispute(key, DISPUTER, now);
    } else {
      book.mint(BOND, PROPOSER, oracle.config().totalBond());
      oracle.propose(key, PROPOSER, truth, now);
    }
  }

  boolean isFinal(RequestKey key, Instant now) {
    vote.now = now;
    return vote.truth.containsKey(key) && oracle.finalAnswer(key, now).isPresent();
  }

  /** The vote behind a dispute: decides the true value a stated time after escalation. */
  static final class ScheduledVote implements Backstop {
    final Duration duration;
    final Map<RequestKey, Answer> truth = new HashMap<>();
    final Map<RequestKey, Instant> escalated = new HashMap<>();
    Instant now = Instant.EPOCH;

    ScheduledVote(Duration duration) {
      this.duration = duration;
    }

    @Override
    public void escalate(RequestKey key, Instant at) {
      escalated.put(key, at);
    }

    @Override
    public Optional<Verdict> verdict(RequestKey key) {
      Instant at = escalated.get(key);
      if (at == null || now.isBefore(at.plus(duration))) {
        return Optional.empty();
      }
      return Optional.of(new Verdict.Decided(truth.get(key)));
    }
  }
}
