package noliq.oracle.feeds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import noliq.math.Price;
import noliq.oracle.OracleError;
import noliq.oracle.OracleException;

/** An append-only {@link ObservationSource}: a pool (or a test) records its price as it changes. */
public final class ObservationLog implements ObservationSource {
  private final List<PriceObservation> observations = new ArrayList<>();

  /** Records {@code price} from {@code at} on; times must not go backwards. */
  public PriceObservation record(Price price, Instant at) {
    PriceObservation o = new PriceObservation(at, price);
    if (!observations.isEmpty() && at.isBefore(observations.getLast().at())) {
      throw new OracleException(new OracleError.OutOfRange("at",
          "at or after the last observation " + observations.getLast().at(), at.toString()));
    }
    observations.add(o);
    return o;
  }

  @Override
  public List<PriceObservation> observations() {
    return Collections.unmodifiableList(observations);
  }

  public int size() {
    return observations.size();
  }
}
