package noliq.lab.scenarios;

import java.time.Instant;

/**
 * Bars missing from a series: the data jumps from the bar opened at {@code lastBefore} to the one
 * opened at {@code firstAfter}, skipping {@code missingBars} bars. Reported, never filled.
 *
 * @param line the data line of the first bar after the gap
 */
public record Gap(Instant lastBefore, Instant firstAfter, long missingBars, long line) {}
