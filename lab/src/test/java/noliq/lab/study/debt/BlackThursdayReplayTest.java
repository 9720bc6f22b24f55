package noliq.lab.study.debt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import noliq.lab.engine.PathRandom;
import noliq.lab.scenarios.TestData;
import noliq.lab.scenarios.OhlcReader;
import noliq.lab.scenarios.OhlcSeries;
import noliq.lab.scenarios.PricePath;
import noliq.lab.study.DesignModel;
import noliq.lab.study.Trace;
import org.junit.jupiter.api.Test;

/**
 * The default books replayed through 12-13 March 2020 ("Black Thursday") on Binance's 5-minute
 * ETH/USDT bars, with the path's seed 2020: the liquidation counts are pinned, so any change to
 * the engines, the feed, the market or the population shows here.
 */
class BlackThursdayReplayTest {
  /** Aave liquidation calls (partial ones included: the 50% close factor makes several per account). */
  private static final int AAVE_LIQUIDATIONS = 750;
  /** Maker barks. */
  private static final int MAKER_BARKS = 622;
  /** Liquity troves liquidated. */
  private static final int LIQUITY_TROVES = 638;

  private static final String FILE = "intraday/eth_usdt_5m_binance_2020-02-10_2020-03-31.csv";

  @Test
  void theDefaultBooksThroughBlackThursday() {
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
