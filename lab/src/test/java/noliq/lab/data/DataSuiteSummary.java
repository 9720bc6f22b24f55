package noliq.lab.data;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints one line at the end of the tests naming the data-suite tests that did not run and the flag
 * that runs them (registered in {@code META-INF/services}). Silent when every test ran.
 */
public final class DataSuiteSummary implements TestExecutionListener {
  private final List<String> notRun = new ArrayList<>();

  @Override
  public void testPlanExecutionStarted(TestPlan plan) {
    notRun.clear();
  }

  @Override
  public void executionSkipped(TestIdentifier test, String reason) {
    if (reason != null && reason.startsWith(DataSuite.NOT_RUN)) {
      notRun.add(test.getSource().map(s -> switch (s) {
        case MethodSource m -> simple(m.getClassName()) + "." + m.getMethodName();
        case ClassSource c -> simple(c.getClassName());
        default -> test.getDisplayName();
      }).orElse(test.getDisplayName()));
    }
  }

  @Override
  public void testPlanExecutionFinished(TestPlan plan) {
    if (!notRun.isEmpty()) {
      System.err.println("noliq data suite: " + notRun.size() + " test(s) did not run, for want of the real data: "
          + String.join(", ", notRun) + ". Run them with " + DataSuite.HOW + ".");
    }
  }

  private static String simple(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
