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

  /**
   * A toy debt book in the answer's family {@code family}: a 2x-levered borrower (P&amp;L 200 (last/open - 1) %)
   * whose stablecoin holders lose 10 (0.7 - low/open) % when the low falls under 0.7 x the open, and
   * 1,000 USD of forced sales per 10% fall of the low.
   */
  static DesignModel book(String family) {
    String id = family + ".toy";
    return new DesignModel() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public String description() {
        return "a toy debt book with roles";
      }

      @Override
      public List<MetricSpec> metrics() {
        return List.of(
            new MetricSpec(id + ".liquidated_usd", "USD", "forced sales", MetricSpec.Headline.P95).as(MetricSpec.Role.SYSTEM)
                .within(MetricSpec.Support.NON_NEGATIVE),
            new MetricSpec(id + ".stable_loss_pct", "%", "stablecoin holders' loss", MetricSpec.Headline.MEAN)
                .within(MetricSpec.Support.NON_NEGATIVE).lossOf(MetricSpec.Role.STABLE_HOLDER, MetricSpec.Loss.LOSS),
            new MetricSpec(id + ".borrower_pnl_pct", "%", "borrower P&L", MetricSpec.Headline.MEAN)
                .lossOf(MetricSpec.Role.LEVERAGED_HOLDER, MetricSpec.Loss.GAIN));
      }

      @Override
      public Run newRun() {
        return (path, rng, trace, out, offset) -> {
          double low = path.minimum() / path.price(0);
          out[offset] = 10_000 * Math.max(0, 1 - low);
          out[offset + 1] = 10 * Math.max(0, 0.7 - low);
          out[offset + 2] = 200 * (path.price(path.size() - 1) / path.price(0) - 1);
        };
      }
    };
  }

  /** A toy N holder: P&amp;L 150 (last/open - 1) - 5 %. */
  static DesignModel nHolder() {
    return new DesignModel() {
      @Override
      public String id() {
        return "n-holder";
      }

      @Override
      public String description() {
        return "a toy N holder";
      }

      @Override
      public List<MetricSpec> metrics() {
        return List.of(new MetricSpec("n-holder.pnl_pct", "%", "N holder P&L", MetricSpec.Headline.MEAN)
            .lossOf(MetricSpec.Role.LEVERAGED_HOLDER, MetricSpec.Loss.GAIN),
            new MetricSpec("n-holder.forced_sales_usd", "USD", "never", MetricSpec.Headline.MEAN).as(MetricSpec.Role.SYSTEM)
                .within(MetricSpec.Support.NON_NEGATIVE));
      }

      @Override
      public Run newRun() {
        return (path, rng, trace, out, offset) -> {
          out[offset] = 150 * (path.price(path.size() - 1) / path.price(0) - 1) - 5;
          out[offset + 1] = 0;
        };
      }
    };
  }

  /**
   * A toy P wrapper that keeps {@code exposure} of the price's log change: d = 100 exposure ln(P_end / P_start)
   * over each complete year, and over the whole path; a fixed roll cost per year.
   */
  static DesignModel windowed(String name, double exposure, double rollCost) {
    String id = "wrapper." + name + ".auction";
    return new DesignModel() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public String description() {
        return "a toy wrapper with year windows";
      }

      @Override
      public List<MetricSpec> metrics() {
        return List.of(
            new MetricSpec(id + ".deviation_pct", "%", "final / target - 1", MetricSpec.Headline.MEAN)
                .lossOf(MetricSpec.Role.STABLE_HOLDER, MetricSpec.Loss.GAIN),
            new MetricSpec(id + ".roll_cost_pct_per_year", "%/yr", "roll cost", MetricSpec.Headline.MEAN),
            new MetricSpec(id + ".roll_cost_pct", "%", "roll cost in the window", MetricSpec.Headline.MEAN),
            new MetricSpec(id + ".forced_sales_usd", "USD", "never", MetricSpec.Headline.MEAN).as(MetricSpec.Role.SYSTEM),
            new MetricSpec(id + Claims.LOG_DEVIATION, "%", "whole path", MetricSpec.Headline.MEAN),
            new MetricSpec(id + Claims.YEAR_WINDOWS, "count", "year windows", MetricSpec.Headline.MEAN),
            new MetricSpec(id + Claims.ANNUAL_SUM, "%", "sum of d", MetricSpec.Headline.MEAN),
            new MetricSpec(id + Claims.ANNUAL_SUM_OF_SQUARES, "%^2", "sum of d^2", MetricSpec.Headline.MEAN));
      }

      @Override
      public Run newRun() {
        return (path, rng, trace, out, offset) -> {
          double whole = 100 * exposure * Math.log(path.price(path.size() - 1) / path.price(0));
          long span = java.time.Duration.between(path.time(0), path.time(path.size() - 1)).toSeconds();
          int years = (int) (span / (365L * 86_400));
          double sum = 0;
          double squares = 0;
          int start = 0;
          for (int k = 1; k <= years; k++) {
            int end = start;
            while (end + 1 < path.size() && java.time.Duration.between(path.time(0), path.time(end + 1)).toSeconds() <= k * 365L * 86_400) {
              end++;
            }
            double d = 100 * exposure * Math.log(path.price(end) / path.price(start));
            sum += d;
            squares += d * d;
            start = end;
          }
          out[offset] = 100 * (Math.exp(whole / 100) - 1);
          out[offset + 1] = rollCost;
          out[offset + 2] = -rollCost * span / (365.0 * 86_400);
          out[offset + 3] = 0;
          out[offset + 4] = whole;
          out[offset + 5] = years;
          out[offset + 6] = sum;
          out[offset + 7] = squares;
        };
      }
    };
  }

  /** A toy liquidity provider {@code id}: P&amp;L {@code edge + beta * 100 (last/open - 1)} % of the capital it commits. */
  static DesignModel liquidityProvider(String id, double edge, double beta) {
    return new DesignModel() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public String description() {
        return "a toy liquidity provider";
      }

      @Override
      public List<MetricSpec> metrics() {
        return List.of(new MetricSpec(id + ".pnl_pct", "%", "P&L on committed capital", MetricSpec.Headline.MEAN)
            .lossOf(MetricSpec.Role.LIQUIDITY_PROVIDER, MetricSpec.Loss.GAIN));
      }

      @Override
      public Run newRun() {
        return (path, rng, trace, out, offset) -> out[offset] = edge + beta * 100 * (path.price(path.size() - 1) / path.price(0) - 1);
      }
    };
  }

}
