package noliq.lab.study;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link Trace} that keeps every point, series by series in the order they were first recorded.
 * One per design and charted path, used by one thread.
 */
public final class RecordingTrace implements Trace {
  private final Map<String, Points> series = new LinkedHashMap<>();

  @Override
  public void record(String name, double timeYears, double value) {
    series.computeIfAbsent(name, k -> new Points()).add(timeYears, value);
  }

  @Override
  public boolean enabled() {
    return true;
  }

  /** The series recorded, by name, in first-recorded order. */
  public Map<String, Points> series() {
    return java.util.Collections.unmodifiableMap(series);
  }

  /** One series' points, in recording order. */
  public static final class Points {
    private double[] x = new double[64];
    private double[] y = new double[64];
    private int n;

    void add(double xi, double yi) {
      if (n == x.length) {
        x = Arrays.copyOf(x, n * 2);
        y = Arrays.copyOf(y, n * 2);
      }
      x[n] = xi;
      y[n] = yi;
      n++;
    }

    public int size() {
      return n;
    }

    public double[] x() {
      return Arrays.copyOf(x, n);
    }

    public double[] y() {
      return Arrays.copyOf(y, n);
    }
  }
}
