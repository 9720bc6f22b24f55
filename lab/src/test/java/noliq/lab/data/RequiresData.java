package noliq.lab.data;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test of the <b>data suite</b>: it reads files of a data directory laid out like
 * {@code shared/data} that the project may not ship (the intraday crash bars, the hourly bars after
 * 2025, option chains). The suite runs when {@code -Dnoliq.data=DIR} (or {@code NOLIQ_DATA}) names
 * that directory, as {@code .ci/run} always does; a file it lacks then <b>fails</b> the test. Without
 * a data directory the test does not run, and {@link DataSuiteSummary} says so in one line at the
 * end of the module's tests: the only kind of skipped test the build allows.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag("data")
@ExtendWith(DataSuite.class)
public @interface RequiresData {
  /** The files the test reads, relative to the data directory, e.g. {@code "intraday/eth_usdt_5m_...csv"}. */
  String[] value();
}
