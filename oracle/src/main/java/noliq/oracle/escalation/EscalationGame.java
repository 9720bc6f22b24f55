package noliq.oracle.escalation;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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
import noliq.oracle.FinalAnswers;
import noliq.oracle.OracleError;
import noliq.oracle.OracleException;
import noliq.oracle.RequestKey;
import noliq.oracle.Require;

/**
 * The escalation game of Reality.eth v3, the selectable alternative to the optimistic oracle.
 * Anyone may answer with a bond; each new answer must at least double the previous bond and
 * restarts the timeout. The last answer standing when the timeout passes is final. Before that,
 * anyone may pay for arbitration, which freezes the question until the arbitrator answers.
 *
 * <p>On {@link #claim}, the bonds are paid as Reality.eth's {@code claimWinnings} does: walking
 * the history from the last answer to the first, the final answer's giver takes every bond, but
 * an earlier giver of the same answer takes over the queue from the first later one with a
 * "takeover fee" equal to its own bond; one 40th of every bond but the highest is withheld (to the
 * fee account), which makes raising one's own bond to delay resolution cost something.
 */
public final class EscalationGame implements FinalAnswers {
  private final TokenBook book;
  private final Token currency;
  private final AccountId escrow;
  private final AccountId feeSink;
  private final AccountId arbitrator;
  private final EscalationConfig config;
  private final Map<RequestKey, Question> questions = new TreeMap<>();
  private final List<EscalationEvent> events = new ArrayList<>();

  /** One entry of the answer history. The arbitrator's entry has a zero bond. */
  public record Entry(AccountId answerer, Answer answer, Amount bond, Instant at) {}

  /** A question's whole state. */
  public record Question(RequestKey key, AccountId asker, Amount bounty, List<Entry> history,
      Instant finalizesAt, AccountId arbitrationRequester, boolean arbitrated, boolean claimed) {
    public Amount bond() {
      return history.isEmpty() ? Amount.ZERO : history.stream().map(Entry::bond).max(Amount::compareTo).orElseThrow();
    }

    Question with(List<Entry> h, Instant fin, AccountId arbReq, boolean arb, boolean cl) {
      return new Question(key, asker, bounty, List.copyOf(h), fin, arbReq, arb, cl);
    }
  }

  public EscalationGame(TokenBook book, Token currency, AccountId escrow, AccountId feeSink,
      AccountId arbitrator, EscalationConfig config) {
    this.book = Require.present(book, "book");
    this.currency = Require.present(currency, "currency");
    this.escrow = Require.present(escrow, "escrow");
    this.feeSink = Require.present(feeSink, "feeSink");
    this.arbitrator = Require.present(arbitrator, "arbitrator");
    this.config = Require.present(config, "config");
    if (escrow.equals(feeSink) || escrow.equals(arbitrator)) {
      throw new OracleException(new OracleError.NotAllowed("escrow", "must differ from the fee and arbitrator accounts"));
    }
  }

  public EscalationConfig config() {
    return config;
  }

  public AccountId escrow() {
    return escrow;
  }

  /** Asks the question {@code key}, escrowing {@code bounty} (may be zero) for the final answerer. */
  public EscalationEvent.Asked ask(RequestKey key, AccountId asker, Amount bounty, Instant now) {
    Require.present(key, "key");
    Require.present(asker, "asker");
    Require.present(bounty, "bounty");
    Require.present(now, "now");
    if (questions.containsKey(key)) {
      throw new OracleException(new OracleError.DuplicateRequest("key", key));
    }
    return book.atomically(() -> {
      pull(asker, bounty);
      questions.put(key, new Question(key, asker, bounty, List.of(), null, null, false, false));
      book.onRollback(() -> questions.remove(key));
      return record(new EscalationEvent.Asked(key, asker, bounty, now));
    });
  }

  /**
   * Answers with {@code bond}: at least {@code minBond} for the first answer, at least twice the
   * current bond after that. {@code maxPrevious} guards against being front-run: the answer is
   * refused if the current bond has grown beyond it.
   */
  public EscalationEvent.Answered answer(RequestKey key, AccountId answerer, Answer answer, Amount bond,
      Amount maxPrevious, Instant now) {
    Require.present(answerer, "answerer");
    Require.present(answer, "answer");
    Require.positive(bond, "bond");
    Require.present(now, "now");
    Question q = question(key);
    requireOpen(q, "answer", now);
    if (now.isBefore(key.maturity())) {
      throw new OracleException(new OracleError.TooEarly("now", "answer", key.maturity(), now));
    }
    Amount current = q.bond();
    if (maxPrevious != null && current.isGreaterThan(maxPrevious)) {
      throw new OracleException(new OracleError.NotAllowed("maxPrevious",
          "the current bond " + current + " exceeds maxPrevious " + maxPrevious));
    }
    Amount needed = current.isZero() ? config.minBond() : current.times(2);
    if (bond.isLessThan(needed)) {
      throw new OracleException(new OracleError.OutOfRange("bond",
          current.isZero() ? "at least the minimum bond " + needed : "at least twice the current bond, " + needed,
          bond.toString()));
    }
    Instant finalizes = now.plus(config.timeout());
    return book.atomically(() -> {
      pull(answerer, bond);
      List<Entry> h = new ArrayList<>(q.history());
      h.add(new Entry(answerer, answer, bond, now));
      replace(q, q.with(h, finalizes, null, false, false));
      return record(new EscalationEvent.Answered(key, h.size(), answerer, answer, bond, finalizes, now));
    });
  }

  /** Pays the arbitration fee and freezes the question until the arbitrator answers. */
  public EscalationEvent.ArbitrationRequested requestArbitration(RequestKey key, AccountId requester,
      Amount maxPrevious, Instant now) {
    Require.present(requester, "requester");
    Require.present(now, "now");
    Question q = question(key);
    requireOpen(q, "arbitration", now);
    if (q.history().isEmpty()) {
      throw new OracleException(new OracleError.WrongState("key", "arbitration", "unanswered"));
    }
    if (maxPrevious != null && q.bond().isGreaterThan(maxPrevious)) {
      throw new OracleException(new OracleError.NotAllowed("maxPrevious",
          "the current bond " + q.bond() + " exceeds maxPrevious " + maxPrevious));
    }
    return book.atomically(() -> {
      if (config.arbitrationFee().isPositive()) {
        book.transfer(currency, requester, arbitrator, config.arbitrationFee());
      }
      replace(q, q.with(q.history(), q.finalizesAt(), requester, false, false));
      return record(new EscalationEvent.ArbitrationRequested(key, requester, config.arbitrationFee(), now));
    });
  }

  /**
   * The arbitrator's answer, final at once. If it differs from the last answer it is credited to
   * whoever paid for arbitration, else to the last answerer (as Reality.eth's
   * {@code submitAnswerByArbitrator}).
   */
  public EscalationEvent.Arbitrated arbitrate(RequestKey key, Answer answer, Instant now) {
    Require.present(answer, "answer");
    Require.present(now, "now");
    Question q = question(key);
    if (q.arbitrationRequester() == null || q.arbitrated()) {
      throw new OracleException(new OracleError.WrongState("key", "arbitrate", state(key, now).name()));
    }
    Entry last = q.history().getLast();
    AccountId credited = answer.equals(last.answer()) ? last.answerer() : q.arbitrationRequester();
    List<Entry> h = new ArrayList<>(q.history());
    h.add(new Entry(credited, answer, Amount.ZERO, now));
    return book.atomically(() -> {
      replace(q, q.with(h, now, q.arbitrationRequester(), true, false));
      return record(new EscalationEvent.Arbitrated(key, answer, credited, now));
    });
  }

  public EscalationState state(RequestKey key, Instant now) {
    Require.present(now, "now");
    Question q = question(key);
    if (q.claimed()) {
      return EscalationState.CLAIMED;
    }
    if (q.arbitrated()) {
      return EscalationState.FINALIZED;
    }
    if (q.arbitrationRequester() != null) {
      return EscalationState.PENDING_ARBITRATION;
    }
    if (q.history().isEmpty()) {
      return EscalationState.OPEN;
    }
    return now.isBefore(q.finalizesAt()) ? EscalationState.ANSWERED : EscalationState.FINALIZED;
  }

  /** The final answer, or empty while it can still change. */
  @Override
  public Optional<Answer> finalAnswer(RequestKey key, Instant now) {
    EscalationState s = state(key, now);
    if (s == EscalationState.FINALIZED || s == EscalationState.CLAIMED) {
      return Optional.of(question(key).history().getLast().answer());
    }
    return Optional.empty();
  }

  /** Pays out the bonds and bounty of a finalised question (Reality.eth's claimWinnings). */
  public EscalationEvent.Claimed claim(RequestKey key, Instant now) {
    Question q = question(key);
    EscalationState s = state(key, now);
    if (s != EscalationState.FINALIZED) {
      throw new OracleException(s == EscalationState.CLAIMED
          ? new OracleError.WrongState("key", "claim", s.name())
          : new OracleError.NotFinal("key", key, s.name()));
    }
    Answer best = q.history().getLast().answer();
    BigInteger top = q.bond().wei();
    Map<AccountId, BigInteger> paid = new LinkedHashMap<>();
    BigInteger withheld = BigInteger.ZERO;
    AccountId payee = null;
    BigInteger queued = BigInteger.ZERO;
    BigInteger lastBond = BigInteger.ZERO;
    for (int i = q.history().size() - 1; i >= 0; i--) {
      Entry e = q.history().get(i);
      queued = queued.add(lastBond);
      if (e.answer().equals(best)) {
        if (payee == null) {
          payee = e.answerer();
          pay(paid, payee, q.bounty().wei());
        } else if (!e.answerer().equals(payee)) {
          BigInteger takeover = queued.min(e.bond().wei());
          pay(paid, payee, queued.subtract(takeover));
          payee = e.answerer();
          queued = takeover;
        }
      }
      lastBond = e.bond().wei();
      if (!lastBond.equals(top)) {
        BigInteger fee = Exact.div(lastBond, BigInteger.valueOf(EscalationConfig.BOND_CLAIM_FEE_PROPORTION), Rounding.DOWN);
        withheld = withheld.add(fee);
        lastBond = lastBond.subtract(fee);
      }
    }
    pay(paid, payee, queued.add(lastBond));
    BigInteger fees = withheld;
    return book.atomically(() -> {
      List<EscalationEvent.Payment> payments = new ArrayList<>();
      for (Map.Entry<AccountId, BigInteger> p : paid.entrySet()) {
        Amount amount = new Amount(p.getValue());
        book.transfer(currency, escrow, p.getKey(), amount);
        payments.add(new EscalationEvent.Payment(p.getKey(), amount));
      }
      if (fees.signum() > 0) {
        book.transfer(currency, escrow, feeSink, new Amount(fees));
      }
      replace(q, q.with(q.history(), q.finalizesAt(), q.arbitrationRequester(), q.arbitrated(), true));
      return record(new EscalationEvent.Claimed(key, best, List.copyOf(payments), new Amount(fees), now));
    });
  }

  public Question get(RequestKey key) {
    return question(key);
  }

  /** What the escrow owes: bounties and bonds of the questions not yet claimed. */
  public Amount escrowed() {
    Amount sum = Amount.ZERO;
    for (Question q : questions.values()) {
      if (!q.claimed()) {
        sum = sum.plus(q.bounty());
        for (Entry e : q.history()) {
          sum = sum.plus(e.bond());
        }
      }
    }
    return sum;
  }

  public List<EscalationEvent> events() {
    return Collections.unmodifiableList(events);
  }

  private static void pay(Map<AccountId, BigInteger> paid, AccountId to, BigInteger amount) {
    if (amount.signum() > 0) {
      paid.merge(to, amount, BigInteger::add);
    }
  }

  private void requireOpen(Question q, String operation, Instant now) {
    EscalationState s = state(q.key(), now);
    if (s == EscalationState.FINALIZED && !q.arbitrated()) {
      throw new OracleException(new OracleError.TooLate("now", operation, q.finalizesAt(), now));
    }
    if (s != EscalationState.OPEN && s != EscalationState.ANSWERED) {
      throw new OracleException(new OracleError.WrongState("key", operation, s.name()));
    }
  }

  private Question question(RequestKey key) {
    Require.present(key, "key");
    Question q = questions.get(key);
    if (q == null) {
      throw new OracleException(new OracleError.UnknownRequest("key", key));
    }
    return q;
  }

  private void replace(Question before, Question after) {
    questions.put(after.key(), after);
    book.onRollback(() -> questions.put(before.key(), before));
  }

  private void pull(AccountId from, Amount amount) {
    if (amount.isPositive()) {
      book.transfer(currency, from, escrow, amount);
    }
  }

  private <E extends EscalationEvent> E record(E event) {
    events.add(event);
    book.onRollback(() -> events.remove(events.size() - 1));
    return event;
  }
}
