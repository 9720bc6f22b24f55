package noliq.lab.study.options;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import noliq.oracle.Answer;
import noliq.oracle.RequestKey;
import noliq.oracle.SettlementPort;
import noliq.oracle.optimistic.OptimisticConfig;
import noliq.oracle.optimistic.OptimisticOracle;
import noliq.oracle.vote.TokenVote;
import noliq.oracle.vote.VoteConfig;
import noliq.options.Series;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The slow settlement oracle of one simulated path: the real {@link OptimisticOracle} behind the
 * ledger's {@link SettlementPort}, with the real {@link TokenVote} (VotingV2's rules) behind it,
 * played by the lab as keeper and as every voter under the path's {@link SettlementGame}.
 *
 * <p>At maturity the value is requested and the game's attacker acts: a capture that pays proposes
 * the distorted value, stakes what decides the vote alone and votes for it; a delay attacker
 * disputes the true proposal and stakes, without voting, what blocks the honest answer; otherwise
 * (no attacker, or a capture that does not pay) a stated share of first proposals is wrong (twice
 * the truth) and disputed. Disputes go to the vote, which runs in VotingV2's fixed 48 h rounds:
 * the honest stake's turnout votes the truth, and the round resolves, rolls, or (after maxRolls)
 * is deleted, leaving the request disputed for ever. The keeper catches the vote up to each path
 * step at the exact phase times, so the result does not depend on the path's step size.
 */
final class SlowOracle {
  static final Token BOND = new Token("USDC");
  static final Token UMA = new Token("UMA");
  static final Amount UMA_BOND = Amount.of(750);
  static final Amount UMA_FINAL_FEE = Amount.of(250);
  private static final AccountId KEEPER = AccountId.of("keeper");
  private static final AccountId PROPOSER = AccountId.of("proposer");
  private static final AccountId WRONG_PROPOSER = AccountId.of("wrong-proposer");
  private static final AccountId DISPUTER = AccountId.of("disputer");
  private static final AccountId ATTACKER = AccountId.of("settlement-attacker");
  private static final AccountId VOTERS = AccountId.of("honest-voters");
  private static final AccountId ABSENT = AccountId.of("honest-absent");
  /** The bound on rounds the keeper plays per question and step: more than maxRolls + 1 can never be due. */
  private static final int MAX_ROUNDS_PER_CATCH_UP = 16;

  private final TokenBook book;
  private final OptimisticOracle oracle;
  private final TokenVote vote;
  private final SettlementPort port;
  private final double disputeProbability;
  private final SettlementGame game;
  /** Per escalated question: the answer each voting account commits (the attacker's only under a capture). */
  private final Map<RequestKey, Map<AccountId, Answer>> ballots = new LinkedHashMap<>();
  /** Per escalated question: the last round the keeper committed in, and the last it revealed in. */
  private final Map<RequestKey, int[]> played = new LinkedHashMap<>();
  private final Set<RequestKey> opened = new HashSet<>();
  private final Set<RequestKey> captured = new HashSet<>();
  /** Questions whose proposal was disputed: each went to the vote (an escalation). */
  private final Set<RequestKey> disputed = new HashSet<>();

  SlowOracle(TokenBook book, OptionsAssumptions a) {
    this.book = book;
    this.game = a.settlement();
    Duration phase = a.voteDuration().dividedBy(2);
    VoteConfig rules = VoteConfig.uma(Amount.of((long) SettlementGame.GAT_UMA));
    this.vote = new TokenVote(book, UMA, AccountId.of("vote-pool"), AccountId.of("vote-treasury"),
        new VoteConfig(phase, phase, rules.gat(), rules.spatWad(), rules.maxRolls(), rules.wrongVoteSlashWad(),
            rules.noVoteSlashWad()));
    this.oracle = new OptimisticOracle(book, BOND, AccountId.of("oo-escrow"), AccountId.of("oo-store"), vote,
        OptimisticConfig.uma(UMA_BOND, UMA_FINAL_FEE).withLiveness(a.liveness()));
    this.port = SettlementPort.halfHalf(oracle);
    this.disputeProbability = a.disputeProbability();
    Amount voting = Amount.fromDouble(game.voteStakeUma() * game.voteTurnout(), Rounding.DOWN);
    Amount absent = Amount.fromDouble(game.voteStakeUma(), Rounding.DOWN).minus(voting);
    stake(VOTERS, voting, Instant.EPOCH);
    stake(ABSENT, absent, Instant.EPOCH);
  }

  SettlementPort port() {
    return port;
  }

  /** The keeper's duty up to {@code now}: every vote phase due by then is played at its own time. */
  void advance(Instant now) {
    for (Map.Entry<RequestKey, Map<AccountId, Answer>> e : ballots.entrySet()) {
      RequestKey key = e.getKey();
      for (int i = 0; i < MAX_ROUNDS_PER_CATCH_UP && vote.verdict(key).isEmpty(); i++) {
        if (!playRound(key, e.getValue(), now)) {
          break;
        }
      }
    }
  }

  /**
   * Plays what is due of the current round of {@code key} by {@code now}: commits at its start,
   * reveals when its reveal phase opens, resolves at its end. True if the round was resolved (so
   * the next may be due too).
   */
  private boolean playRound(RequestKey key, Map<AccountId, Answer> voters, Instant now) {
    Instant start = vote.roundStart(key);
    int round = vote.round(key);
    Instant reveal = start.plus(vote.config().commitPhase());
    Instant end = start.plus(vote.config().roundLength());
    if (now.isBefore(start)) {
      return false;
    }
    int[] done = played.computeIfAbsent(key, k -> new int[2]);
    if (done[0] < round) {
      voters.forEach((who, answer) -> vote.commit(key, who, TokenVote.commitment(key, round, who, answer, round), start));
      done[0] = round;
    }
    if (now.isBefore(reveal)) {
      return false;
    }
    if (done[1] < round) {
      voters.forEach((who, answer) -> vote.reveal(key, who, answer, round, reveal));
      done[1] = round;
    }
    if (now.isBefore(end)) {
      return false;
    }
    vote.resolve(key, end);
    return true;
  }

  /**
   * Asks for {@code series}' value once, at {@code now} (at or after maturity), with the truth
   * {@code x}; the game's attacker acts now.
   */
  void open(Series series, double x, Instant now, UniformRandomProvider rng) {
    RequestKey key = SettlementPort.keyOf(series);
    if (!opened.add(key)) {
      return;
    }
    Answer truth = Answer.value(Price.fromDouble(x, Rounding.DOWN));
    oracle.request(key, KEEPER, Amount.ZERO, now);
    double strike = series.strike().toDouble();
    // the P outstanding, stated at issue (about S a unit, deep in the money), is worth min(x, S) a unit at the truth
    double openInterest = game.seriesOpenInterestUsd() * Math.min(x, strike) / strike;
    boolean capture = game.attacker() == SettlementGame.Attacker.CAPTURE
        && game.capturePays(openInterest, UMA_BOND.toDouble());
    if (capture) {
      // the answer that pays P (1 - distortion) of its true share: x' = S / ((1 - d) min(1, S/x)), at or above S
      double pTrue = Math.min(1, strike / x);
      Answer distorted = Answer.value(Price.fromDouble(strike / ((1 - game.captureDistortion()) * pTrue), Rounding.UP));
      topUpAttacker(game.captureStakeUma(), now);
      escalate(key, ATTACKER, distorted, DISPUTER, now, List.of(VOTERS, ATTACKER), truth, distorted);
      captured.add(key);
      return;
    }
    if (game.attacker() == SettlementGame.Attacker.DELAY) {
      topUpAttacker(game.blockStakeUma(), now);
      // the attacker disputes the true proposal and does not vote: only the honest turnout votes
      escalate(key, PROPOSER, truth, ATTACKER, now, List.of(VOTERS), truth, null);
      return;
    }
    if (rng.nextDouble() < disputeProbability) {
      Answer wrong = Answer.value(Price.fromDouble(2 * x, Rounding.DOWN));
      escalate(key, WRONG_PROPOSER, wrong, DISPUTER, now, List.of(VOTERS), truth, null);
    } else {
      book.mint(BOND, PROPOSER, oracle.config().totalBond());
      oracle.propose(key, PROPOSER, truth, now);
    }
  }

  /** A proposal disputed at once; the listed accounts vote: the honest ones the truth, the attacker its answer. */
  private void escalate(RequestKey key, AccountId proposer, Answer proposed, AccountId disputer, Instant now,
      List<AccountId> voting, Answer truth, Answer attackers) {
    book.mint(BOND, proposer, oracle.config().totalBond());
    book.mint(BOND, disputer, oracle.config().totalBond());
    oracle.propose(key, proposer, proposed, now);
    oracle.dispute(key, disputer, now);
    disputed.add(key);
    Map<AccountId, Answer> voters = new LinkedHashMap<>();
    for (AccountId who : voting) {
      voters.put(who, who.equals(ATTACKER) ? attackers : truth);
    }
    ballots.put(key, voters);
  }

  /** Stakes what the attacker still lacks of {@code needUma} tokens, plus one whole token: the thresholds are strict. */
  private void topUpAttacker(double needUma, Instant now) {
    BigInteger need = Amount.fromDouble(needUma, Rounding.UP).plus(Amount.ONE).wei();
    BigInteger have = vote.stakeOf(ATTACKER).wei();
    if (need.compareTo(have) > 0) {
      stake(ATTACKER, Amount.ofWei(need.subtract(have)), now);
    }
  }

  private void stake(AccountId who, Amount amount, Instant now) {
    if (amount.isPositive()) {
      book.mint(UMA, who, amount);
      vote.stake(who, amount, now);
    }
  }

  /** True once the oracle's answer for {@code series} is final at {@code now}. */
  boolean isFinal(Series series, Instant now) {
    advance(now);
    RequestKey key = SettlementPort.keyOf(series);
    return opened.contains(key) && oracle.finalAnswer(key, now).isPresent();
  }

  /** True if {@code series}' proposal was disputed, sending the question to the vote. */
  boolean disputed(Series series) {
    return disputed.contains(SettlementPort.keyOf(series));
  }

  /** The vote rounds {@code series}' question has opened so far: 0 when never disputed, more than 1 when it rolled. */
  int voteRounds(Series series) {
    RequestKey key = SettlementPort.keyOf(series);
    return disputed.contains(key) ? vote.round(key) : 0;
  }

  /** True if the attacker captured {@code series}' vote. */
  boolean captured(Series series) {
    return captured.contains(SettlementPort.keyOf(series));
  }
}
