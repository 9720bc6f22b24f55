package noliq.lab.study.options;

import java.util.List;
import noliq.lab.engine.PathRandom;
import noliq.lab.scenarios.PricePath;
import noliq.lab.study.DesignModel;
import noliq.lab.study.MetricSpec;
import noliq.lab.study.Trace;
import noliq.wrapper.policy.Policies;
import noliq.wrapper.port.Mechanism;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void smoke() {
    PricePath path = Paths.gbm(1, 365 * 24, 0.8);
    for (String p : Policies.NAMES) {
      for (Mechanism m : Mechanism.values()) {
        DesignModel d = new WrapperVaultDesign(p, m);
        long t = System.nanoTime();
        double[] out = new double[d.metrics().size()];
        d.newRun().simulate(path, PathRandom.forPath(1, 0), Trace.NONE, out, 0);
        StringBuilder sb = new StringBuilder(d.id() + " " + (System.nanoTime() - t) / 1_000_000 + "ms");
        List<MetricSpec> specs = d.metrics();
        for (int i = 0; i < specs.size(); i++) {
          sb.append(String.format(" %s=%.4g", specs.get(i).name().substring(d.id().length() + 1), out[i]));
        }
        System.out.println(sb);
      }
    }
  }
}
