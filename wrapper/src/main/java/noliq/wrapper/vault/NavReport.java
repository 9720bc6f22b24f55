package noliq.wrapper.vault;

import java.util.List;
import noliq.math.Amount;
import noliq.math.Price;

/**
 * The vault's net asset value in index units, two ways. {@code intrinsic} values each P at
 * {@code min(x, S)} (what it pays if the series settled at x now; Kyrrui's NAV, and the basis shares
 * are minted on); {@code modelMark} values unsettled P and N with the Black-Scholes model at the
 * observation's volatility, which is lower for P by the put a P holder is short. Both are rounded
 * down. Per-share values are per whole share (10^18 units), over the supply plus the virtual shares.
 */
public record NavReport(
    Price intrinsic, Price modelMark, Amount shares, Amount virtualShares, Price intrinsicPerShare,
    Price markPerShare, List<Holding> holdings) {

  public static final String BASIS = "intrinsic: P at min(x, S), N at max(0, x - S), settled legs at their payout, ETH at x; "
      + "model mark: unsettled P and N at Black-Scholes (ETH numeraire, r = q = 0); both rounded down; "
      + "shares are minted on the intrinsic basis";

  public String basis() {
    return BASIS;
  }
}
