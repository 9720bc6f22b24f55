package noliq.lab.study.debt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import noliq.lab.data.RequiresData;
import noliq.lab.engine.PathRandom;
import noliq.lab.scenarios.TestData;
import noliq.lab.scenarios.OhlcReader;
import noliq.lab.scenarios.OhlcSeries;
import noliq.lab.scenarios.PricePath;
import noliq.lab.study.DesignModel;
import noliq.lab.study.Trace;
import org.junit.jupiter.api.Test;

/**
 * The default books replayed through 12-13 March 2020 ("Black Thursday") with the path's seed 2020:
 * on the shipped hourly Binance ETH/USDT bars (every build), and on Binance's 5-minute bars (the
 * data suite), where the liquidated share of each book is pinned as a change detector, so any change
 * to the engines, the feed, the market or the population shows there. The books get the same
 * borrowers (one random stream).
 */
class BlackThursdayReplayTest {
  /** Aave: debt repaid by liquidations, in % of the book's initial debt. */
  private static final double AAVE_LIQUIDATED_PCT = 84.8509993730491;
  /** Maker: debt seized by barks, in % (79.47 until each keeper bid with its own float, 2 Dec 2026). */
  private static final double MAKER_LIQUIDATED_PCT = 79.864457782987;
  /** Liquity: debt of the troves liquidated, in %. */
  private static final double LIQUITY_LIQUIDATED_PCT = 97.50793459992958;

  private static final String FILE = "intraday/eth_usdt_5m_binance_2020-02-10_2020-03-31.csv";

  /**
   * The same two days on the shipped hourly bars. Outside facts: 48 hourly bars, Binance's hourly low
   * of 86.00 on 13 March (data README, spot checks); the forced sales take the market below it, by
   * little, and every book liquidates and ruins a borrower as ETH halves.
   */
  @Test
  void theDefaultBooksThroughBlackThursdayOnTheShippedHourlyBars() {
    OhlcSeries window = OhlcReader.read(TestData.shippedHourly())
        .window(Instant.parse("2020-03-12T00:00:00Z"), Instant.parse("2020-03-14T00:00:00Z"));
    PricePath path = PricePath.replay(window);
    assertThat(path.size()).isEqualTo(49);
    double binanceLow = window.lowestBar().low();
    assertThat(binanceLow).isEqualTo(86.00);
    assertThat(window.lowestBar().time()).isEqualTo(Instant.parse("2020-03-13T02:00:00Z"));
    for (DesignModel book : DebtDesigns.defaults()) {
      double[] out = new double[book.metrics().size()];
      book.newRun().simulate(path, PathRandom.forPath(2020, 0), Trace.NONE, out, 0);
      assertThat(out[DebtMetrics.LIQUIDATIONS]).as(book.id() + " liquidations").isPositive();
      // The forced sales of a $1B book push the market below Binance's own low, by a few percent.
      assertThat(out[DebtMetrics.MIN_PRICE_USD]).as(book.id() + " low").isLessThan(binanceLow).isGreaterThan(0.9 * binanceLow);
      assertThat(out[DebtMetrics.BORROWER_RUIN]).as(book.id() + " ruin: ETH halved").isEqualTo(1);
    }
  }

  @Test
  @RequiresData(FILE)
  void theDefaultBooksThroughBlackThursdayOnFiveMinuteBars() {
    OhlcSeries window = OhlcReader.read(TestData.require(FILE))
        .window(Instant.parse("2020-03-12T00:00:00Z"), Instant.parse("2020-03-14T00:00:00Z"));
    PricePath path = PricePath.replay(window);
    assertThat(path.size()).isEqualTo(577);
    double binanceLow = window.lowestBar().low();
    List<DesignModel> books = DebtDesigns.defaults();
    Map<String, Double> pinned = Map.of("aave", AAVE_LIQUIDATED_PCT, "maker", MAKER_LIQUIDATED_PCT, "liquity", LIQUITY_LIQUIDATED_PCT);
    Map<String, double[]> results = new java.util.HashMap<>();
    for (DesignModel book : books) {
      double[] out = new double[book.metrics().size()];
      book.newRun().simulate(path, PathRandom.forPath(2020, 0), Trace.NONE, out, 0);
      results.put(book.id(), out);
      if (!pinned.containsKey(book.id())) {
        continue;
      }
      assertThat(out[DebtMetrics.LIQUIDATED_PCT_BOOK]).as(book.id() + " liquidated % of the book")
          .isCloseTo(pinned.get(book.id()), within(1e-6));
      // The forced sales of a $1B book push the market below Binance's own low, by a few percent.
      assertThat(out[DebtMetrics.MIN_PRICE_USD]).as(book.id() + " low").isLessThan(binanceLow).isGreaterThan(0.9 * binanceLow);
      assertThat(out[DebtMetrics.BORROWER_RUIN]).as(book.id() + " ruin: ETH halved").isEqualTo(1);
    }
    // The same book and borrowers with Black-Thursday-like congestion: keepers priced out of the network while ETH
    // falls leave auctions to the few that land, so more debt goes unbacked and the keepers that land earn more.
    double[] calm = results.get("maker");
    double[] congested = results.get("maker.congested");
    assertThat(congested[DebtMetrics.BAD_DEBT_USD]).isGreaterThan(calm[DebtMetrics.BAD_DEBT_USD]);
  }
}
