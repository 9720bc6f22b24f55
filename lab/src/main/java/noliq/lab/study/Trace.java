package noliq.lab.study;

/**
 * Where a design may record a time series for the report's charts (a wrapper's value against its
 * target, a liquidation wave, the price with forced sales fed back). The runner passes a recording
 * trace only for the few paths it charts, and {@link #NONE} for every other path, so recording
 * costs nothing in the Monte Carlo hot loop.
 */
public interface Trace {
  /** Adds point ({@code time}, {@code value}) to the series named {@code series}. */
  void record(String series, double timeYears, double value);

  /** True when points are kept; designs skip building values for a trace that drops them. */
  boolean enabled();

  Trace NONE = new Trace() {
    @Override
    public void record(String series, double timeYears, double value) {}

    @Override
    public boolean enabled() {
      return false;
    }
  };
}
