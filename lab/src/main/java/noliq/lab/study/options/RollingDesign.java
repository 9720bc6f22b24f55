package noliq.lab.study.options;

import noliq.lab.study.DesignModel;
import noliq.wrapper.port.Mechanism;

/**
 * An options design that rolls its position by one mechanism: it reads the options assumptions as
 * {@link OptionsAssumptions#readBy} gives them for that mechanism, so a sweep shares it across points
 * that differ only in another mechanism's terms.
 */
public sealed interface RollingDesign extends DesignModel permits WrapperVaultDesign, LocalAgentDesign, NHolderDesign {
  Mechanism mechanism();
}
