package noliq.oracle.vote;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import noliq.math.Amount;
import noliq.math.Exact;
import noliq.math.Rounding;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import noliq.oracle.Answer;
import noliq.oracle.Backstop;
import noliq.oracle.OracleError;
import noliq.oracle.OracleException;
import noliq.oracle.RequestKey;
import noliq.oracle.Require;
import noliq.oracle.Verdict;

/**
 * The arbitration backstop: a token-weighted vote with commit and reveal phases, as UMA's DVM 2.0
 * (VotingV2) runs it. Voters stake the voting token into the pool account. Rounds sit on a fixed
 * grid: round {@code k} runs from {@code k × roundLength} to {@code (k + 1) × roundLength} seconds
 * after the epoch (VoteTiming), commit first, then reveal; an escalated question is voted on in the
 * round after the one it arrives in, so it waits (0, roundLength] before its first commit.
 *
 * <p>A round's thresholds are frozen the first time a vote is revealed in it (or stake is added
 * during its reveal phase): GAT in tokens, and the SPAT amount {@code floor(spat × cumulative
 * stake)} (VotingV2._freezeRoundVariables). A question resolves only if the revealed stake is
 * strictly greater than GAT and its modal answer's stake strictly greater than the SPAT amount
 * (ResultComputationV2.getResolvedPrice): so SPAT is a share of everything staked, and low turnout
 * rolls a vote that a share of the revealed stake alone would decide. Then wrong and missing votes
 * are slashed in favour of the correct voters, pro rata by stake. Otherwise the question rolls to
 * the next round; when its roll count exceeds {@code maxRolls} it is deleted (no answer).
 *
 * <p>A vote weighs the voter's stake when it committed, so stake added after seeing others'
 * reveals cannot tip a round.
 *
 * <p>Invariant, checkable on the book: the pool's balance equals the sum of all stakes.
 * Unstaking is refused while any question is being voted on, so stakes cannot flee a slash.
 */
public final class TokenVote implements Backstop {
  private final TokenBook book;
  private final Token token;
  private final AccountId pool;
  private final AccountId treasury;
  private final VoteConfig config;
  private final Map<AccountId, BigInteger> stakes = new TreeMap<>();
  private final Map<RequestKey, Question> questions = new HashMap<>();
  /** Per round id: the cumulative stake frozen for it (its SPAT base). */
  private final Map<Long, BigInteger> frozenStake = new HashMap<>();
  private final List<VoteEvent> events = new ArrayList<>();

  /** A question's state; one object per escalated key. */
  private static final class Question {
    final RequestKey key;
    Instant roundStart;
    int round = 1;
    final Map<AccountId, String> commits = new HashMap<>();
    /** Each committer's stake when it committed: its weight, so stake added after seeing reveals counts for nothing. */
    final Map<AccountId, BigInteger> commitWeights = new HashMap<>();
    final Map<AccountId, Answer> reveals = new LinkedHashMap<>();
    final Map<AccountId, BigInteger> weights = new HashMap<>();
    Verdict verdict;

    Question(RequestKey key, Instant start) {
      this.key = key;
      this.roundStart = start;
    }
  }

  public TokenVote(TokenBook book, Token token, AccountId pool, AccountId treasury, VoteConfig config) {
    this.book = Require.present(book, "book");
    this.token = Require.present(token, "token");
    this.pool = Require.present(pool, "pool");
    this.treasury = Require.present(treasury, "treasury");
    this.config = Require.present(config, "config");
    if (pool.equals(treasury)) {
      throw new OracleException(new OracleError.NotAllowed("treasury", "must differ from the pool account"));
    }
  }

  public VoteConfig config() {
    return config;
  }

  public Token token() {
    return token;
  }

  public AccountId pool() {
    return pool;
  }

  /** Moves {@code amount} of the voting token from {@code voter} into the pool as stake. */
  public VoteEvent.Staked stake(AccountId voter, Amount amount, Instant now) {
    Require.present(voter, "voter");
    Require.positive(amount, "amount");
    Require.present(now, "now");
    return book.atomically(() -> {
      // Stake added during a reveal phase does not move that round's thresholds (VotingV2's pending stake).
      for (Question q : questions.values()) {
        if (q.verdict == null && inReveal(q, now)) {
          freeze(roundId(q.roundStart));
        }
      }
      book.transfer(token, voter, pool, amount);
      BigInteger before = stakes.get(voter);
      stakes.merge(voter, amount.wei(), BigInteger::add);
      book.onRollback(() -> restore(voter, before));
      return record(new VoteEvent.Staked(voter, amount, now));
    });
  }

  /** Returns stake to {@code voter}; refused while any question is open, so no one escapes a slash. */
  public VoteEvent.Unstaked unstake(AccountId voter, Amount amount, Instant now) {
    Require.present(voter, "voter");
    Require.positive(amount, "amount");
    Require.present(now, "now");
    if (questions.values().stream().anyMatch(q -> q.verdict == null)) {
      throw new OracleException(new OracleError.NotAllowed("voter", "unstaking is locked while a vote is open"));
    }
    BigInteger have = stakes.getOrDefault(voter, BigInteger.ZERO);
    if (have.compareTo(amount.wei()) < 0) {
      throw new OracleException(new OracleError.OutOfRange("amount", "at most the stake " + new Amount(have), amount.toString()));
    }
    return book.atomically(() -> {
      book.transfer(token, pool, voter, amount);
      restore(voter, have.subtract(amount.wei()));
      book.onRollback(() -> restore(voter, have));
      return record(new VoteEvent.Unstaked(voter, amount, now));
    });
  }

  public Amount stakeOf(AccountId voter) {
    return new Amount(stakes.getOrDefault(voter, BigInteger.ZERO));
  }

  public Amount totalStaked() {
    return new Amount(stakes.values().stream().reduce(BigInteger.ZERO, BigInteger::add));
  }

  /**
   * Opens a vote on {@code key}: it is voted on in the next round of the grid (VotingV2 requests go
   * to {@code currentRoundId + 1}), whose commit phase starts at {@link #nextRoundStart(Instant)}.
   */
  @Override
  public void escalate(RequestKey key, Instant now) {
    Require.present(key, "key");
    Require.present(now, "now");
    if (questions.containsKey(key)) {
      throw new OracleException(new OracleError.DuplicateRequest("key", key));
    }
    questions.put(key, new Question(key, nextRoundStart(now)));
    book.onRollback(() -> questions.remove(key));
    record(new VoteEvent.Opened(key, now));
  }

  @Override
  public Optional<Verdict> verdict(RequestKey key) {
    Question q = questions.get(key);
    return q == null ? Optional.empty() : Optional.ofNullable(q.verdict);
  }

  /** The round id of the grid that {@code t} falls in: {@code floor(epoch seconds / round length)}. */
  public long roundId(Instant t) {
    Require.present(t, "t");
    return Math.floorDiv(t.getEpochSecond(), config.roundLength().toSeconds());
  }

  /** When the round after the one {@code now} falls in starts: where an escalation is voted on. */
  public Instant nextRoundStart(Instant now) {
    long length = config.roundLength().toSeconds();
    return Instant.ofEpochSecond(Math.multiplyExact(roundId(now) + 1, length));
  }

  /**
   * The cumulative stake frozen for the round starting at {@code roundStart}, or empty if nothing
   * froze it yet (no reveal, no stake added during its reveal phase).
   */
  public Optional<Amount> frozenStake(Instant roundStart) {
    BigInteger v = frozenStake.get(roundId(roundStart));
    return v == null ? Optional.empty() : Optional.of(new Amount(v));
  }

  /** The round now being voted on (1 = first; each roll adds one). */
  public int round(RequestKey key) {
    return question(key).round;
  }

  /** When the current round's commit phase opened. */
  public Instant roundStart(RequestKey key) {
    return question(key).roundStart;
  }

  /**
   * The commitment a voter posts: a hash of the request, the round, the voter, the answer and a
   * secret salt, so the answer stays hidden until it is revealed.
   */
  public static String commitment(RequestKey key, int round, AccountId voter, Answer answer, long salt) {
    String text = key + "|" + round + "|" + voter + "|" + answer + "|" + salt;
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** Records {@code voter}'s hidden vote in the commit phase; a voter may re-commit to change it. */
  public VoteEvent.Committed commit(RequestKey key, AccountId voter, String hash, Instant now) {
    Require.present(voter, "voter");
    Require.present(hash, "hash");
    Require.present(now, "now");
    Question q = open(key);
    Instant revealOpens = q.roundStart.plus(config.commitPhase());
    if (now.isBefore(q.roundStart)) {
      throw new OracleException(new OracleError.TooEarly("now", "commit", q.roundStart, now));
    }
    if (!now.isBefore(revealOpens)) {
      throw new OracleException(new OracleError.TooLate("now", "commit", revealOpens, now));
    }
    if (stakes.getOrDefault(voter, BigInteger.ZERO).signum() == 0) {
      throw new OracleException(new OracleError.NotAllowed("voter", voter + " has no stake"));
    }
    String before = q.commits.put(voter, hash);
    BigInteger weightBefore = q.commitWeights.put(voter, stakes.get(voter));
    book.onRollback(() -> {
      if (before == null) {
        q.commits.remove(voter);
        q.commitWeights.remove(voter);
      } else {
        q.commits.put(voter, before);
        q.commitWeights.put(voter, weightBefore);
      }
    });
    return record(new VoteEvent.Committed(key, q.round, voter, now));
  }

  /** Opens {@code voter}'s committed vote in the reveal phase; it must match the commitment. */
  public VoteEvent.Revealed reveal(RequestKey key, AccountId voter, Answer answer, long salt, Instant now) {
    Require.present(voter, "voter");
    Require.present(answer, "answer");
    Require.present(now, "now");
    Question q = open(key);
    Instant opens = q.roundStart.plus(config.commitPhase());
    Instant closes = opens.plus(config.revealPhase());
    if (now.isBefore(opens)) {
      throw new OracleException(new OracleError.TooEarly("now", "reveal", opens, now));
    }
    if (!now.isBefore(closes)) {
      throw new OracleException(new OracleError.TooLate("now", "reveal", closes, now));
    }
    String committed = q.commits.get(voter);
    if (committed == null) {
      throw new OracleException(new OracleError.NotAllowed("voter", voter + " did not commit in round " + q.round));
    }
    if (q.reveals.containsKey(voter)) {
      throw new OracleException(new OracleError.NotAllowed("voter", voter + " already revealed in round " + q.round));
    }
    if (!committed.equals(commitment(key, q.round, voter, answer, salt))) {
      throw new OracleException(new OracleError.NotAllowed("answer", "does not match the commitment of " + voter));
    }
    BigInteger weight = q.commitWeights.get(voter);
    freeze(roundId(q.roundStart));
    q.reveals.put(voter, answer);
    q.weights.put(voter, weight);
    book.onRollback(() -> {
      q.reveals.remove(voter);
      q.weights.remove(voter);
    });
    return record(new VoteEvent.Revealed(key, q.round, voter, answer, new Amount(weight), now));
  }

  /**
   * Tallies the current round after its reveal phase: resolves (and slashes), rolls, or deletes.
   */
  public VoteEvent resolve(RequestKey key, Instant now) {
    Require.present(now, "now");
    Question q = open(key);
    Instant ends = q.roundStart.plus(config.roundLength());
    if (now.isBefore(ends)) {
      throw new OracleException(new OracleError.TooEarly("now", "resolve", ends, now));
    }
    return book.atomically(() -> tally(q, ends, now));
  }

  private VoteEvent tally(Question q, Instant roundEnd, Instant now) {
    BigInteger revealed = BigInteger.ZERO;
    Map<Answer, BigInteger> byAnswer = new LinkedHashMap<>();
    for (Map.Entry<AccountId, Answer> e : q.reveals.entrySet()) {
      BigInteger w = q.weights.get(e.getKey());
      revealed = revealed.add(w);
      byAnswer.merge(e.getValue(), w, BigInteger::add);
    }
    Answer top = null;
    BigInteger topStake = BigInteger.ZERO;
    for (Map.Entry<Answer, BigInteger> e : byAnswer.entrySet()) {
      if (e.getValue().compareTo(topStake) > 0) {
        top = e.getKey();
        topStake = e.getValue();
      }
    }
    // ResultComputationV2: resolved only if totalVotes > GAT and the mode's votes > floor(spat × cumulative stake).
    BigInteger cumulative = frozenStake.getOrDefault(roundId(q.roundStart), totalStaked().wei());
    BigInteger minModal = Exact.mulDiv(config.spatWad(), cumulative, Exact.WAD, Rounding.DOWN);
    String missed = null;
    if (revealed.compareTo(config.gat().wei()) <= 0) {
      missed = "GAT";
    } else if (top == null || topStake.compareTo(minModal) <= 0) {
      missed = "SPAT";
    }
    if (missed != null) {
      return roll(q, roundEnd, new Amount(revealed), new Amount(topStake), missed, now);
    }
    return settle(q, top, revealed, now);
  }

  private VoteEvent roll(Question q, Instant roundEnd, Amount revealed, Amount topStake, String missed, Instant now) {
    int rolledRounds = q.round;
    Instant start = q.roundStart;
    Map<AccountId, String> commits = new HashMap<>(q.commits);
    Map<AccountId, BigInteger> commitWeights = new HashMap<>(q.commitWeights);
    Map<AccountId, Answer> reveals = new LinkedHashMap<>(q.reveals);
    Map<AccountId, BigInteger> weights = new HashMap<>(q.weights);
    book.onRollback(() -> {
      q.round = rolledRounds;
      q.roundStart = start;
      q.commits.clear();
      q.commits.putAll(commits);
      q.commitWeights.clear();
      q.commitWeights.putAll(commitWeights);
      q.reveals.clear();
      q.reveals.putAll(reveals);
      q.weights.clear();
      q.weights.putAll(weights);
      q.verdict = null;
    });
    q.commits.clear();
    q.commitWeights.clear();
    q.reveals.clear();
    q.weights.clear();
    // This miss makes the roll count q.round; VotingV2 deletes when rollCount > maxRolls.
    if (q.round > config.maxRolls()) {
      q.verdict = new Verdict.Deleted(q.round);
      return record(new VoteEvent.Deleted(q.key, q.round, now));
    }
    q.round++;
    // Rounds follow one another like UMA's fixed voting rounds: the next one starts where this one ended.
    q.roundStart = roundEnd;
    return record(new VoteEvent.Rolled(q.key, rolledRounds, revealed, topStake, missed, roundEnd, now));
  }

  private VoteEvent settle(Question q, Answer winner, BigInteger revealed, Instant now) {
    Map<AccountId, BigInteger> before = new TreeMap<>(stakes);
    book.onRollback(() -> {
      stakes.clear();
      stakes.putAll(before);
      q.verdict = null;
    });
    // VotingV2: slashed = noVoteSlash * stake of non-voters + wrongVoteSlash * stake of wrong voters,
    // each rounded down, then shared among correct voters pro rata by their revealed weight.
    Map<AccountId, BigInteger> changes = new TreeMap<>();
    BigInteger slashed = BigInteger.ZERO;
    BigInteger correctWeight = BigInteger.ZERO;
    for (Map.Entry<AccountId, BigInteger> e : before.entrySet()) {
      AccountId voter = e.getKey();
      Answer vote = q.reveals.get(voter);
      if (vote != null && vote.equals(winner)) {
        correctWeight = correctWeight.add(q.weights.get(voter));
        continue;
      }
      BigInteger rate = vote == null ? config.noVoteSlashWad() : config.wrongVoteSlashWad();
      BigInteger slash = Exact.mulDiv(e.getValue(), rate, Exact.WAD, Rounding.DOWN);
      if (slash.signum() > 0) {
        stakes.put(voter, e.getValue().subtract(slash));
        changes.put(voter, slash.negate());
        slashed = slashed.add(slash);
      }
    }
    BigInteger paid = BigInteger.ZERO;
    for (Map.Entry<AccountId, Answer> e : q.reveals.entrySet()) {
      if (!e.getValue().equals(winner)) {
        continue;
      }
      BigInteger share = Exact.mulDiv(slashed, q.weights.get(e.getKey()), correctWeight, Rounding.DOWN);
      if (share.signum() > 0) {
        stakes.merge(e.getKey(), share, BigInteger::add);
        changes.merge(e.getKey(), share, BigInteger::add);
        paid = paid.add(share);
      }
    }
    BigInteger dust = slashed.subtract(paid);
    if (dust.signum() > 0) {
      book.transfer(token, pool, treasury, new Amount(dust));
    }
    stakes.values().removeIf(v -> v.signum() == 0);
    q.verdict = new Verdict.Decided(winner);
    return record(new VoteEvent.Resolved(q.key, q.round, winner, new Amount(revealed), new Amount(slashed),
        Collections.unmodifiableMap(changes), new Amount(dust), now));
  }

  private boolean inReveal(Question q, Instant now) {
    Instant opens = q.roundStart.plus(config.commitPhase());
    return !now.isBefore(opens) && now.isBefore(opens.plus(config.revealPhase()));
  }

  /** Freezes a round's SPAT base at the current cumulative stake, once (VotingV2._freezeRoundVariables). */
  private void freeze(long roundId) {
    if (!frozenStake.containsKey(roundId)) {
      frozenStake.put(roundId, totalStaked().wei());
      book.onRollback(() -> frozenStake.remove(roundId));
    }
  }

  public List<VoteEvent> events() {
    return Collections.unmodifiableList(events);
  }

  private Question question(RequestKey key) {
    Require.present(key, "key");
    Question q = questions.get(key);
    if (q == null) {
      throw new OracleException(new OracleError.UnknownRequest("key", key));
    }
    return q;
  }

  private Question open(RequestKey key) {
    Question q = question(key);
    if (q.verdict != null) {
      throw new OracleException(new OracleError.WrongState("key", "voting", "closed (" + q.verdict + ")"));
    }
    return q;
  }

  private void restore(AccountId voter, BigInteger value) {
    if (value == null || value.signum() == 0) {
      stakes.remove(voter);
    } else {
      stakes.put(voter, value);
    }
  }

  private <E extends VoteEvent> E record(E event) {
    events.add(event);
    book.onRollback(() -> events.remove(events.size() - 1));
    return event;
  }
}
