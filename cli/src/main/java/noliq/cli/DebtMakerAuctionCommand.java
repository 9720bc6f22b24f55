package noliq.cli;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import noliq.debt.maker.Abacus;
import noliq.debt.maker.DssMath;
import noliq.math.RuleViolation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "maker-auction",
    mixinStandardHelpOptions = true,
    header = "Maker's Clipper price curve and when to redo an auction.",
    description = {
        "Maker Liquidations 2.0: the Clipper's stairstep price curve (StairstepExponentialDecrease) as a fraction of "
            + "the oracle price, when it first reaches the oracle price, its value at the tail, and when the auction "
            + "must be redone. Defaults: the ETH-B set of July 2021.",
        "",
        "Ranges: step from 1 s to a day; tail up to 30 days and at most " + DebtMakerAuctionCommand.MAX_CUTS
            + " price steps (tail / step)."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  noliq debt maker-auction", "  noliq debt maker-auction --cut 0.98 --step 90 --tail 7200 --json"})
final class DebtMakerAuctionCommand implements Runnable {
  /** At most this many points in the JSON curve; longer curves are sampled evenly. */
  private static final int MAX_POINTS = 2000;
  private static final int TABLE_ROWS = 16;
  /** The curve is walked step by step: at most this many steps. */
  static final long MAX_CUTS = 1_000_000;
  static final long MAX_STEP_SECONDS = 86_400;
  static final long MAX_TAIL_SECONDS = 30 * 86_400;

  @Spec CommandSpec spec;
  @Mixin Output output;

  @Option(names = "--buf", defaultValue = "1.2", paramLabel = "B", description = "Starting price over the oracle price (default: ${DEFAULT-VALUE}).")
  String buf;

  @Option(names = "--cut", defaultValue = "0.99", paramLabel = "C", description = "Price multiplier per step, at most 1 (default: ${DEFAULT-VALUE}).")
  String cut;

  @Option(names = "--step", defaultValue = "60", paramLabel = "SECONDS", description = "Seconds between price cuts (default: ${DEFAULT-VALUE}).")
  long step;

  @Option(names = "--tail", defaultValue = "5400", paramLabel = "SECONDS", description = "Seconds after which the auction must be redone (default: ${DEFAULT-VALUE} = 90 min).")
  long tail;

  @Option(names = "--cusp", defaultValue = "0.4", paramLabel = "F", description = "Fraction of the starting price below which the auction must be redone (default: ${DEFAULT-VALUE}).")
  String cusp;

  /** One point of the curve: seconds since kick and the price as a fraction of the oracle price. */
  record Point(long seconds, double fractionOfOracle) {}

  record Result(String buf, String cut, long stepSeconds, long tailSeconds, String cusp,
      Long reachesOracleAtSeconds, Double reachesOracleAtMinutes, double fractionAtTail,
      long redoDueAtSeconds, String redoReason, List<Point> curve) {}

  @Override
  public void run() {
    BigInteger bufRay = DssMath.ray(buf, "buf");
    if (bufRay.signum() == 0) {
      throw new RuleViolation("buf", "must be positive (was " + buf + ")");
    }
    BigInteger cuspRay = DssMath.ray(cusp, "cusp");
    if (cuspRay.compareTo(DssMath.RAY) > 0) {
      throw new RuleViolation("cusp", "must be at most 1 (was " + cusp + ")");
    }
    Limits.between("--step", step, 1, MAX_STEP_SECONDS);
    Limits.between("--tail", tail, 0, MAX_TAIL_SECONDS);
    if (tail / step > MAX_CUTS) {
      throw new RuleViolation("--tail", "spans at most " + MAX_CUTS + " price steps of --step seconds (was " + tail / step
          + "; lengthen --step or shorten --tail)");
    }
    Abacus.StairstepExponentialDecrease calc = new Abacus.StairstepExponentialDecrease(DssMath.ray(cut, "cut"), step);
    Result r = curve(calc, bufRay, cuspRay);
    PrintWriter out = spec.commandLine().getOut();
    output.print(out, r, res -> {
      out.printf("Clipper stairstep: buf %s, cut %s every %d s, tail %d s (%.1f min), cusp %s%n",
          buf, cut, step, tail, tail / 60.0, cusp);
      out.printf("%n%10s %10s %18s%n", "seconds", "minutes", "price / oracle");
      long cuts = tail / step;
      long every = Math.max(1, (cuts + TABLE_ROWS - 1) / TABLE_ROWS);
      for (long n = 0; n <= cuts; n += every) {
        row(out, calc, bufRay, n * step);
      }
      if (cuts % every != 0) {
        row(out, calc, bufRay, tail);
      }
      out.println();
      if (res.reachesOracleAtSeconds() == null) {
        out.println("reaches the oracle price: not before the tail");
      } else {
        out.printf("reaches the oracle price: after %d s (%.1f min)%n", res.reachesOracleAtSeconds(), res.reachesOracleAtMinutes());
      }
      out.printf("price at the tail:        %.4f x oracle%n", res.fractionAtTail());
      out.printf("redo due:                 after %d s (%s)%n", res.redoDueAtSeconds(), res.redoReason());
    });
  }

  private static void row(PrintWriter out, Abacus calc, BigInteger top, long seconds) {
    out.printf("%10d %10.1f %18.6f%n", seconds, seconds / 60.0, DssMath.rayToDouble(calc.price(top, seconds)));
  }

  /** Walks the curve step by step over an oracle price of exactly 1, so {@code top = buf}. */
  private Result curve(Abacus.StairstepExponentialDecrease calc, BigInteger bufRay, BigInteger cuspRay) {
    BigInteger top = DssMath.rmul(DssMath.RAY, bufRay);
    long cuts = tail / step;
    Long reaches = null;
    long cuspAt = -1;
    for (long n = 0; n <= cuts && (reaches == null || cuspAt < 0); n++) {
      BigInteger price = calc.price(top, n * step);
      if (reaches == null && price.compareTo(DssMath.RAY) <= 0) {
        reaches = n * step;
      }
      if (cuspAt < 0 && DssMath.rdiv(price, top).compareTo(cuspRay) < 0) {
        cuspAt = n * step;
      }
    }
    long redoAt = cuspAt >= 0 ? cuspAt : tail + 1;
    String reason = cuspAt >= 0 ? "price below cusp x top" : "older than tail";
    long every = Math.max(1, (cuts + MAX_POINTS - 1) / MAX_POINTS);
    List<Point> points = new ArrayList<>();
    for (long n = 0; n <= cuts; n += every) {
      points.add(new Point(n * step, DssMath.rayToDouble(calc.price(top, n * step))));
    }
    return new Result(buf, cut, step, tail, cusp, reaches, reaches == null ? null : reaches / 60.0,
        DssMath.rayToDouble(calc.price(top, tail)), redoAt, reason, points);
  }
}
