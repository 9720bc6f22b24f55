package noliq.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import noliq.pricing.Greeks;
import noliq.pricing.InverseOptions;
import noliq.pricing.OptionInputs;
import noliq.pricing.Valuation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "price",
    mixinStandardHelpOptions = true,
    header = "Value P and N before maturity, with their greeks.",
    description = {
        "Values P and N before maturity (Black-Scholes in the ETH numeraire, as Deribit's inverse options), in ETH and "
            + "in index units, with their greeks: delta and gamma per unit of the index value, vega per 1.00 of vol, "
            + "theta per year.",
        "",
        "Ranges: spot and strike above 0 and at most 1e9; days from 0.001 to 36500; vol from 0.001 "
            + "to 10, as a fraction (0.7 = 70%%/yr); rate and ETH yield between -1 and 1."
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  noliq price --spot 3000 --strike 2000 --days 90 --vol 0.7",
        "  noliq price --spot 3000 --strike 2000 --days 30 --vol 0.8 --rate 0.05 \\", "      --eth-yield 0.03 --json"
    })
final class PriceCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin Output output;

  @Option(names = "--spot", required = true, paramLabel = "X", description = "ETH price in index units (e.g. USD).")
  double spot;

  @Option(names = "--strike", required = true, paramLabel = "S", description = "Strike in index units.")
  double strike;

  @Option(names = "--days", required = true, paramLabel = "D", description = "Days to maturity (years = days / 365).")
  double days;

  @Option(names = "--vol", required = true, paramLabel = "V", description = "Volatility per year (0.7 = 70%%).")
  double vol;

  @Option(names = "--rate", defaultValue = "0", paramLabel = "R", description = "Index-unit interest rate per year (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--eth-yield", defaultValue = "0", paramLabel = "Q", description = "ETH yield per year, e.g. staking (default: ${DEFAULT-VALUE}).")
  double ethYield;

  @Override
  public void run() {
    Limits.price("--spot", spot);
    Limits.price("--strike", strike);
    Limits.days("--days", days);
    Limits.vol("--vol", vol);
    Limits.rate("--rate", rate);
    Limits.rate("--eth-yield", ethYield);
    Valuation v = InverseOptions.value(new OptionInputs(spot, strike, days, vol, rate, ethYield));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("P_eth", v.pEth());
    result.put("N_eth", v.nEth());
    result.put("P_index", v.pIndex());
    result.put("N_index", v.nIndex());
    Map<String, Object> greeks = new LinkedHashMap<>();
    greeks.put("P_eth", v.pEthGreeks());
    greeks.put("N_eth", v.nEthGreeks());
    greeks.put("P_index", v.pIndexGreeks());
    greeks.put("N_index", v.nIndexGreeks());
    result.put("greeks", greeks);
    result.put("inputs", v.inputs());
    PrintWriter out = spec.commandLine().getOut();
    output.print(out, result, r -> {
      out.printf("spot %s, strike %s, %s days, vol %s, rate %s, ETH yield %s%n", spot, strike, days, vol, rate, ethYield);
      out.printf("%-8s %14s %16s%n", "leg", "ETH", "index units");
      out.printf("%-8s %14.6f %16.4f%n", "P", v.pEth(), v.pIndex());
      out.printf("%-8s %14.6f %16.4f%n", "N", v.nEth(), v.nIndex());
      out.printf("%nP's discount to its cap S (the put a P holder is short): %.4f index units%n", v.putIndex());
      out.printf("%n%-10s %14s %14s %14s %14s%n", "greeks", "delta", "gamma", "vega", "theta/yr");
      row(out, "P (ETH)", v.pEthGreeks());
      row(out, "N (ETH)", v.nEthGreeks());
      row(out, "P (index)", v.pIndexGreeks());
      row(out, "N (index)", v.nIndexGreeks());
    });
  }

  private static void row(PrintWriter out, String name, Greeks g) {
    out.printf("%-10s %14.6g %14.6g %14.6g %14.6g%n", name, g.delta(), g.gamma(), g.vega(), g.theta());
  }
}
