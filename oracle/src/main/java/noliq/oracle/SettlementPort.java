package noliq.oracle;

import java.time.Instant;
import java.util.Optional;
import noliq.options.InvalidPolicy;
import noliq.options.Resolution;
import noliq.options.Series;
import noliq.options.SettlementOracle;

/**
 * The options ledger's settlement port, served by a slow oracle (the optimistic oracle or the
 * escalation game): a series' resolution exists only once the oracle's answer for it is final
 * (liveness passed undisputed, the vote decided, the escalation timed out or was arbitrated).
 *
 * <p>An INVALID answer and the two policies. How an invalid question pays is the series' own term
 * ({@link Series#invalidPolicy()}): 50/50 ({@code HALF_HALF}) or all to the I leg
 * ({@code THIRD_OUTCOME}); the port reports it as {@code Resolution.Invalid(series' policy)}, as
 * the ledger would apply it anyway. The port's policy says only whether this deployment accepts
 * INVALID as final. {@code FALLBACK} on either side, the port's or the series', means it does not:
 * the question goes to the heavier fallback oracle and the series settles on whatever that one
 * says, nothing until it says it (a FALLBACK series behind a port without a fallback oracle waits
 * for ever; its holders can still merge). Under any other port policy INVALID is final.
 */
public final class SettlementPort implements SettlementOracle {
  private final FinalAnswers oracle;
  private final InvalidPolicy policy;
  private final SettlementOracle fallback;

  /** {@code fallback} is required for the FALLBACK policy and must be null otherwise. */
  public SettlementPort(FinalAnswers oracle, InvalidPolicy policy, SettlementOracle fallback) {
    this.oracle = Require.present(oracle, "oracle");
    this.policy = Require.present(policy, "policy");
    if ((policy == InvalidPolicy.FALLBACK) != (fallback != null)) {
      throw new OracleException(new OracleError.NotAllowed("fallback",
          policy == InvalidPolicy.FALLBACK ? "is required by the FALLBACK policy" : "is only used by the FALLBACK policy"));
    }
    this.fallback = fallback;
  }

  /** INVALID is final; each series pays it by its own policy (50/50 for the default one). */
  public static SettlementPort halfHalf(FinalAnswers oracle) {
    return new SettlementPort(oracle, InvalidPolicy.HALF_HALF, null);
  }

  /** INVALID is never final here: every invalid question goes to {@code fallback}. */
  public static SettlementPort withFallback(FinalAnswers oracle, SettlementOracle fallback) {
    return new SettlementPort(oracle, InvalidPolicy.FALLBACK, fallback);
  }

  /** The oracle request a series settles from: its index, its maturity, and its id. */
  public static RequestKey keyOf(Series series) {
    Require.present(series, "series");
    return new RequestKey(series.index().name(), series.maturity(), series.id().hex());
  }

  public InvalidPolicy policy() {
    return policy;
  }

  @Override
  public Optional<Resolution> finalResolution(Series series, Instant now) {
    RequestKey key = keyOf(series);
    Optional<Answer> answer;
    try {
      answer = oracle.finalAnswer(key, now);
    } catch (OracleException e) {
      if (e.error() instanceof OracleError.UnknownRequest) {
        return Optional.empty();
      }
      throw e;
    }
    return answer.flatMap(a -> switch (a) {
      case Answer.Value v -> Optional.of(new Resolution.Value(v.x()));
      case Answer.Invalid i -> invalid(series, now);
    });
  }

  private Optional<Resolution> invalid(Series series, Instant now) {
    if (policy == InvalidPolicy.FALLBACK) {
      return fallback.finalResolution(series, now);
    }
    return switch (series.invalidPolicy()) {
      case HALF_HALF, THIRD_OUTCOME -> Optional.of(new Resolution.Invalid(series.invalidPolicy()));
      // The series wants a value from a heavier oracle, and this port has none to ask.
      case FALLBACK -> Optional.empty();
    };
  }
}
