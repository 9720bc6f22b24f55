package noliq.wrapper.vault;

import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.book.Token;

/** One token the vault holds, valued in index units at intrinsic value and at model mark. */
public record Holding(Token token, Amount amount, Price intrinsic, Price mark) {}
