package noliq.oracle;

import java.time.Instant;

/**
 * Why an oracle operation was refused. Each reason names the field at fault and reads as the rule
 * it broke; {@link OracleException} carries one. Nothing changes when one is thrown.
 */
public sealed interface OracleError {
  String field();

  String rule();

  /** A required argument was missing. */
  record Missing(String field) implements OracleError {
    public String rule() {
      return "is required";
    }
  }

  /** A numeric argument was outside its allowed range. */
  record OutOfRange(String field, String requirement, String was) implements OracleError {
    public String rule() {
      return "must be " + requirement + " (was " + was + ")";
    }
  }

  /** No request (question, vote) is known under this key. */
  record UnknownRequest(String field, Object key) implements OracleError {
    public String rule() {
      return "no request " + key;
    }
  }

  /** A request for this key already exists. */
  record DuplicateRequest(String field, Object key) implements OracleError {
    public String rule() {
      return "a request for " + key + " already exists";
    }
  }

  /** The operation is not allowed in the request's current state. */
  record WrongState(String field, String operation, String state) implements OracleError {
    public String rule() {
      return operation + " is not allowed while the request is " + state;
    }
  }

  /** The operation came too early. */
  record TooEarly(String field, String operation, Instant opensAt, Instant now) implements OracleError {
    public String rule() {
      return operation + " is not allowed before " + opensAt + " (now " + now + ")";
    }
  }

  /** The operation came too late: its window closed. */
  record TooLate(String field, String operation, Instant closedAt, Instant now) implements OracleError {
    public String rule() {
      return operation + " closed at " + closedAt + " (now " + now + ")";
    }
  }

  /** The actor may not do this (for example, disputing one's own proposal where refused, or a second commit). */
  record NotAllowed(String field, String reason) implements OracleError {
    public String rule() {
      return reason;
    }
  }

  /** The value is not yet final, so nothing may settle from it. */
  record NotFinal(String field, Object key, String state) implements OracleError {
    public String rule() {
      return "the value for " + key + " is not final yet (" + state + ")";
    }
  }
}
