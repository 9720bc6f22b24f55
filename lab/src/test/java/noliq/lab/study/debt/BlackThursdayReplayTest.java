package noliq.lab.study.debt;

import static org.assertj.core.api.Assertions.assertThat;

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
 * data suite), where the liquidation counts are pinned as a change detector, so any change to the
 * engines, the feed, the market or the population shows there.
 */
class BlackThursdayReplayTest {
  /** Aave liquidation calls (partial ones included: the 50% close factor makes several per account). */
  private static final int AAVE_LIQUIDATIONS = 750;
  /** Maker barks. */
  private static final int MAKER_BARKS = 622;
  /** Liquity troves liquidated. */
  private static final int LIQUITY_TROVES = 639;

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
      assertThat(out[DebtMetrics.MIN_PRICE_USD]).as(book.id() + " low").isLessThan(binanceLow).isGreaterThan(0.99 * binanceLow);
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
    Map<String, Integer> pinned = Map.of("aave", AAVE_LIQUIDATIONS, "maker", MAKER_BARKS, "liquity", LIQUITY_TROVES);
    for (DesignModel book : books) {
      double[] out = new double[book.metrics().size()];
      book.newRun().simulate(path, PathRandom.forPath(2020, 0), Trace.NONE, out, 0);
      assertThat(out[DebtMetrics.LIQUIDATIONS]).as(book.id() + " liquidations").isEqualTo(pinned.get(book.id()).doubleValue());
      // The forced sales push the market below Binance's own low, and by little: the book is small next to ETH's depth.
      assertThat(out[DebtMetrics.MIN_PRICE_USD]).as(book.id() + " low").isLessThan(binanceLow).isGreaterThan(0.99 * binanceLow);
      assertThat(out[DebtMetrics.BORROWER_RUIN]).as(book.id() + " ruin: ETH halved").isEqualTo(1);
    }
  }
}
