package noliq.oracle.optimistic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import noliq.oracle.Answer;
import noliq.oracle.OracleError;
import noliq.oracle.OracleException;
import noliq.oracle.RequestKey;
import noliq.oracle.Require;
import noliq.oracle.vote.TokenVote;
import noliq.oracle.vote.VoteConfig;
import noliq.oracle.vote.VoteEvent;

/**
 * Plays one settlement through the real {@link OptimisticOracle} and {@link TokenVote} on a
 * scratch book, on a virtual clock, and reports each phase's timing and where every bond went.
 *
 * <p>The script: a wrong value is proposed right after maturity; an honest watcher disputes it
 * {@code disputeAfter} into the window. The first {@code disputes - 1} disputes reopen the
 * request (the proposer tries again), the last escalates to the vote. The vote runs in the next
 * round of VotingV2's fixed 48 h grid (so the question first waits up to 48 h), misses GAT for
 * {@code voteRounds - 1} rounds (nobody votes) and resolves in the last with the true value; or,
 * if {@code deleted}, misses all {@code maxRolls + 1} rounds and is deleted: the request stays
 * disputed with no answer and its bonds locked, and the options ledger's settlement timeout
 * decides the series. With no dispute, the proposal is true and stands after the liveness window.
 * Each dispute pays the store {@code finalFee + floor(bond/2)} at once.
 */
public final class SettlementTimeline {
  /** Mainnet's most rounds a question is voted on: 1 + maxRolls (4). */
  public static final int MAX_VOTE_ROUNDS = VoteConfig.UMA_MAX_ROLLS + 1;
  private static final Token BOND_TOKEN = new Token("USDC");
  private static final Token VOTE_TOKEN = new Token("UMA");
  /** Maturity of the scripted series: 08:00 UTC, 40 h before the next round of the 48 h grid. */
  public static final Instant MATURITY = Instant.parse("2026-12-25T08:00:00Z");
  private static final Answer TRUE_VALUE = Answer.value(Price.of(3000));
  private static final Answer WRONG_VALUE = Answer.value(Price.of(30000));
  private static final String STORE = "store (burned)";

  private SettlementTimeline() {}

  /** One phase: what happens, when (hours after maturity), and how long it lasts. */
  public record Phase(String name, Duration start, Duration end) {
    public Duration length() {
      return end.minus(start);
    }
  }

  /** One payment: at a dispute (to the store) or at settlement. */
  public record Flow(String to, Amount amount, String why) {}

  /**
   * The whole settlement: phases, total latency (to the final answer, or to the deletion), what each
   * side posted, every payout, what the store took, and, if the vote was deleted, what stays locked
   * and when the ledger's timeout settles the series instead ({@code finalAnswer} is then null).
   */
  public record Timeline(Duration liveness, int disputes, int voteRounds, Amount bond, Amount finalFee,
      List<Phase> phases, Duration latency, Answer finalAnswer, Amount posted, List<Flow> flows, Amount burned,
      boolean deleted, Amount locked, Duration ledgerTimeout) {}

  public static Timeline run(Duration liveness, int disputes, int voteRounds, Duration disputeAfter, Amount bond, Amount finalFee) {
    return run(liveness, disputes, voteRounds, disputeAfter, bond, finalFee, false);
  }

  public static Timeline run(Duration liveness, int disputes, int voteRounds, Duration disputeAfter, Amount bond,
      Amount finalFee, boolean deleted) {
    Require.positive(liveness, "liveness");
    Require.atLeast(disputes, 0, "disputes");
    Require.present(bond, "bond");
    Require.present(finalFee, "final-fee");
    Require.present(disputeAfter, "dispute-after");
    if (disputes == 0 && (voteRounds != 0 || deleted)) {
      throw new OracleException(new OracleError.OutOfRange(deleted ? "deleted" : "vote-rounds",
          "0 when nothing is disputed", deleted ? "true" : Integer.toString(voteRounds)));
    }
    if (disputes > 0 && (voteRounds < 1 || voteRounds > MAX_VOTE_ROUNDS)) {
      throw new OracleException(new OracleError.OutOfRange("vote-rounds",
          "between 1 and " + MAX_VOTE_ROUNDS + " (1 round + " + VoteConfig.UMA_MAX_ROLLS + " rolls) after a dispute",
          Integer.toString(voteRounds)));
    }
    if (deleted && voteRounds != MAX_VOTE_ROUNDS) {
      throw new OracleException(new OracleError.OutOfRange("vote-rounds",
          MAX_VOTE_ROUNDS + " when the vote is deleted (it misses every round)", Integer.toString(voteRounds)));
    }
    if (disputes > 50) {
      throw new OracleException(new OracleError.OutOfRange("disputes", "at most 50", Integer.toString(disputes)));
    }
    if (disputes > 0 && (disputeAfter.isNegative() || disputeAfter.compareTo(liveness) >= 0)) {
      throw new OracleException(new OracleError.OutOfRange("dispute-after", "within the liveness window " + liveness, disputeAfter.toString()));
    }
    TokenBook book = new TokenBook();
    AccountId requester = AccountId.of("requester");
    AccountId proposer = AccountId.of(disputes == 0 ? "proposer" : "wrong proposer");
    AccountId disputer = AccountId.of("honest disputer");
    AccountId voter = AccountId.of("voters");
    AccountId store = AccountId.of(STORE);
    Amount gat = Amount.of(5_000_000);
    // the voters stake just above GAT: all of it on the true value clears GAT and SPAT
    Amount staked = gat.plus(Amount.ONE);
    TokenVote vote = new TokenVote(book, VOTE_TOKEN, AccountId.of("vote pool"), AccountId.of("vote treasury"), VoteConfig.uma(gat));
    OptimisticConfig config = new OptimisticConfig(liveness, bond, finalFee, BondRule.CONTRACT, Math.max(0, disputes - 1));
    OptimisticOracle oo = new OptimisticOracle(book, BOND_TOKEN, AccountId.of("escrow"), store, vote, config);
    Amount funds = config.totalBond().times(disputes + 1L).plus(Amount.ONE);
    book.mint(BOND_TOKEN, proposer, funds);
    book.mint(BOND_TOKEN, disputer, funds);
    book.mint(VOTE_TOKEN, voter, staked);
    vote.stake(voter, staked, MATURITY);

    RequestKey key = new RequestKey("ETH/USD", MATURITY, "timeline");
    List<Phase> phases = new ArrayList<>();
    List<Flow> flows = new ArrayList<>();
    Instant t = MATURITY;
    oo.request(key, requester, Amount.ZERO, t);
    for (int d = 1; d <= disputes; d++) {
      oo.propose(key, proposer, WRONG_VALUE, t);
      Instant disputed = t.plus(disputeAfter);
      phases.add(new Phase("proposal " + d + " (liveness " + hours(liveness) + "), disputed", since(t), since(disputed)));
      oo.dispute(key, disputer, disputed);
      if (oo.storeFeeAtDispute().isPositive()) {
        flows.add(new Flow(store.name(), oo.storeFeeAtDispute(), "at dispute " + d + ": final fee + floor(bond/2)"));
      }
      t = disputed;
    }
    Answer answer = null;
    if (disputes == 0) {
      oo.propose(key, proposer, TRUE_VALUE, t);
      phases.add(new Phase("proposal, undisputed liveness", since(t), since(t.plus(liveness))));
      t = t.plus(liveness);
    } else {
      Instant first = vote.roundStart(key);
      phases.add(new Phase("waits for the next round of the fixed 48h vote grid", since(t), since(first)));
      for (int round = 1; round <= voteRounds; round++) {
        Instant start = vote.roundStart(key);
        boolean last = round == voteRounds && !deleted;
        if (last) {
          vote.commit(key, voter, TokenVote.commitment(key, round, voter, TRUE_VALUE, 1L), start);
          vote.reveal(key, voter, TRUE_VALUE, 1L, start.plus(vote.config().commitPhase()));
        }
        Instant end = start.plus(vote.config().roundLength());
        VoteEvent e = vote.resolve(key, end);
        String what = switch (e) {
          case VoteEvent.Rolled r -> "missed GAT, rolls";
          case VoteEvent.Deleted del -> "missed GAT, roll count " + del.rounds() + " > maxRolls " + VoteConfig.UMA_MAX_ROLLS + ": deleted";
          default -> "resolves";
        };
        phases.add(new Phase("vote round " + round + " (commit 24h + reveal 24h): " + what, since(start), since(end)));
        t = end;
      }
    }
    Amount burned = flows.stream().map(Flow::amount).reduce(Amount.ZERO, Amount::plus);
    if (!deleted) {
      OptimisticEvent.Settled settled = oo.settle(key, t);
      answer = settled.answer();
      for (OptimisticEvent.Payout p : settled.payouts()) {
        flows.add(new Flow(p.to().name(), p.amount(), p.why()));
        if (p.to().equals(store)) {
          burned = burned.plus(p.amount());
        }
      }
    }
    Amount posted = config.totalBond().times(disputes * 2L + (disputes == 0 ? 1 : 0));
    Amount locked = deleted ? oo.escrowed() : Amount.ZERO;
    Duration timeout = noliq.options.OptionsLedger.DEFAULT_SETTLEMENT_TIMEOUT;
    if (deleted) {
      phases.add(new Phase("no answer ever; the ledger's settlement timeout: the series' invalid policy applies",
          since(t), timeout));
    }
    return new Timeline(liveness, disputes, voteRounds, bond, finalFee, List.copyOf(phases), since(t),
        answer, posted, List.copyOf(flows), burned, deleted, locked, timeout);
  }

  private static String hours(Duration d) {
    return java.math.BigDecimal.valueOf(d.toMillis()).divide(java.math.BigDecimal.valueOf(3_600_000), 4, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros().toPlainString() + " h";
  }

  private static Duration since(Instant t) {
    return Duration.between(MATURITY, t);
  }
}
