package noliq.lab.study;

import java.util.List;
import noliq.lab.scenarios.PricePath;

/** Small designs with hand-computable metrics, for the runner and report tests. */
final class ToyDesigns {
  private ToyDesigns() {}

  /**
   * A toy debt book: one loan of 0.5 x the opening price against 1 ETH, liquidated in full when the
   * intrabar low first falls to or below 0.6 x the opening price (the whole collateral is sold at that low).
   * Metrics: the lowest low over the opening price (mean), the USD liquidated (p95), whether it was
   * liquidated (share), and a draw from its own stream (mean), to check the streams.
   */
  static DesignModel debt() {
    return new DesignModel() {
      @Override
      public String id() {
        return "toydebt";
      }

      @Override
      public String description() {
        return "a toy debt book";
      }

      @Override
      public List<MetricSpec> metrics() {
        return List.of(
            new MetricSpec("toydebt.min_ratio", "x", "the lowest low over the open", MetricSpec.Headline.MEAN),
            new MetricSpec("toydebt.liquidated_usd", "USD", "collateral sold in liquidation", MetricSpec.Headline.P95),
            new MetricSpec("toydebt.liquidated", "share", "the loan was liquidated", MetricSpec.Headline.SHARE),
            new MetricSpec("toydebt.draw", "1", "a uniform draw from the design's stream", MetricSpec.Headline.MEAN));
      }

      @Override
      public Run newRun() {
        return (path, rng, trace, out, offset) -> {
          double open = path.price(0);
          double liquidated = 0;
          for (int t = 0; t < path.size(); t++) {
            if (liquidated == 0 && path.low(t) <= 0.6 * open) {
              liquidated = path.low(t);
              trace.record("liquidations_usd", t / 8760.0, liquidated);
            }
            if (trace.enabled()) {
              trace.record("price_after_sales", t / 8760.0, path.price(t) * 0.99);
            }
          }
          out[offset] = path.minimum() / open;
          out[offset + 1] = liquidated;
          out[offset + 2] = liquidated > 0 ? 1 : 0;
          out[offset + 3] = rng.nextDouble();
        };
      }
    };
  }

  /**
   * A toy wrapper whose tracking error is {@code 100 * |last / first - 1|} and whose roll cost is a
   * fixed {@code rollCost} % a year.
   */
  static DesignModel wrapper(String name, double rollCost) {
    String id = "wrapper." + name + ".auction";
    return new DesignModel() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public String description() {
        return "a toy wrapper";
      }

      @Override
      public List<MetricSpec> metrics() {
        return List.of(
            new MetricSpec(id + ".tracking_error_pct", "%/yr", "tracking error", MetricSpec.Headline.MEAN),
            new MetricSpec(id + ".roll_cost_pct_per_year", "%/yr", "roll cost", MetricSpec.Headline.MEAN));
      }

      @Override
      public Run newRun() {
        return (path, rng, trace, out, offset) -> {
          if (trace.enabled()) {
            trace.record("value", 0, 1);
            trace.record("target", 0, 1);
          }
          out[offset] = trackingError(path);
          out[offset + 1] = rollCost;
        };
      }
    };
  }

  static double trackingError(PricePath path) {
    return 100 * Math.abs(path.price(path.size() - 1) / path.price(0) - 1);
  }

}
