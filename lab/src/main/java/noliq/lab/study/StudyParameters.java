package noliq.lab.study;

import noliq.lab.scenarios.ModelParameters;
import noliq.lab.study.debt.Behaviour;
import noliq.lab.study.debt.Cascade;
import noliq.lab.study.debt.Interest;
import noliq.lab.study.debt.DebtOracleExposure;
import noliq.lab.study.debt.FeedManipulationDesign;
import noliq.lab.study.debt.LiquityBook;
import noliq.lab.study.debt.Liquidators;
import noliq.lab.study.debt.Population;
import noliq.lab.study.options.OptionsAssumptions;
import noliq.math.RuleViolation;

/**
 * Every parameter record a study's designs and stochastic scenarios are built from, in one value:
 * what {@link Assumptions} overrides by name and {@link DesignCatalog#of(StudyParameters)} builds
 * the designs from. {@link #DEFAULTS} gives exactly the default catalog and the standard models.
 *
 * @param population the debt books' borrowers
 * @param liquidators the debt books' liquidators and keepers
 * @param cascade how the debt books meet the market (impact, feed, rounds)
 * @param liquityPoolShare the Liquity Stability Pool's depth as a share of the borrowers' debt
 * @param behaviour what the debt books' borrowers do for themselves (top-ups, repayments, reopening)
 * @param interest how the debt books' debts accrue interest
 * @param feedAttack the fast-feed manipulation against the Aave book
 * @param options the options side: roll markets, makers' volatility, sizes, oracle, agent
 * @param models the stochastic scenarios' parameters
 */
public record StudyParameters(Population population, Liquidators liquidators, Cascade cascade, double liquityPoolShare,
    Behaviour behaviour, Interest interest, DebtOracleExposure feedAttack, OptionsAssumptions options, ModelParameters models) {

  public static final StudyParameters DEFAULTS = new StudyParameters(Population.defaults(), Liquidators.defaults(),
      Cascade.defaults(), LiquityBook.DEFAULT_POOL_SHARE, Behaviour.defaults(), Interest.defaults(),
      FeedManipulationDesign.defaults().attack(), OptionsAssumptions.DEFAULTS, ModelParameters.DEFAULTS);

  public StudyParameters {
    if (population == null || liquidators == null || cascade == null || behaviour == null || interest == null
        || feedAttack == null || options == null || models == null) {
      throw new RuleViolation("parameters", "every parameter record is required");
    }
  }
}
