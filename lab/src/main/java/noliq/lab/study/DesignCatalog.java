package noliq.lab.study;

import java.util.List;

/**
 * The designs a study runs, from a single place. The debt books ({@code noliq.lab.study.debt}) and
 * the options designs ({@code noliq.lab.study.options}) are listed here when they join the build;
 * until then the catalog is empty and every study refuses to run ("no designs: ...").
 */
public final class DesignCatalog {
  private DesignCatalog() {}

  /** Every design of the study, in the order the report shows them. */
  public static List<DesignModel> defaults() {
    return List.of();
  }
}
