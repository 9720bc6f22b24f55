package noliq.lab.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import noliq.lab.engine.Progress;
import noliq.lab.study.Claims;
import noliq.lab.study.DesignCatalog;
import noliq.lab.study.StudyConfig;
import noliq.lab.study.StudyRunner;
import org.junit.jupiter.api.Test;

/**
 * A sweep judges the post's drift on the quantity the answer judges it on: the standard deviation of
 * the annual deviation across paths and year windows, not the daily tracking volatility. Its rows
 * carry the same figure the study's claims compute for the same point.
 */
class SweepDriftRowsTest {
  @Test
  void aYearLongSweepPointCarriesTheAnswersAnnualDeviationRows() {
    String json = "{\"scenarios\": [\"gbm\"], \"paths\": 6, \"horizonDays\": 365, \"seed\": 4, "
        + "\"designs\": [\"wrapper.kyrrui-tracker.auction\"], \"grid\": {\"makerMinEdgeBps\": [5, 40]}}";
    SweepSpec spec = SweepSpec.parse(json, "drift");
    SweepEngine engine = SweepEngine.of(spec);
    engine.computeShared(1, Progress.none());
    SweepSpec.Point point = spec.points().get(1);
    List<String> lines = engine.pointLines(point, 1);
    String metric = "wrapper.kyrrui-tracker.auction" + SweepEngine.ANNUAL_DEVIATION;
    String sd = lines.stream().filter(l -> l.contains("," + metric + ",sd,")).findFirst().orElseThrow();
    assertThat(lines).anyMatch(l -> l.contains("," + metric + ",mean,"));

    StudyConfig config = spec.configOf(point);
    StudyRunner.StudyResult study = StudyRunner.run(config, DesignCatalog.of(config.parameters()), name -> Progress.none());
    Claims.Claim claim = Claims.assess(study).get(0);
    String[] cols = sd.split(",");
    // point, the swept value, scenario, design, role, metric, statistic, value, ci_low, ci_high, n
    assertThat(Double.parseDouble(cols[7])).isEqualTo(claim.standev().value());
    assertThat(Long.parseLong(cols[10])).isEqualTo(claim.standev().n());
  }
}
