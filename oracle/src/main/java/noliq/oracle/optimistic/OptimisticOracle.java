package noliq.oracle.optimistic;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import noliq.math.Amount;
import noliq.math.Rounding;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import noliq.oracle.Answer;
import noliq.oracle.FinalAnswers;
import noliq.oracle.Backstop;
import noliq.oracle.OracleError;
import noliq.oracle.OracleException;
import noliq.oracle.RequestKey;
import noliq.oracle.Require;
import noliq.oracle.Verdict;

/**
 * The slow settlement oracle, after UMA's OptimisticOracleV2: after maturity a value is requested,
 * a proposer posts it with {@code bond + finalFee}, and unless someone disputes it (posting the
 * same) before the liveness window ends, it becomes final. A dispute escalates to the
 * {@link Backstop} (the vote), whose verdict decides who was right; or, for the first
 * {@code resetsBeforeVote} disputes, reopens the request for a fresh proposal.
 *
 * <p>Under the deployed {@link BondRule#CONTRACT} rule a dispute pays {@code finalFee + floor(bond/2)}
 * to the store at once, as OptimisticOracleV2.disputePriceFor does; every other posted token sits in
 * the escrow account of the shared book until {@link #settle} pays it to a named party. So, at every
 * moment, the escrow holds exactly the posted bonds and rewards of the unsettled requests, less what
 * the store already took ({@link #escrowed()}).
 *
 * <p>If the vote deletes the question (it rolled more than {@code maxRolls} times) the request stays
 * DISPUTED for ever, as in OOv2 with VotingV2: no answer, no refund, nothing to settle. What a
 * product does then is its own rule (the options ledger's settlement timeout).
 */
public final class OptimisticOracle implements FinalAnswers {
  private final TokenBook book;
  private final Token currency;
  private final AccountId escrow;
  private final AccountId store;
  private final Backstop backstop;
  private final OptimisticConfig config;
  private final Map<RequestKey, Request> requests = new TreeMap<>();
  private final List<OptimisticEvent> events = new ArrayList<>();

  /** One proposal and, perhaps, its dispute. */
  public record Round(AccountId proposer, Answer answer, Instant proposedAt, Instant expiresAt,
      AccountId disputer, Instant disputedAt, boolean escalated) {
    Round disputed(AccountId by, Instant at, boolean toVote) {
      return new Round(proposer, answer, proposedAt, expiresAt, by, at, toVote);
    }
  }

  /** A request's state: who asked, the reward, the rounds so far, and whether it was settled. */
  public record Request(RequestKey key, AccountId requester, Amount reward, Instant requestedAt,
      List<Round> rounds, boolean settled, Answer settledAnswer) {}

  public OptimisticOracle(TokenBook book, Token currency, AccountId escrow, AccountId store,
      Backstop backstop, OptimisticConfig config) {
    this.book = Require.present(book, "book");
    this.currency = Require.present(currency, "currency");
    this.escrow = Require.present(escrow, "escrow");
    this.store = Require.present(store, "store");
    this.backstop = Require.present(backstop, "backstop");
    this.config = Require.present(config, "config");
    if (escrow.equals(store)) {
      throw new OracleException(new OracleError.NotAllowed("store", "must differ from the escrow account"));
    }
  }

  public OptimisticConfig config() {
    return config;
  }

  public Token currency() {
    return currency;
  }

  public AccountId escrow() {
    return escrow;
  }

  public AccountId store() {
    return store;
  }

  /**
   * Asks for the value of {@code key}, once its maturity has passed, escrowing {@code reward}
   * (may be zero) for the proposer who turns out right.
   */
  public OptimisticEvent.Requested request(RequestKey key, AccountId requester, Amount reward, Instant now) {
    Require.present(key, "key");
    Require.present(requester, "requester");
    Require.present(reward, "reward");
    Require.present(now, "now");
    if (requests.containsKey(key)) {
      throw new OracleException(new OracleError.DuplicateRequest("key", key));
    }
    if (now.isBefore(key.maturity())) {
      throw new OracleException(new OracleError.TooEarly("now", "request", key.maturity(), now));
    }
    return book.atomically(() -> {
      pull(requester, reward);
      requests.put(key, new Request(key, requester, reward, now, List.of(), false, null));
      book.onRollback(() -> requests.remove(key));
      return record(new OptimisticEvent.Requested(key, requester, reward, now));
    });
  }

  /** Proposes {@code answer}, posting {@code bond + finalFee}; the liveness window starts now. */
  public OptimisticEvent.Proposed propose(RequestKey key, AccountId proposer, Answer answer, Instant now) {
    Require.present(proposer, "proposer");
    Require.present(answer, "answer");
    Require.present(now, "now");
    Request r = request(key);
    RequestState state = state(key, now);
    if (state != RequestState.REQUESTED) {
      throw new OracleException(new OracleError.WrongState("key", "propose", state.name()));
    }
    Instant expires = now.plus(config.liveness());
    return book.atomically(() -> {
      pull(proposer, config.totalBond());
      List<Round> rounds = new ArrayList<>(r.rounds());
      rounds.add(new Round(proposer, answer, now, expires, null, null, false));
      replace(r, withRounds(r, rounds));
      return record(new OptimisticEvent.Proposed(key, rounds.size(), proposer, answer, config.totalBond(), expires, now));
    });
  }

  /**
   * Disputes the live proposal before its window ends, posting {@code bond + finalFee}. The
   * dispute escalates to the backstop, unless it is one of the first {@code resetsBeforeVote},
   * which reopen the request instead.
   */
  public OptimisticEvent.Disputed dispute(RequestKey key, AccountId disputer, Instant now) {
    Require.present(disputer, "disputer");
    Require.present(now, "now");
    Request r = request(key);
    RequestState state = state(key, now);
    if (state == RequestState.EXPIRED) {
      Round live = r.rounds().getLast();
      throw new OracleException(new OracleError.TooLate("now", "dispute", live.expiresAt(), now));
    }
    if (state != RequestState.PROPOSED) {
      throw new OracleException(new OracleError.WrongState("key", "dispute", state.name()));
    }
    int disputesSoFar = r.rounds().size() - 1;
    boolean escalate = disputesSoFar >= config.resetsBeforeVote();
    return book.atomically(() -> {
      pull(disputer, config.totalBond());
      List<Round> rounds = new ArrayList<>(r.rounds());
      rounds.set(rounds.size() - 1, rounds.getLast().disputed(disputer, now, escalate));
      replace(r, withRounds(r, rounds));
      Amount fee = storeFeeAtDispute();
      if (fee.isPositive()) {
        book.transfer(currency, escrow, store, fee);
      }
      if (escalate) {
        backstop.escalate(key, now);
      }
      return record(new OptimisticEvent.Disputed(key, rounds.size(), disputer, config.totalBond(), escalate, now));
    });
  }

  /** The state of {@code key} at {@code now}. */
  public RequestState state(RequestKey key, Instant now) {
    Require.present(now, "now");
    Request r = request(key);
    if (r.settled()) {
      return RequestState.SETTLED;
    }
    if (r.rounds().isEmpty()) {
      return RequestState.REQUESTED;
    }
    Round live = r.rounds().getLast();
    if (live.disputer() == null) {
      return now.isBefore(live.expiresAt()) ? RequestState.PROPOSED : RequestState.EXPIRED;
    }
    if (!live.escalated()) {
      return RequestState.REQUESTED;
    }
    // A deleted vote never resolves: the request stays disputed.
    return backstop.verdict(key).filter(v -> v instanceof Verdict.Decided).isPresent()
        ? RequestState.RESOLVED : RequestState.DISPUTED;
  }

  /**
   * True when {@code key} went to the vote and the vote deleted it: the request is disputed for
   * ever, with no answer and its bonds locked (the store already took its share at dispute time).
   */
  public boolean abandoned(RequestKey key) {
    Request r = request(key);
    return !r.settled() && !r.rounds().isEmpty() && r.rounds().getLast().escalated()
        && backstop.verdict(key).filter(v -> v instanceof Verdict.Deleted).isPresent();
  }

  /** What the store takes from a dispute when it is made: {@code finalFee + floor(bond/2)} under the contract's rule. */
  public Amount storeFeeAtDispute() {
    return config.rule() == BondRule.CONTRACT ? config.finalFee().plus(burnedBond()) : Amount.ZERO;
  }

  /** {@code floor(bond / 2)}, as OptimisticOracleV2._computeBurnedBond. */
  private Amount burnedBond() {
    return config.bond().mulDiv(BigInteger.ONE, BigInteger.TWO, Rounding.DOWN);
  }

  /**
   * The final answer of {@code key} at {@code now}, or empty while it can still change. This is
   * the only value anything may settle from.
   */
  @Override
  public Optional<Answer> finalAnswer(RequestKey key, Instant now) {
    Request r = request(key);
    if (r.settled()) {
      return Optional.of(r.settledAnswer());
    }
    return switch (state(key, now)) {
      case EXPIRED -> Optional.of(r.rounds().getLast().answer());
      case RESOLVED -> Optional.of(fromVerdict(backstop.verdict(key).orElseThrow()));
      default -> Optional.empty();
    };
  }

  /** The final answer, or an error saying why there is none yet. */
  public Answer requireFinal(RequestKey key, Instant now) {
    return finalAnswer(key, now).orElseThrow(() ->
        new OracleException(new OracleError.NotFinal("key", key, state(key, now).name())));
  }

  /**
   * Pays out every bond and the reward once the value is final: each disputed round to its winner
   * (the side the final answer agrees with) and the store, per the {@link BondRule}; the last
   * undisputed proposal gets its bond back and the reward. A request whose vote was deleted has
   * no final answer and is never settled.
   */
  public OptimisticEvent.Settled settle(RequestKey key, Instant now) {
    Request r = request(key);
    RequestState state = state(key, now);
    if (state == RequestState.SETTLED) {
      throw new OracleException(new OracleError.WrongState("key", "settle", "SETTLED"));
    }
    Answer answer = finalAnswer(key, now).orElseThrow(() ->
        new OracleException(new OracleError.NotFinal("key", key, state.name())));
    List<OptimisticEvent.Payout> payouts = new ArrayList<>();
    for (int i = 0; i < r.rounds().size(); i++) {
      Round round = r.rounds().get(i);
      boolean last = i == r.rounds().size() - 1;
      if (round.disputer() == null) {
        add(payouts, round.proposer(), config.totalBond(), "bond returned: undisputed proposal");
        if (last) {
          add(payouts, round.proposer(), r.reward(), "reward");
        }
      } else {
        splitDisputed(round, answer, payouts);
        if (last) {
          AccountId winner = round.answer().equals(answer) ? round.proposer() : round.disputer();
          add(payouts, winner, r.reward(), "reward");
        }
      }
    }
    return book.atomically(() -> {
      for (OptimisticEvent.Payout p : payouts) {
        book.transfer(currency, escrow, p.to(), p.amount());
      }
      replace(r, new Request(r.key(), r.requester(), r.reward(), r.requestedAt(), r.rounds(), true, answer));
      return record(new OptimisticEvent.Settled(key, answer, List.copyOf(payouts), now));
    });
  }

  private void splitDisputed(Round round, Answer answer, List<OptimisticEvent.Payout> payouts) {
    boolean proposerWins = round.answer().equals(answer);
    AccountId winner = proposerWins ? round.proposer() : round.disputer();
    Amount bond = config.bond();
    Amount finalFee = config.finalFee();
    Amount burned = burnedBond();
    Amount unburned = bond.minus(burned);
    if (config.rule() == BondRule.DOCS_EXAMPLE && proposerWins) {
      add(payouts, winner, bond.plus(bond).plus(finalFee), "dispute won: both bonds and own final fee");
      add(payouts, store, finalFee, "store: loser's final fee");
      return;
    }
    add(payouts, winner, bond.plus(unburned).plus(finalFee), "dispute won: own bond, unburned half of loser's, final fee");
    if (config.rule() == BondRule.DOCS_EXAMPLE) {
      // the docs' arithmetic splits at settlement; the contract's store share left at dispute time
      add(payouts, store, finalFee.plus(burned), "store: final fee and burned half of loser's bond");
    }
  }

  private static void add(List<OptimisticEvent.Payout> payouts, AccountId to, Amount amount, String why) {
    if (amount.isPositive()) {
      payouts.add(new OptimisticEvent.Payout(to, amount, why));
    }
  }

  private static Answer fromVerdict(Verdict v) {
    return switch (v) {
      case Verdict.Decided d -> d.answer();
      case Verdict.Deleted d -> throw new IllegalStateException("a deleted vote has no answer; state() keeps it DISPUTED");
    };
  }

  public Request get(RequestKey key) {
    return request(key);
  }

  public List<OptimisticEvent> events() {
    return Collections.unmodifiableList(events);
  }

  /** The escrow's due: every posted bond and reward of the requests not yet settled. */
  public Amount escrowed() {
    Amount sum = Amount.ZERO;
    for (Request r : requests.values()) {
      if (!r.settled()) {
        sum = sum.plus(r.reward());
        for (Round round : r.rounds()) {
          sum = sum.plus(config.totalBond());
          if (round.disputer() != null) {
            sum = sum.plus(config.totalBond()).minus(storeFeeAtDispute());
          }
        }
      }
    }
    return sum;
  }

  private Request request(RequestKey key) {
    Require.present(key, "key");
    Request r = requests.get(key);
    if (r == null) {
      throw new OracleException(new OracleError.UnknownRequest("key", key));
    }
    return r;
  }

  private static Request withRounds(Request r, List<Round> rounds) {
    return new Request(r.key(), r.requester(), r.reward(), r.requestedAt(), List.copyOf(rounds), r.settled(), r.settledAnswer());
  }

  private void replace(Request before, Request after) {
    requests.put(after.key(), after);
    book.onRollback(() -> requests.put(before.key(), before));
  }

  private void pull(AccountId from, Amount amount) {
    if (amount.isPositive()) {
      book.transfer(currency, from, escrow, amount);
    }
  }

  private <E extends OptimisticEvent> E record(E event) {
    events.add(event);
    book.onRollback(() -> events.remove(events.size() - 1));
    return event;
  }
}
