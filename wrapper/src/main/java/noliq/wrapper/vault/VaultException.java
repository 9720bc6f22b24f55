package noliq.wrapper.vault;

import noliq.math.RuleViolation;

/** The vault refused an operation for the typed {@link #error()}; nothing was changed. */
public final class VaultException extends RuleViolation {
  private static final long serialVersionUID = 1L;
  private final transient VaultError error;

  public VaultException(VaultError error) {
    super(error.field(), error.rule());
    this.error = error;
  }

  public VaultError error() {
    return error;
  }
}
