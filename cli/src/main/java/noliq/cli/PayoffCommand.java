package noliq.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import noliq.math.Amount;
import noliq.math.Exact;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.RuleViolation;
import noliq.options.InvalidPolicy;
import noliq.options.Leg;
import noliq.options.Payoff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "payoff",
    mixinStandardHelpOptions = true,
    header = "Each leg's settlement payout per unit, exactly.",
    description = "Each leg's settlement payout per unit, in ETH and in index units, at the index values given "
        + "(x >= 0; at x = 0, min(1, S/x) is 1: P gets 1 ETH and N nothing, as the ledger settles it). Exact: the "
        + "protocol's own payoff code and rounding (P's share rounded down, N gets the rest). With --invalid, also "
        + "what each leg gets if the oracle question turns out invalid; under third-outcome the series has a third "
        + "leg I, shown as its own column. At most 1000 values of --at, each at most 1e9.",
    footerHeading = "%nExamples:%n",
    footer = {"  noliq payoff --strike 1500 --at 3000,2500,1500,1000,0",
        "  noliq payoff --strike 1500 --at 2500 --payoff linear-range --upper 3000 \\", "      --invalid third-outcome --json"})
final class PayoffCommand implements Runnable {
  enum Kind { COVERED_CALL, LINEAR_RANGE, BINARY }

  @Spec CommandSpec spec;
  @Mixin Output output;

  @Option(names = "--strike", required = true, paramLabel = "S", description = "Strike in index units.")
  String strike;

  @Option(names = "--at", required = true, split = ",", paramLabel = "X", description = "Index values x at settlement, comma-separated.")
  List<String> at;

  @Option(names = "--payoff", defaultValue = "covered-call", paramLabel = "KIND",
      converter = KindConverter.class, completionCandidates = KindCandidates.class,
      description = "${COMPLETION-CANDIDATES}: covered-call is the post's P/N split; linear-range needs --upper (default: ${DEFAULT-VALUE}).")
  Kind kind;

  @Option(names = "--upper", paramLabel = "U", description = "Upper end of a linear range payoff, in index units.")
  String upper;

  @Option(names = "--invalid", paramLabel = "POLICY", converter = PolicyConverter.class, completionCandidates = PolicyCandidates.class,
      description = "Show the payout on an invalid answer under ${COMPLETION-CANDIDATES} (third-outcome adds the I leg).")
  InvalidPolicy invalid;

  record Row(BigDecimal x, BigDecimal P_eth, BigDecimal P_index, BigDecimal N_eth, BigDecimal N_index) {}

  /** A row of a third-outcome series: a valid answer pays I nothing. */
  record ThreeLegRow(BigDecimal x, BigDecimal P_eth, BigDecimal P_index, BigDecimal N_eth, BigDecimal N_index,
      BigDecimal I_eth) {}

  /** Each leg's payout per unit on an invalid answer, in ETH; null under fallback, which pays nothing then. */
  record IfInvalid(String policy, BigDecimal P_eth, BigDecimal N_eth, BigDecimal I_eth) {}

  @Override
  public void run() {
    Price s = Price.parse(strike, "--strike");
    Limits.atMost("--strike", s.units(), Price.DECIMALS, Limits.MAX_PRICE, "index units");
    if (at.size() > Limits.MAX_LIST) {
      throw new RuleViolation("--at", "takes at most " + Limits.MAX_LIST + " values (was " + at.size() + ")");
    }
    if (!s.isPositive()) {
      throw new RuleViolation("--strike", "must be positive (was " + s + ")");
    }
    Payoff payoff = switch (kind) {
      case COVERED_CALL -> new Payoff.CoveredCall();
      case BINARY -> new Payoff.Binary();
      case LINEAR_RANGE -> {
        if (upper == null) {
          throw new RuleViolation("--upper", "is required with --payoff linear-range");
        }
        Payoff.LinearRange range = new Payoff.LinearRange(Price.parse(upper, "--upper"));
        if (range.upper().compareTo(s) <= 0) {
          throw new RuleViolation("--upper", "must be above the strike " + s + " (was " + range.upper() + ")");
        }
        yield range;
      }
    };
    boolean threeLegs = invalid != null && invalid.hasThirdOutcome();
    List<Object> rows = new ArrayList<>();
    for (String text : at) {
      // Price refuses a negative x; x = 0 settles like the ledger does it: P gets the whole 1 ETH
      Price x = Price.parse(text, "--at");
      Limits.atMost("--at", x.units(), Price.DECIMALS, Limits.MAX_PRICE, "index units");
      Amount p = payoff.pPayoutPerUnit(x, s);
      Amount n = payoff.nPayoutPerUnit(x, s);
      rows.add(threeLegs
          ? new ThreeLegRow(decimal(x.units()), decimal(p.wei()), inIndexUnits(p, x), decimal(n.wei()), inIndexUnits(n, x),
              BigDecimal.ZERO)
          : new Row(decimal(x.units()), decimal(p.wei()), inIndexUnits(p, x), decimal(n.wei()), inIndexUnits(n, x)));
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("strike", decimal(s.units()));
    result.put("payoff", payoff.canonical());
    result.put("rows", rows);
    IfInvalid ifInvalid = invalid == null ? null : ifInvalid(invalid);
    if (invalid != null) {
      result.put("if_invalid", ifInvalid);
    }
    PrintWriter out = spec.commandLine().getOut();
    output.print(out, result, r -> {
      out.printf("strike %s, payoff %s (per unit; %s = 1 ETH in every row)%n", s, payoff.canonical(),
          threeLegs ? "P + N + I" : "P + N");
      out.printf("%14s %22s %22s %22s %22s%s%n", "x", "P (ETH)", "P (index)", "N (ETH)", "N (index)",
          threeLegs ? String.format(" %22s", "I (ETH)") : "");
      for (Object o : rows) {
        switch (o) {
          case Row row -> out.printf("%14s %22s %22s %22s %22s%n", plain(row.x()), plain(row.P_eth()),
              plain(row.P_index()), plain(row.N_eth()), plain(row.N_index()));
          case ThreeLegRow row -> out.printf("%14s %22s %22s %22s %22s %22s%n", plain(row.x()), plain(row.P_eth()),
              plain(row.P_index()), plain(row.N_eth()), plain(row.N_index()), plain(row.I_eth()));
          default -> throw new IllegalStateException("unexpected row " + o);
        }
      }
      if (ifInvalid != null && ifInvalid.P_eth() == null) {
        out.printf("if the question is invalid (%s): nothing settles until the heavier oracle gives a value%n",
            ifInvalid.policy());
      } else if (ifInvalid != null) {
        out.printf("if the question is invalid (%s): P %s, N %s%s ETH per unit%n", ifInvalid.policy(),
            plain(ifInvalid.P_eth()), plain(ifInvalid.N_eth()), threeLegs ? ", I " + plain(ifInvalid.I_eth()) : "");
      }
    });
  }

  /** The protocol's own invalid payouts for {@code policy}; fallback has none. */
  private static IfInvalid ifInvalid(InvalidPolicy policy) {
    if (policy == InvalidPolicy.FALLBACK) {
      return new IfInvalid(policy.canonical(), null, null, null);
    }
    return new IfInvalid(policy.canonical(), decimal(policy.invalidPayoutPerUnit(Leg.P).wei()),
        decimal(policy.invalidPayoutPerUnit(Leg.N).wei()),
        policy.hasThirdOutcome() ? decimal(policy.invalidPayoutPerUnit(Leg.I).wei()) : null);
  }

  /** An 18-decimal payout valued at x, rounded down to 18 decimals like every protocol payout. */
  private static BigDecimal inIndexUnits(Amount perUnit, Price x) {
    return decimal(Exact.mulDiv(perUnit.wei(), x.units(), Exact.WAD, Rounding.DOWN));
  }

  private static BigDecimal decimal(java.math.BigInteger units) {
    BigDecimal d = new BigDecimal(units, 18).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0) : d;
  }

  private static String plain(BigDecimal d) {
    return d.toPlainString();
  }

  static final class PolicyConverter implements picocli.CommandLine.ITypeConverter<InvalidPolicy> {
    @Override
    public InvalidPolicy convert(String value) {
      for (InvalidPolicy p : InvalidPolicy.values()) {
        if (p.canonical().equalsIgnoreCase(value)) {
          return p;
        }
      }
      throw new picocli.CommandLine.TypeConversionException(
          "'" + value + "' is not one of half-half, third-outcome, fallback");
    }
  }

  static final class KindCandidates extends Choices.Candidates<Kind> {
    KindCandidates() {
      super(Kind.class);
    }
  }

  static final class PolicyCandidates extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    PolicyCandidates() {
      for (InvalidPolicy p : InvalidPolicy.values()) {
        add(p.canonical());
      }
    }
  }

  static final class KindConverter implements picocli.CommandLine.ITypeConverter<Kind> {
    @Override
    public Kind convert(String value) {
      for (Kind k : Kind.values()) {
        if (k.name().replace('_', '-').equalsIgnoreCase(value)) {
          return k;
        }
      }
      throw new picocli.CommandLine.TypeConversionException(
          "'" + value + "' is not one of covered-call, linear-range, binary");
    }
  }
}
