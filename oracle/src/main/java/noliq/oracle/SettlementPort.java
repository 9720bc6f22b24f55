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
 * (liveness passed undisputed, the vote decided, the escalation timed out or was arbitrated). An INVALID answer becomes a resolution under the chosen {@link InvalidPolicy}: 50/50
 * ({@code HALF_HALF}), or, under {@code FALLBACK}, whatever the heavier fallback oracle says,
 * and nothing until it says it.
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

  public static SettlementPort halfHalf(FinalAnswers oracle) {
    return new SettlementPort(oracle, InvalidPolicy.HALF_HALF, null);
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
      case Answer.Invalid i -> switch (policy) {
        case HALF_HALF -> Optional.of(new Resolution.Invalid(InvalidPolicy.HALF_HALF));
        case FALLBACK -> fallback.finalResolution(series, now);
      };
    });
  }
}
