package noliq.oracle.optimistic;

import java.time.Instant;
import java.util.Optional;
import noliq.options.InvalidPolicy;
import noliq.options.Resolution;
import noliq.options.Series;
import noliq.options.SettlementOracle;
import noliq.oracle.Answer;
import noliq.oracle.OracleError;
import noliq.oracle.OracleException;
import noliq.oracle.RequestKey;
import noliq.oracle.Require;

/**
 * The options ledger's settlement port, served by the optimistic oracle: a series' resolution
 * exists only once the oracle's answer for it is final (liveness passed undisputed, or the vote
 * decided). An INVALID answer becomes a resolution under the chosen {@link InvalidPolicy}: 50/50
 * ({@code HALF_HALF}), or, under {@code FALLBACK}, whatever the heavier fallback oracle says,
 * and nothing until it says it.
 */
public final class OptimisticSettlementOracle implements SettlementOracle {
  private final OptimisticOracle oracle;
  private final InvalidPolicy policy;
  private final SettlementOracle fallback;

  /** {@code fallback} is required for the FALLBACK policy and must be null otherwise. */
  public OptimisticSettlementOracle(OptimisticOracle oracle, InvalidPolicy policy, SettlementOracle fallback) {
    this.oracle = Require.present(oracle, "oracle");
    this.policy = Require.present(policy, "policy");
    if ((policy == InvalidPolicy.FALLBACK) != (fallback != null)) {
      throw new OracleException(new OracleError.NotAllowed("fallback",
          policy == InvalidPolicy.FALLBACK ? "is required by the FALLBACK policy" : "is only used by the FALLBACK policy"));
    }
    this.fallback = fallback;
  }

  public static OptimisticSettlementOracle halfHalf(OptimisticOracle oracle) {
    return new OptimisticSettlementOracle(oracle, InvalidPolicy.HALF_HALF, null);
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
