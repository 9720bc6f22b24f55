/**
 * Drift accounting: a holder's deviation from target split into exposure drift between rolls, roll
 * cost against fair value, and settlement and oracle error, adding up exactly to the total.
 */
package noliq.wrapper.drift;
