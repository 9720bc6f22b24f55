package noliq.lab.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.List;
import noliq.lab.metrics.Estimate;

/**
 * One row of the long-form {@code metrics.csv}: one statistic of one metric of one design on one
 * scenario, with its 95% interval (empty when there is none: a constant, a quantile the sample
 * cannot bound) and sample size. Tidy: {@code pandas.read_csv("metrics.csv")} gives one observation
 * per row, and a sweep can concatenate the rows of many runs.
 *
 * @param family the design's family ({@code aave}, {@code wrapper}, ...)
 * @param role whose figure it is ({@code stable-value holder}, {@code system}, ...)
 * @param policy the roll policy of an options design, else empty
 * @param mechanism the roll mechanism of an options design, else empty
 * @param statistic {@code mean}, {@code p95}, {@code p99}, {@code cvar95}, {@code share}, {@code standev}, {@code constant}...
 */
@JsonPropertyOrder({"scenario", "design", "family", "role", "policy", "mechanism", "metric", "unit", "statistic", "value", "ciLow", "ciHigh", "n", "seed"})
public record MetricRow(String scenario, String design, String family, String role, String policy, String mechanism,
    String metric, String unit, String statistic, Double value, Double ciLow, Double ciHigh, long n, long seed) {

  private static final CsvMapper CSV = CsvMapper.builder().enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
  private static final CsvSchema SCHEMA = CSV.schemaFor(MetricRow.class).withHeader().withLineSeparator("\n")
      .withNullValue("");

  /** The column names, as {@code metrics.csv} heads them. */
  public static final List<String> COLUMNS = List.of("scenario", "design", "family", "role", "policy", "mechanism", "metric",
      "unit", "statistic", "value", "ci_low", "ci_high", "n", "seed");

  /** A row from an estimate (non-finite parts become empty cells). */
  public static MetricRow of(String scenario, String design, String family, String role, String policy, String mechanism,
      String metric, String unit, String statistic, Estimate e, long seed) {
    return new MetricRow(scenario, design, family, role, policy, mechanism, metric, unit, statistic,
        finite(e.value()), finite(e.low()), finite(e.high()), e.n(), seed);
  }

  private MetricRow atReportPrecision() {
    return new MetricRow(scenario, design, family, role, policy, mechanism, metric, unit, statistic,
        Digits.rounded(value), Digits.rounded(ciLow), Digits.rounded(ciHigh), n, seed);
  }

  private static Double finite(double d) {
    return Double.isFinite(d) ? d : null;
  }

  /** The rows as CSV with the header {@link #COLUMNS}, each value and bound at the report's precision ({@link Digits}). */
  public static String csv(List<MetricRow> rows) {
    try {
      List<MetricRow> written = rows.stream().map(MetricRow::atReportPrecision).toList();
      String body = CSV.writer(SCHEMA.withoutHeader()).writeValueAsString(written);
      return String.join(",", COLUMNS) + "\n" + body;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write metrics.csv: " + e.getOriginalMessage(), e);
    }
  }
}
