package noliq.lab.study.debt;

import java.util.List;
import noliq.lab.study.DesignModel;

/** The debt books the study runs ({@code noliq compare}). */
public final class DebtDesigns {
  private DebtDesigns() {}

  /**
   * Aave, Maker and Liquity, in that order, then Maker again with Black-Thursday-like gas
   * congestion ({@link MakerBook#congested()}), each with the default population
   * ({@link Population#defaults()}), liquidators ({@link Liquidators#defaults()}) and cascade
   * ({@link Cascade#defaults()}: impact on).
   */
  public static List<DesignModel> defaults() {
    return List.of(AaveBook.defaults(), MakerBook.defaults(), LiquityBook.defaults(), MakerBook.congested());
  }

  /** The same three books on {@code cascade} (e.g. {@code Cascade.defaults().withImpact(false)} for the exogenous run). */
  public static List<DebtBook> with(Cascade cascade) {
    Population p = Population.defaults();
    Liquidators l = Liquidators.defaults();
    return List.of(new AaveBook(p, l, cascade), new MakerBook(p, l, cascade),
        new LiquityBook(p, l, cascade, LiquityBook.DEFAULT_POOL_SHARE));
  }
}
