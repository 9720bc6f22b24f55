package noliq.lab.study.debt;

import java.util.List;
import noliq.lab.study.DesignModel;
import noliq.lab.study.MetricSpec;
import noliq.math.RuleViolation;
import noliq.oracle.attack.DebtExposure;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * What the three debt books share: an id, a population, the liquidators and the cascade settings;
 * {@link DebtMetrics#of} gives the metrics.
 */
public abstract sealed class DebtBook implements DesignModel permits AaveBook, MakerBook, LiquityBook {
  private final String id;
  private final Borrowers population;
  private final Liquidators liquidators;
  private final Cascade cascade;
  private final Congestion congestion;
  private final Behaviour behaviour;
  private final Interest interest;
  private final List<MetricSpec> metrics;

  DebtBook(String id, Borrowers population, Liquidators liquidators, Cascade cascade) {
    this(id, population, liquidators, cascade, Congestion.NONE);
  }

  DebtBook(String id, Borrowers population, Liquidators liquidators, Cascade cascade, Congestion congestion) {
    this(id, population, liquidators, cascade, congestion, Behaviour.defaults());
  }

  DebtBook(String id, Borrowers population, Liquidators liquidators, Cascade cascade, Congestion congestion,
      Behaviour behaviour) {
    this(id, population, liquidators, cascade, congestion, behaviour, Interest.defaults());
  }

  DebtBook(String id, Borrowers population, Liquidators liquidators, Cascade cascade, Congestion congestion,
      Behaviour behaviour, Interest interest) {
    if (population == null || liquidators == null || cascade == null || congestion == null || behaviour == null
        || interest == null) {
      throw new RuleViolation(id, "needs a population, liquidators, cascade settings and a congestion model");
    }
    this.id = id;
    this.population = population;
    this.liquidators = liquidators;
    this.cascade = cascade;
    this.congestion = congestion;
    this.behaviour = behaviour;
    this.interest = interest;
    this.metrics = id.startsWith("liquity") ? DebtMetrics.withStabilityPool(id) : DebtMetrics.of(id);
  }

  /** What the borrowers do for themselves ({@link Behaviour#defaults()} unless set). */
  public final Behaviour behaviour() {
    return behaviour;
  }

  /** The same book with borrowers who behave as {@code b}. */
  public abstract DebtBook withBehaviour(Behaviour b);

  /** How the book's debts accrue interest ({@link Interest#defaults()} unless set). */
  public final Interest interest() {
    return interest;
  }

  /** The same book whose debts accrue as {@code i}. */
  public abstract DebtBook withInterest(Interest i);

  /** The network congestion the book's keepers meet ({@link Congestion#NONE} by default). */
  public final Congestion congestion() {
    return congestion;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final List<MetricSpec> metrics() {
    return metrics;
  }

  public final Borrowers population() {
    return population;
  }

  public final Liquidators liquidators() {
    return liquidators;
  }

  public final Cascade cascade() {
    return cascade;
  }

  /** The collateral ratio below which a position is liquidatable (Aave: 1/LT; Maker: mat; Liquity: MCR). */
  public abstract double liquidationRatio();

  /** What a liquidator receives over the debt it repays, as a fraction (Aave 5%, Maker 13% chop, Liquity v2 5%). */
  public abstract double liquidationBonus();

  /** The smallest debt a position may have, in USD (0 when the protocol has none). */
  abstract double minDebt();

  /**
   * The book as drawn from {@code rng} at {@code price}, as the fast-feed attack sees it: each
   * borrower's liquidation price, collateral and debt (the same draw a run starts from).
   */
  public final List<DebtExposure> exposures(UniformRandomProvider rng, double price) {
    Population.Drawn drawn = population.draw(rng, price);
    Population.Draw[] draws = drawn.draws();
    double w = drawn.weight();
    DebtExposure[] out = new DebtExposure[draws.length];
    for (int i = 0; i < draws.length; i++) {
      double[] cd = sized(draws[i], price);
      // A representative stands for w positions: the attack sees the book at its scale.
      out[i] = new DebtExposure(id + ":" + i, cd[1] * liquidationRatio() / cd[0], cd[0] * w, cd[1] * w);
    }
    return List.of(out);
  }

  /** The three debt books draw from one stream: on every path they get the same borrowers and keepers. */
  public static final String RANDOM_STREAM = "debt-books";

  @Override
  public final String randomStream() {
    return RANDOM_STREAM;
  }

  /** A draw's collateral [ETH] and debt [USD] at {@code price}, scaled up to the minimum debt. */
  final double[] sized(Population.Draw d, double price) {
    double coll = d.collateralEth();
    double debt = coll * price / (liquidationRatio() * d.health());
    double floor = minDebt() * 1.1;
    if (debt < floor) {
      coll *= floor / debt;
      debt = floor;
    }
    return new double[] {coll, debt};
  }
}
