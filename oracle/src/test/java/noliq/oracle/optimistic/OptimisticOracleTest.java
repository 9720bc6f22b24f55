package noliq.oracle.optimistic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.book.InsufficientBalance;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import noliq.oracle.Answer;
import noliq.oracle.OracleError;
import noliq.oracle.OracleException;
import noliq.oracle.RequestKey;
import noliq.oracle.vote.TokenVote;
import noliq.oracle.vote.VoteConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class OptimisticOracleTest {
  static final Token USDC = new Token("USDC");
  static final Token UMA = new Token("UMA");
  static final AccountId ESCROW = AccountId.of("oo:escrow");
  static final AccountId STORE = AccountId.of("uma:store");
  static final AccountId POOL = AccountId.of("dvm:pool");
  static final AccountId TREASURY = AccountId.of("dvm:treasury");
  static final AccountId REQUESTER = AccountId.of("ledger");
  static final AccountId ALICE = AccountId.of("alice");
  static final AccountId BOB = AccountId.of("bob");
  static final AccountId VOTER = AccountId.of("voter");
  static final Instant MATURITY = Instant.parse("2026-09-25T08:00:00Z");
  static final RequestKey KEY = new RequestKey("ETH/USD", MATURITY, "s1");
  static final Answer X_3000 = Answer.value(Price.of(3000));
  static final Answer X_2000 = Answer.value(Price.of(2000));

  final TokenBook book = new TokenBook();
  TokenVote vote;
  OptimisticOracle oo;

  void setUp(OptimisticConfig config) {
    vote = fundedVote(book);
    oo = new OptimisticOracle(book, USDC, ESCROW, STORE, vote, config);
  }

  /** The vote disputes go to, with VOTER's 20M UMA staked at MATURITY; REQUESTER, ALICE and BOB get 100,000 USDC each. */
  static TokenVote fundedVote(TokenBook book) {
    TokenVote vote = new TokenVote(book, UMA, POOL, TREASURY, VoteConfig.uma(Amount.of(5_000_000)));
    for (AccountId a : new AccountId[] {REQUESTER, ALICE, BOB}) {
      book.mint(USDC, a, Amount.of(100_000));
    }
    book.mint(UMA, VOTER, Amount.of(20_000_000));
    vote.stake(VOTER, Amount.of(20_000_000), MATURITY);
    return vote;
  }

  void setUp() {
    setUp(OptimisticConfig.uma(Amount.of(8_500), Amount.of(1_500)));
  }

  /** Asserts {@code op} is refused with {@code reason} and changes nothing in the book or the oracle. */
  void refused(Executable op, Class<? extends OracleError> reason, String messagePart) {
    TokenBook.Snapshot before = book.snapshot();
    int eventsBefore = oo.events().size();
    var requestBefore = oo.get(KEY);
    assertThatThrownBy(op::execute)
        .isInstanceOfSatisfying(OracleException.class, e -> assertThat(e.error()).isInstanceOf(reason))
        .hasMessageContaining(messagePart);
    assertThat(book.snapshot()).isEqualTo(before);
    assertThat(oo.events()).hasSize(eventsBefore);
    assertThat(oo.get(KEY)).isEqualTo(requestBefore);
  }

  @Test
  void happyPathIsFinalExactlyOneLivenessAfterTheProposal() {
    setUp();
    Instant t0 = MATURITY.plusSeconds(60);
    oo.request(KEY, REQUESTER, Amount.of(10), t0);
    assertThat(oo.state(KEY, t0)).isEqualTo(RequestState.REQUESTED);
    var proposed = oo.propose(KEY, ALICE, X_3000, t0);
    assertThat(proposed.expiresAt()).isEqualTo(t0.plus(Duration.ofHours(2)));
    assertThat(oo.finalAnswer(KEY, t0.plus(Duration.ofHours(2)).minusSeconds(1))).isEmpty();
    assertThat(oo.state(KEY, t0.plus(Duration.ofHours(2)))).isEqualTo(RequestState.EXPIRED);
    assertThat(oo.finalAnswer(KEY, t0.plus(Duration.ofHours(2)))).contains(X_3000);

    var settled = oo.settle(KEY, t0.plus(Duration.ofHours(2)));
    assertThat(settled.answer()).isEqualTo(X_3000);
    assertThat(book.balanceOf(ALICE, USDC)).isEqualTo(Amount.of(100_010));
    assertThat(book.balanceOf(REQUESTER, USDC)).isEqualTo(Amount.of(99_990));
    assertThat(book.balanceOf(ESCROW, USDC)).isEqualTo(Amount.ZERO);
    assertThat(oo.state(KEY, t0.plus(Duration.ofDays(9)))).isEqualTo(RequestState.SETTLED);
  }

  @Test
  void umaWorkedExampleUnderTheDeployedContract() {
    // The docs' "10,000 USDC bond" is what each side posts: bond 8,500 + final fee 1,500.
    // OptimisticOracleV2 pays the winner bond + (bond - floor(bond/2)) + finalFee whoever wins:
    // 8,500 + 4,250 + 1,500 = 14,250, and the store gets 1,500 + 4,250 = 5,750. (The docs print
    // 14,225 / 5,775: half of 8,500 is 4,250, so their 4,225 is an arithmetic slip.)
    setUp();
    disputeAndDecide(X_2000);
    assertThat(book.balanceOf(BOB, USDC)).isEqualTo(Amount.of(100_000 - 10_000 + 14_250));
    assertThat(book.balanceOf(ALICE, USDC)).isEqualTo(Amount.of(90_000));
    assertThat(book.balanceOf(STORE, USDC)).isEqualTo(Amount.of(5_750));

    OptimisticOracleTest other = new OptimisticOracleTest();
    other.setUp();
    other.disputeAndDecide(X_3000);
    assertThat(other.book.balanceOf(ALICE, USDC)).isEqualTo(Amount.of(100_000 - 10_000 + 14_250));
    assertThat(other.book.balanceOf(STORE, USDC)).isEqualTo(Amount.of(5_750));
  }

  @Test
  void umaWorkedExampleUnderTheDocsRule() {
    // The docs' own rule: a winning proposer takes 10,000 + 8,500 = 18,500 and the store 1,500.
    setUp(OptimisticConfig.uma(Amount.of(8_500), Amount.of(1_500)).withRule(BondRule.DOCS_EXAMPLE));
    disputeAndDecide(X_3000);
    assertThat(book.balanceOf(ALICE, USDC)).isEqualTo(Amount.of(100_000 - 10_000 + 18_500));
    assertThat(book.balanceOf(BOB, USDC)).isEqualTo(Amount.of(90_000));
    assertThat(book.balanceOf(STORE, USDC)).isEqualTo(Amount.of(1_500));

    OptimisticOracleTest other = new OptimisticOracleTest();
    other.setUp(OptimisticConfig.uma(Amount.of(8_500), Amount.of(1_500)).withRule(BondRule.DOCS_EXAMPLE));
    other.disputeAndDecide(X_2000);
    assertThat(other.book.balanceOf(BOB, USDC)).isEqualTo(Amount.of(100_000 - 10_000 + 14_250));
    assertThat(other.book.balanceOf(STORE, USDC)).isEqualTo(Amount.of(5_750));
  }

  /** Alice proposes 3000, Bob disputes; the vote decides {@code truth}; settles. Returns the latency. */
  Duration disputeAndDecide(Answer truth) {
    Instant t0 = MATURITY;
    oo.request(KEY, REQUESTER, Amount.ZERO, t0);
    oo.propose(KEY, ALICE, X_3000, t0);
    Instant disputedAt = t0.plus(Duration.ofHours(1));
    oo.dispute(KEY, BOB, disputedAt);
    assertThat(oo.state(KEY, disputedAt)).isEqualTo(RequestState.DISPUTED);
    // the vote runs in the next round of VotingV2's fixed 48 h grid
    Instant round = vote.roundStart(KEY);
    vote.commit(KEY, VOTER, TokenVote.commitment(KEY, 1, VOTER, truth, 42L), round.plus(Duration.ofHours(1)));
    Instant reveal = round.plus(Duration.ofHours(25));
    vote.reveal(KEY, VOTER, truth, 42L, reveal);
    assertThat(oo.finalAnswer(KEY, reveal)).isEmpty();
    Instant end = round.plus(Duration.ofHours(48));
    vote.resolve(KEY, end);
    assertThat(oo.state(KEY, end)).isEqualTo(RequestState.RESOLVED);
    assertThat(oo.finalAnswer(KEY, end)).contains(truth);
    oo.settle(KEY, end);
    assertThat(book.balanceOf(ESCROW, USDC)).isEqualTo(Amount.ZERO);
    return Duration.between(t0, end);
  }

  @Test
  void aDisputeWaitsForTheNextRoundOfTheGridThenTakesOneRoundOf48Hours() {
    setUp();
    // disputed at 09:00 on 25 Sep 2026; rounds start every 48 h since the epoch: the next at 00:00 on 26 Sep
    assertThat(disputeAndDecide(X_2000)).isEqualTo(Duration.ofHours(1 + 15 + 48));
  }

  @Test
  void theStoreTakesFinalFeeAndHalfTheBondWhenTheDisputeIsMade() {
    setUp();
    oo.request(KEY, REQUESTER, Amount.ZERO, MATURITY);
    oo.propose(KEY, ALICE, X_3000, MATURITY);
    oo.dispute(KEY, BOB, MATURITY.plusSeconds(1));
    // OptimisticOracleV2.disputePriceFor: finalFee 1,500 + floor(8,500 / 2) = 4,250 to the store, at once
    assertThat(oo.storeFeeAtDispute()).isEqualTo(Amount.of(5_750));
    assertThat(book.balanceOf(STORE, USDC)).isEqualTo(Amount.of(5_750));
    assertThat(book.balanceOf(ESCROW, USDC)).isEqualTo(Amount.of(20_000 - 5_750)).isEqualTo(oo.escrowed());
  }

  @Test
  void illegalTransitionsAreRefusedAndChangeNothing() {
    setUp();
    assertThatThrownBy(() -> oo.request(KEY, REQUESTER, Amount.ZERO, MATURITY.minusSeconds(1)))
        .isInstanceOfSatisfying(OracleException.class, e -> assertThat(e.error()).isInstanceOf(OracleError.TooEarly.class))
        .hasMessage("now: request is not allowed before 2026-09-25T08:00:00Z (now 2026-09-25T07:59:59Z)");
    assertThat(book.balanceOf(ESCROW, USDC)).isEqualTo(Amount.ZERO);
    assertThatThrownBy(() -> oo.propose(KEY, ALICE, X_3000, MATURITY))
        .isInstanceOfSatisfying(OracleException.class, e -> assertThat(e.error()).isInstanceOf(OracleError.UnknownRequest.class));

    oo.request(KEY, REQUESTER, Amount.ZERO, MATURITY);
    refused(() -> oo.request(KEY, REQUESTER, Amount.ZERO, MATURITY), OracleError.DuplicateRequest.class, "already exists");
    refused(() -> oo.dispute(KEY, BOB, MATURITY), OracleError.WrongState.class,
        "key: dispute is not allowed while the request is REQUESTED");
    refused(() -> oo.settle(KEY, MATURITY), OracleError.NotFinal.class, "is not final yet (REQUESTED)");

    oo.propose(KEY, ALICE, X_3000, MATURITY);
    refused(() -> oo.propose(KEY, BOB, X_2000, MATURITY.plusSeconds(10)), OracleError.WrongState.class,
        "key: propose is not allowed while the request is PROPOSED");
    refused(() -> oo.settle(KEY, MATURITY.plusSeconds(10)), OracleError.NotFinal.class, "(PROPOSED)");
    Instant expiry = MATURITY.plus(Duration.ofHours(2));
    refused(() -> oo.dispute(KEY, BOB, expiry), OracleError.TooLate.class, "now: dispute closed at " + expiry);
    refused(() -> oo.propose(KEY, BOB, X_2000, expiry), OracleError.WrongState.class, "while the request is EXPIRED");

    oo.settle(KEY, expiry);
    refused(() -> oo.settle(KEY, expiry), OracleError.WrongState.class, "settle is not allowed while the request is SETTLED");
    refused(() -> oo.dispute(KEY, BOB, expiry), OracleError.WrongState.class, "SETTLED");
  }

  @Test
  void aDisputerWithoutFundsIsRefusedAndNothingChanges() {
    setUp();
    AccountId poor = AccountId.of("poor");
    book.mint(USDC, poor, Amount.of(9_999));
    oo.request(KEY, REQUESTER, Amount.ZERO, MATURITY);
    oo.propose(KEY, ALICE, X_3000, MATURITY);
    TokenBook.Snapshot before = book.snapshot();
    assertThatThrownBy(() -> oo.dispute(KEY, poor, MATURITY.plusSeconds(5))).isInstanceOf(InsufficientBalance.class);
    assertThat(book.snapshot()).isEqualTo(before);
    assertThat(oo.state(KEY, MATURITY.plusSeconds(5))).isEqualTo(RequestState.PROPOSED);
    assertThat(vote.verdict(KEY)).isEmpty();
  }

  @Test
  void whileDisputedNothingSettlesAndTheErrorSaysWhy() {
    setUp();
    oo.request(KEY, REQUESTER, Amount.ZERO, MATURITY);
    oo.propose(KEY, ALICE, X_3000, MATURITY);
    oo.dispute(KEY, BOB, MATURITY.plusSeconds(1));
    refused(() -> oo.settle(KEY, MATURITY.plus(Duration.ofDays(1))), OracleError.NotFinal.class,
        "key: the value for ETH/USD@2026-09-25T08:00:00Z#s1 is not final yet (DISPUTED)");
    refused(() -> oo.propose(KEY, BOB, X_2000, MATURITY.plusSeconds(2)), OracleError.WrongState.class, "DISPUTED");
  }

  @Test
  void aResetDisputeReopensTheRequestAndTheSecondGoesToTheVote() {
    setUp(OptimisticConfig.uma(Amount.of(8_500), Amount.of(1_500)).withResetsBeforeVote(1));
    oo.request(KEY, REQUESTER, Amount.ZERO, MATURITY);
    oo.propose(KEY, ALICE, X_3000, MATURITY);
    var first = oo.dispute(KEY, BOB, MATURITY.plusSeconds(60));
    assertThat(first.escalated()).isFalse();
    assertThat(oo.state(KEY, MATURITY.plusSeconds(60))).isEqualTo(RequestState.REQUESTED);
    // Bob re-proposes 2000 and it stands: Alice's first round was wrong, Bob wins it.
    oo.propose(KEY, BOB, X_2000, MATURITY.plusSeconds(120));
    Instant end = MATURITY.plusSeconds(120).plus(Duration.ofHours(2));
    assertThat(oo.finalAnswer(KEY, end)).contains(X_2000);
    oo.settle(KEY, end);
    assertThat(book.balanceOf(BOB, USDC)).isEqualTo(Amount.of(100_000 + 4_250));
    assertThat(book.balanceOf(ALICE, USDC)).isEqualTo(Amount.of(90_000));
    assertThat(book.balanceOf(STORE, USDC)).isEqualTo(Amount.of(5_750));
    assertThat(vote.verdict(KEY)).isEmpty();
  }

  @Test
  void aDeletedVoteLeavesTheRequestDisputedForEverWithNoAnswerAndNoRefund() {
    setUp();
    oo.request(KEY, REQUESTER, Amount.of(5), MATURITY);
    oo.propose(KEY, ALICE, X_3000, MATURITY);
    oo.dispute(KEY, BOB, MATURITY);
    Instant t = vote.roundStart(KEY);
    for (int round = 1; round <= 5; round++) {
      t = t.plus(Duration.ofHours(48));
      vote.resolve(KEY, t); // no one votes: GAT missed every round
    }
    // mainnet maxRolls 4: deleted after 5 rounds of 48 h, 16 h after maturity's round grid opens the first
    assertThat(Duration.between(MATURITY, t)).isEqualTo(Duration.ofHours(16 + 5 * 48));
    assertThat(vote.verdict(KEY)).contains(new noliq.oracle.Verdict.Deleted(5));
    Instant muchLater = t.plus(Duration.ofDays(365));
    assertThat(oo.state(KEY, muchLater)).isEqualTo(RequestState.DISPUTED);
    assertThat(oo.abandoned(KEY)).isTrue();
    assertThat(oo.finalAnswer(KEY, muchLater)).isEmpty();
    refused(() -> oo.settle(KEY, muchLater), OracleError.NotFinal.class, "(DISPUTED)");
    // nobody is refunded: the store keeps its 5,750 and the rest stays locked
    assertThat(book.balanceOf(ALICE, USDC)).isEqualTo(Amount.of(90_000));
    assertThat(book.balanceOf(BOB, USDC)).isEqualTo(Amount.of(90_000));
    assertThat(book.balanceOf(REQUESTER, USDC)).isEqualTo(Amount.of(99_995));
    assertThat(book.balanceOf(STORE, USDC)).isEqualTo(Amount.of(5_750));
    assertThat(book.balanceOf(ESCROW, USDC)).isEqualTo(Amount.of(20_005 - 5_750)).isEqualTo(oo.escrowed());
  }

  @Test
  void livenessIsConfigurableWithinTheContractLimits() {
    assertThatThrownBy(() -> OptimisticConfig.uma(Amount.ONE, Amount.ONE).withLiveness(Duration.ZERO))
        .hasMessage("liveness: must be a positive duration (was PT0S)");
    assertThatThrownBy(() -> OptimisticConfig.uma(Amount.ONE, Amount.ONE).withLiveness(Duration.ofDays(7L * 5200)))
        .hasMessageStartingWith("liveness: must be below 5200 weeks");
    setUp(OptimisticConfig.uma(Amount.of(8_500), Amount.of(1_500)).withLiveness(Duration.ofMinutes(30)));
    oo.request(KEY, REQUESTER, Amount.ZERO, MATURITY);
    assertThat(oo.propose(KEY, ALICE, X_3000, MATURITY).expiresAt()).isEqualTo(MATURITY.plus(Duration.ofMinutes(30)));
  }
}
