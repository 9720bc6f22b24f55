/**
 * Attacks as library functions: pushing a fast TWAP feed through a thin pool (what it costs, which
 * debt positions it makes liquidatable, what that extracts) and corrupting the slow oracle (the
 * vote share or escalation capital needed, against the value moved). Estimates in doubles.
 */
package noliq.oracle.attack;
