/**
 * The report directory: {@code index.html} (self-contained, opens offline: charts are embedded PNGs),
 * {@code summary.json} with every headline figure, a CSV per table and per chart series, and the
 * PNG charts (XChart). The same {@link noliq.lab.report.Report} always gives byte-identical files.
 */
package noliq.lab.report;
