package noliq.lab.study.options;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The year windows the post's drift is measured on. */
class AnnualWindowsTest {
  private static final long DAY = 86_400;

  @Test
  void aWeekHoldsNoYearWindowAYearOneAndTwoAndAHalfYearsTwo() {
    assertThat(WrapperTracker.annualDeviations(new double[] {100, 99}, new long[] {0, 7 * DAY}, 7 * DAY)).isEmpty();
    // one window: 100 ln(99 / 100), the mark at 180 days does not matter
    assertThat(WrapperTracker.annualDeviations(new double[] {100, 110, 99}, new long[] {0, 180 * DAY, 365 * DAY}, 365 * DAY))
        .containsExactly(100 * Math.log(0.99));
    // 100 -> 110 at the first year's end -> 121 at the second's (ln 1.1 each, the target reset each year); the half year after is no window
    assertThat(WrapperTracker.annualDeviations(new double[] {100, 110, 121, 50}, new long[] {0, 365 * DAY, 730 * DAY, 900 * DAY}, 900 * DAY))
        .containsExactly(100 * Math.log(1.1), 100 * Math.log(1.1));
  }
}
