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
 * request (the proposer tries again), the last escalates to the vote; the vote misses GAT for
 * {@code voteRounds - 1} rounds (nobody votes) and resolves in the last with the true value.
 * With no dispute, the proposal is true and stands after the liveness window.
 */
public final class SettlementTimeline {
  public static final int MAX_VOTE_ROUNDS = VoteConfig.UMA_MAX_ROLLS + 1;
  private static final Token BOND_TOKEN = new Token("USDC");
  private static final Token VOTE_TOKEN = new Token("UMA");
  private static final Instant MATURITY = Instant.parse("2026-12-25T08:00:00Z");
  private static final Answer TRUE_VALUE = Answer.value(Price.of(3000));
  private static final Answer WRONG_VALUE = Answer.value(Price.of(30000));

  private SettlementTimeline() {}

  /** One phase: what happens, when (hours after maturity), and how long it lasts. */
  public record Phase(String name, Duration start, Duration end) {
    public Duration length() {
      return end.minus(start);
    }
  }

  /** One payment at settlement. */
  public record Flow(String to, Amount amount, String why) {}

  /** The whole settlement: phases, total latency, what each side posted, and every payout. */
  public record Timeline(Duration liveness, int disputes, int voteRounds, Amount bond, Amount finalFee,
      List<Phase> phases, Duration latency, Answer finalAnswer, Amount posted, List<Flow> flows, Amount burned) {}

  public static Timeline run(Duration liveness, int disputes, int voteRounds, Duration disputeAfter, Amount bond, Amount finalFee) {
    Require.positive(liveness, "liveness");
    Require.atLeast(disputes, 0, "disputes");
    Require.present(bond, "bond");
    Require.present(finalFee, "final-fee");
    Require.present(disputeAfter, "dispute-after");
    if (disputes == 0 && voteRounds != 0) {
      throw new OracleException(new OracleError.OutOfRange("vote-rounds", "0 when nothing is disputed", Integer.toString(voteRounds)));
    }
    if (disputes > 0 && (voteRounds < 1 || voteRounds > MAX_VOTE_ROUNDS)) {
      throw new OracleException(new OracleError.OutOfRange("vote-rounds",
          "between 1 and " + MAX_VOTE_ROUNDS + " (1 round + " + VoteConfig.UMA_MAX_ROLLS + " rolls) after a dispute",
          Integer.toString(voteRounds)));
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
    AccountId store = AccountId.of("store (burned)");
    Amount gat = Amount.of(5_000_000);
    TokenVote vote = new TokenVote(book, VOTE_TOKEN, AccountId.of("vote pool"), AccountId.of("vote treasury"), VoteConfig.uma(gat));
    OptimisticConfig config = new OptimisticConfig(liveness, bond, finalFee, BondRule.CONTRACT, Math.max(0, disputes - 1));
    OptimisticOracle oo = new OptimisticOracle(book, BOND_TOKEN, AccountId.of("escrow"), store, vote, config);
    Amount funds = config.totalBond().times(disputes + 1L).plus(Amount.ONE);
    book.mint(BOND_TOKEN, proposer, funds);
    book.mint(BOND_TOKEN, disputer, funds);
    book.mint(VOTE_TOKEN, voter, gat);
    vote.stake(voter, gat, MATURITY);

    RequestKey key = new RequestKey("ETH/USD", MATURITY, "timeline");
    List<Phase> phases = new ArrayList<>();
    Instant t = MATURITY;
    oo.request(key, requester, Amount.ZERO, t);
    for (int d = 1; d <= disputes; d++) {
      oo.propose(key, proposer, WRONG_VALUE, t);
      Instant disputed = t.plus(disputeAfter);
      phases.add(new Phase("proposal " + d + " (liveness " + hours(liveness) + "), disputed", since(t), since(disputed)));
      oo.dispute(key, disputer, disputed);
      t = disputed;
    }
    if (disputes == 0) {
      oo.propose(key, proposer, TRUE_VALUE, t);
      phases.add(new Phase("proposal, undisputed liveness", since(t), since(t.plus(liveness))));
      t = t.plus(liveness);
    } else {
      for (int round = 1; round <= voteRounds; round++) {
        Instant start = vote.roundStart(key);
        boolean last = round == voteRounds;
        if (last) {
          vote.commit(key, voter, TokenVote.commitment(key, round, voter, TRUE_VALUE, 1L), start);
          vote.reveal(key, voter, TRUE_VALUE, 1L, start.plus(vote.config().commitPhase()));
        }
        Instant end = start.plus(vote.config().roundLength());
        VoteEvent e = vote.resolve(key, end);
        String what = e instanceof VoteEvent.Rolled ? "missed GAT, rolls" : "resolves";
        phases.add(new Phase("vote round " + round + " (commit 24h + reveal 24h): " + what, since(start), since(end)));
        t = end;
      }
    }
    OptimisticEvent.Settled settled = oo.settle(key, t);
    List<Flow> flows = new ArrayList<>();
    Amount burned = Amount.ZERO;
    for (OptimisticEvent.Payout p : settled.payouts()) {
      flows.add(new Flow(p.to().name(), p.amount(), p.why()));
      if (p.to().equals(store)) {
        burned = burned.plus(p.amount());
      }
    }
    Amount posted = config.totalBond().times(disputes * 2L + (disputes == 0 ? 1 : 0));
    return new Timeline(liveness, disputes, voteRounds, bond, finalFee, List.copyOf(phases), since(t),
        settled.answer(), posted, List.copyOf(flows), burned);
  }

  private static String hours(Duration d) {
    return java.math.BigDecimal.valueOf(d.toMillis()).divide(java.math.BigDecimal.valueOf(3_600_000), 4, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros().toPlainString() + " h";
  }

  private static Duration since(Instant t) {
    return Duration.between(MATURITY, t);
  }
}
