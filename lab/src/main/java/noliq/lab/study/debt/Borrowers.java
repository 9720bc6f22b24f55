package noliq.lab.study.debt;

import java.util.List;
import noliq.math.RuleViolation;
import org.apache.commons.rng.UniformRandomProvider;

/** Where a book's borrowers come from: a stated {@link Population} distribution, or a listed book (for hand-checked cases). */
public sealed interface Borrowers permits Population, Borrowers.Listed {
  /** How many borrowers a book has. */
  int positions();

  /** The borrowers of one path, in order, with their collateral at the path's first price {@code price}. */
  Population.Drawn draw(UniformRandomProvider rng, double price);

  /** Exactly these borrowers, on every path, each standing for itself alone. */
  static Borrowers listed(Population.Draw... draws) {
    return new Listed(List.of(draws));
  }

  /** A fixed list of borrowers. */
  record Listed(List<Population.Draw> draws) implements Borrowers {
    public Listed {
      if (draws == null || draws.isEmpty()) {
        throw new RuleViolation("draws", "must list at least one borrower");
      }
      for (Population.Draw d : draws) {
        if (!(d.collateralEth() > 0) || !(d.health() > 1)) {
          throw new RuleViolation("draws", "need positive collateral and a health factor above 1 (was " + d + ")");
        }
      }
      draws = List.copyOf(draws);
    }

    @Override
    public int positions() {
      return draws.size();
    }

    @Override
    public Population.Drawn draw(UniformRandomProvider rng, double price) {
      return new Population.Drawn(draws.toArray(new Population.Draw[0]), 1);
    }
  }
}
