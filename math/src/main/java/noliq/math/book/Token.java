package noliq.math.book;

import noliq.math.RuleViolation;

/** A fungible token, named by its symbol: {@code ETH}, {@code USD}, or a series leg such as {@code P:3f2a…}. */
public record Token(String symbol) implements Comparable<Token> {
  public static final Token ETH = new Token("ETH");

  public Token {
    if (symbol == null || symbol.isBlank()) {
      throw new RuleViolation("token", "is required");
    }
    for (int i = 0; i < symbol.length(); i++) {
      if (Character.isWhitespace(symbol.charAt(i))) {
        throw new RuleViolation("token", "must not contain spaces (was '" + symbol + "')");
      }
    }
  }

  @Override
  public int compareTo(Token o) {
    return symbol.compareTo(o.symbol);
  }

  @Override
  public String toString() {
    return symbol;
  }
}
