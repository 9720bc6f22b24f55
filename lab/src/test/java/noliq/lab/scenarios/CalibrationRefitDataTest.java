package noliq.lab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import noliq.market.roll.MarketReaction;
import org.junit.jupiter.api.Test;
import noliq.lab.data.RequiresData;

/**
 * Refits the committed market constants from the real files they were fitted on: the smile and the
 * screen's bid-ask ({@link MarketReaction#DEFAULTS}) from Deribit's ETH chains, and the implied-vol
 * mapping ({@link ImpliedVol}) from DVOL and daily closes. The files are not shippable: this class runs
 * only when a data directory is given (the build gives {@code shared/data}).
 */
@RequiresData({SmileFit.BOOK_SUMMARY, ImpliedVolFit.DAILY_CLOSES, ImpliedVol.DVOL_FILE}) // and the chain export folder beside the book summary
class CalibrationRefitDataTest {
  @Test
  void theSmileAndTheBidAskRefitToTheCommittedConstants() {
    SmileFit.Skew skew = SmileFit.fitSkew(TestData.require(SmileFit.BOOK_SUMMARY));
    assertThat(skew.putSkew()).isCloseTo(MarketReaction.DEFAULTS.putSkew(), within(0.0005));
    assertThat(skew.callSkew()).isCloseTo(MarketReaction.DEFAULTS.callSkew(), within(0.0005));
    assertThat(skew.puts()).isEqualTo(70);
    assertThat(skew.calls()).isEqualTo(218);
    assertThat(skew.putRmseVolPoints()).isCloseTo(3.3, within(0.05));
    assertThat(skew.callRmseVolPoints()).isCloseTo(4.8, within(0.05));
    SmileFit.Spread spread = SmileFit.fitSpread(DataFiles.directory().orElseThrow().resolve(SmileFit.CHAIN_EXPORT));
    // the data README: 595 options with both an IV bid and an IV ask
    assertThat(spread.quotes()).isEqualTo(595);
    assertThat(spread.ivHalfSpreadAtOneDay()).isCloseTo(MarketReaction.DEFAULTS.ivHalfSpreadAtOneDay(), within(0.0005));
    assertThat(spread.narrowestHalfSpreadEth()).isCloseTo(MarketReaction.DEFAULTS.tickEth(), within(1e-9));
  }

  @Test
  void theImpliedVolMappingRefitsToTheCommittedConstants() {
    var closes = ImpliedVolFit.readDailyCloses(TestData.require(ImpliedVolFit.DAILY_CLOSES));
    var dvol = ImpliedVol.readDvol(TestData.require(ImpliedVol.DVOL_FILE));
    ImpliedVolFit.Fit fit = ImpliedVolFit.fit(closes, dvol);
    assertThat(fit.days()).isEqualTo(1840);
    assertThat(fit.ivOverForwardRv()).isCloseTo(ImpliedVol.IV_OVER_FORWARD_RV, within(0.0005));
    assertThat(fit.ratioLogSd()).isCloseTo(ImpliedVol.IV_OVER_FORWARD_RV_LOG_SD, within(0.0005));
    assertThat(fit.sdDvol()).isCloseTo(ImpliedVol.DVOL_SD, within(0.0005));
    assertThat(fit.intercept()).isCloseTo(ImpliedVol.RV_MAP_INTERCEPT, within(0.0005));
    assertThat(fit.slope()).isCloseTo(ImpliedVol.RV_MAP_SLOPE, within(0.0005));
    assertThat(fit.rmseLog()).isCloseTo(ImpliedVol.RV_MAP_RMSE_LOG, within(0.0005));
    assertThat(fit.meanDvol()).isCloseTo(MarketReaction.DVOL_MEAN, within(0.0005));
  }

  @Test
  void aDayOfHistoryReadsItsDvolAndBeforeDvolTheMapping() {
    var closes = ImpliedVolFit.readDailyCloses(TestData.require(ImpliedVolFit.DAILY_CLOSES));
    var dvol = ImpliedVol.readDvol(TestData.require(ImpliedVol.DVOL_FILE));
    // 19 May 2021: DVOL's close that day is in the file
    var may = ImpliedVolFit.stateOn(java.time.LocalDate.parse("2021-05-19"), closes, dvol);
    assertThat(may.atm()).isEqualTo(dvol.get(java.time.LocalDate.parse("2021-05-19")));
    assertThat(may.atmSource()).isEqualTo("Deribit DVOL");
    assertThat(may.realisedVolJump()).isGreaterThan(1);
    // 12 Mar 2020, before DVOL: the mapping, from a realised vol the crash made huge
    var march = ImpliedVolFit.stateOn(java.time.LocalDate.parse("2020-03-12"), closes, dvol);
    assertThat(march.atmSource()).startsWith("mapped");
    assertThat(march.realisedVolJump()).isGreaterThan(3);
  }
}
