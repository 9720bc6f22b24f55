package noliq.oracle.optimistic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.RuleViolation;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import noliq.oracle.Answer;
import noliq.oracle.RequestKey;
import noliq.oracle.vote.TokenVote;
import noliq.oracle.vote.VoteConfig;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Long random sequences of oracle and vote operations, legal and illegal: twenty seeds of
 * {@value #STEPS}, 1,000,000 operations per build. After every operation no token was created or
 * lost and a refused operation emitted nothing; on every {@value #AUDIT_EVERY}th, the escrow holds
 * exactly the unsettled bonds and rewards, the vote pool exactly the stakes, and a refused operation
 * changed nothing in the book. At the end every request is
 * driven to settlement and the escrow must be empty: every bond went to a named party or the store.
 */
class OptimisticConservationTest {
  /** Twenty seeds of this many steps: 1,000,000 operations per {@code ./mvnw verify}, on parallel threads. */
  static final int STEPS = 50_000;
  /** Steps per request key, as the run moves through them (40 keys for 3,000 steps before). */
  static final int STEPS_PER_KEY = 75;
  /** Full audits (a snapshot before the step; escrow and stake totals over every request) on every this many steps. */
  static final int AUDIT_EVERY = 16;
  static final Token USDC = new Token("USDC");
  static final Token UMA = new Token("UMA");
  static final AccountId ESCROW = AccountId.of("oo:escrow");
  static final AccountId STORE = AccountId.of("uma:store");
  static final AccountId POOL = AccountId.of("dvm:pool");
  static final AccountId TREASURY = AccountId.of("dvm:treasury");
  static final List<AccountId> PEOPLE = List.of(AccountId.of("p0"), AccountId.of("p1"), AccountId.of("p2"), AccountId.of("p3"));
  static final Instant MATURITY = Instant.parse("2026-09-25T08:00:00Z");
  static final List<RequestKey> KEYS = java.util.stream.IntStream.range(0, STEPS / STEPS_PER_KEY)
      .mapToObj(i -> new RequestKey("ETH/USD", MATURITY.plus(Duration.ofDays(i / 4)), "s" + i)).toList();
  static final java.util.Map<RequestKey, Integer> KEY_INDEX = java.util.stream.IntStream.range(0, KEYS.size()).boxed()
      .collect(java.util.stream.Collectors.toMap(KEYS::get, i -> i));
  static final List<Answer> ANSWERS = List.of(Answer.value(Price.of(2000)), Answer.value(Price.of(3000)), Answer.INVALID);

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 2026, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19})
  @Execution(ExecutionMode.CONCURRENT)
  void bondsAndStakesAreConservedOverRandomOperations(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    TokenBook book = new TokenBook();
    TokenVote vote = new TokenVote(book, UMA, POOL, TREASURY, VoteConfig.uma(Amount.of(1_000)));
    BondRule rule = rnd.nextBoolean() ? BondRule.CONTRACT : BondRule.DOCS_EXAMPLE;
    OptimisticOracle oo = new OptimisticOracle(book, USDC, ESCROW, STORE, vote,
        new OptimisticConfig(Duration.ofHours(2), Amount.ofWei(8_500_000_000_000_001L), Amount.of(1_500), rule, rnd.nextInt(2)));
    for (AccountId p : PEOPLE) {
      book.mint(USDC, p, Amount.of(200_000));
      book.mint(UMA, p, Amount.of(1_000));
      vote.stake(p, Amount.of(600), MATURITY);
    }
    Amount usdcSupply = book.totalSupply(USDC);
    Amount umaSupply = book.totalSupply(UMA);
    Instant now = MATURITY.minus(Duration.ofHours(1));
    int accepted = 0;
    List<RequestKey> voting = new java.util.ArrayList<>();
    for (int step = 0; step < STEPS; step++) {
      // Mostly minutes apart, so proposals meet disputes; sometimes a day, so votes come due.
      now = now.plusSeconds(rnd.nextInt(20) < 19 ? rnd.nextInt(1200) : rnd.nextInt(30 * 3600));
      // Work on a few requests at a time, moving through the keys as the run goes on.
      int window = Math.min(KEYS.size() - 3, step / STEPS_PER_KEY);
      RequestKey key = KEYS.get(window + rnd.nextInt(3));
      AccountId who = PEOPLE.get(rnd.nextInt(PEOPLE.size()));
      Answer answer = ANSWERS.get(rnd.nextInt(ANSWERS.size()));
      boolean audit = step % AUDIT_EVERY == 0;
      TokenBook.Snapshot before = audit ? book.snapshot() : null;
      int ooEvents = oo.events().size();
      int voteEvents = vote.events().size();
      Instant t = now;
      try {
        // Vote operations go to a question under vote, when there is one.
        RequestKey voted = voting.isEmpty() ? key : voting.get(rnd.nextInt(voting.size()));
        Answer votedBallot = rnd.nextInt(10) < 8 ? ANSWERS.get(KEY_INDEX.get(voted) % 2) : answer;
        switch (rnd.nextInt(16)) {
          case 0, 1 -> oo.request(key, who, Amount.of(rnd.nextInt(3)), t);
          case 2, 3 -> oo.propose(key, who, answer, t);
          case 4, 5 -> {
            if (oo.dispute(key, who, t).escalated()) {
              voting.add(key);
            }
          }
          case 6 -> oo.settle(key, t);
          case 7, 8, 9 -> vote.commit(voted, who, TokenVote.commitment(voted, vote.round(voted), who, votedBallot, 5L), t);
          case 10, 11, 12 -> vote.reveal(voted, who, votedBallot, 5L, t);
          case 13 -> {
            vote.resolve(voted, t);
            if (vote.verdict(voted).isPresent()) {
              voting.remove(voted);
            }
          }
          case 14 -> vote.unstake(who, Amount.of(1), t);
          default -> vote.stake(who, Amount.of(1), t);
        }
        accepted++;
      } catch (RuleViolation refused) {
        if (oo.events().size() != ooEvents || vote.events().size() != voteEvents) {
          throw new AssertionError("step " + step + ": refused but emitted events: " + refused.getMessage());
        }
        if (audit) {
          assertThat(book.snapshot()).isEqualTo(before);
        }
      }
      if (!book.totalSupply(USDC).equals(usdcSupply) || !book.totalSupply(UMA).equals(umaSupply)) {
        throw new AssertionError("step " + step + ": supplies " + book.totalSupply(USDC) + " USDC, " + book.totalSupply(UMA) + " UMA");
      }
      if (audit) {
        assertThat(book.balanceOf(ESCROW, USDC)).isEqualTo(oo.escrowed());
        assertThat(book.balanceOf(POOL, UMA)).isEqualTo(vote.totalStaked());
      }
    }
    assertThat(accepted).isGreaterThan(STEPS / 30);
    assertThat(vote.events()).hasAtLeastOneElementOfType(noliq.oracle.vote.VoteEvent.Resolved.class);
    assertThat(oo.events()).hasAtLeastOneElementOfType(OptimisticEvent.Disputed.class)
        .hasAtLeastOneElementOfType(OptimisticEvent.Settled.class);

    // Drive every open request to the end: resolve votes as they come due, then settle.
    for (RequestKey key : KEYS) {
      for (int i = 0; i < 10; i++) {
        now = now.plus(Duration.ofHours(48));
        try {
          if (vote.verdict(key).isEmpty()) {
            vote.resolve(key, now);
          }
        } catch (RuleViolation notEscalated) {
          // not escalated, or not due yet
        }
      }
      try {
        if (oo.state(key, now) == RequestState.PROPOSED || oo.state(key, now) == RequestState.REQUESTED) {
          continue;
        }
        if (oo.state(key, now) != RequestState.SETTLED) {
          oo.settle(key, now);
        }
      } catch (RuleViolation unknown) {
        // never requested
      }
    }
    assertThat(book.balanceOf(ESCROW, USDC)).isEqualTo(oo.escrowed());
    // the store is paid: at dispute time under the contract's rule, at settlement under the docs' rule
    assertThat(book.balanceOf(STORE, USDC).isPositive()).isTrue();
    Amount held = book.balanceOf(STORE, USDC).plus(book.balanceOf(ESCROW, USDC));
    for (AccountId p : PEOPLE) {
      held = held.plus(book.balanceOf(p, USDC));
    }
    assertThat(held).isEqualTo(usdcSupply);
  }
}
