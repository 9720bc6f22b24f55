package noliq.math.book;

import java.math.BigInteger;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import noliq.math.Amount;
import noliq.math.Exact;
import noliq.math.RuleViolation;

/**
 * Balances of every account in every token, and each token's total supply. For every token, the
 * balances sum to the supply at all times; no balance is ever negative.
 *
 * <p>Single writer: not thread-safe, by design (one engine steps it, as in the LMAX model).
 */
public final class TokenBook {
  /** Each token's non-zero balances; an account whose balance reaches zero leaves its token's map. */
  private final Map<Token, Map<AccountId, Balance>> balances = new HashMap<>();
  private final Map<Token, BigInteger> supplies = new HashMap<>();
  /**
   * The undo log of the open transactions, oldest first, as parallel arrays so that a change inside
   * a transaction allocates nothing once they have grown: entry {@code i} restores a balance
   * ({@link #UNDO_BALANCE}: token, account, value before), a supply ({@link #UNDO_SUPPLY}: token,
   * value before) or runs an action registered with {@link #onRollback} ({@link #UNDO_ACTION}).
   */
  private byte[] undoKind = new byte[16];
  private Object[] undoKey = new Object[16];
  private AccountId[] undoAccount = new AccountId[16];
  private BigInteger[] undoBefore = new BigInteger[16];
  private int undoSize;
  private static final byte UNDO_BALANCE = 0;
  private static final byte UNDO_SUPPLY = 1;
  private static final byte UNDO_ACTION = 2;
  /** For each open transaction, {@link #undoSize} when it began. */
  private int[] savepoints = new int[8];
  private int depth;

  /**
   * One account's balance of one token, a cell changed in place: a transfer then looks each
   * balance up once (a {@code put} of the new value would hash and search the map a second time).
   */
  private static final class Balance {
    BigInteger value;

    Balance(BigInteger value) {
      this.value = value;
    }
  }

  public Amount balanceOf(AccountId account, Token token) {
    Map<AccountId, Balance> byAccount = balances.get(token);
    Balance b = byAccount == null ? null : byAccount.get(account);
    return b == null ? Amount.ZERO : new Amount(b.value);
  }

  public Amount totalSupply(Token token) {
    BigInteger v = supplies.get(token);
    return v == null ? Amount.ZERO : new Amount(v);
  }

  /** Creates {@code amount} of {@code token} in {@code to}. Only the token's issuer calls this. */
  public void mint(Token token, AccountId to, Amount amount) {
    requirePositive(amount);
    BigInteger supply = supplies.getOrDefault(token, BigInteger.ZERO);
    BigInteger newSupply = Exact.add(supply, amount.wei());
    credit(balances.computeIfAbsent(token, t -> new HashMap<>()), token, to, amount.wei());
    setSupply(token, newSupply);
  }

  /** Destroys {@code amount} of {@code token} held by {@code from}. Only the token's issuer calls this. */
  public void burn(Token token, AccountId from, Amount amount) {
    requirePositive(amount);
    debit(balances.get(token), token, from, amount);
    setSupply(token, supplies.get(token).subtract(amount.wei()));
  }

  /** Moves {@code amount} of {@code token}; a transfer to oneself is refused as a likely mistake. */
  public void transfer(Token token, AccountId from, AccountId to, Amount amount) {
    requirePositive(amount);
    if (from.equals(to)) {
      throw new RuleViolation("to", "must differ from the sender (" + from + ")");
    }
    // The token's map is looked up once for both sides; a successful debit means it exists.
    Map<AccountId, Balance> byAccount = balances.get(token);
    debit(byAccount, token, from, amount);
    credit(byAccount, token, to, amount.wei());
  }

  /**
   * Runs {@code operation} all-or-nothing: if it throws, every balance change it made (and every
   * action registered with {@link #onRollback}) is undone before the exception propagates.
   * Transactions nest; an inner failure caught by an outer operation undoes only the inner part.
   */
  public <T> T atomically(Supplier<T> operation) {
    if (depth == savepoints.length) {
      savepoints = java.util.Arrays.copyOf(savepoints, depth * 2);
    }
    savepoints[depth++] = undoSize;
    try {
      T result = operation.get();
      depth--;
      if (depth == 0) {
        truncateUndo(0);
      }
      return result;
    } catch (RuntimeException | Error e) {
      int savepoint = savepoints[--depth];
      int top = undoSize;
      for (int i = top - 1; i >= savepoint; i--) {
        undoSize = i; // popped before it runs, as an action may itself register one
        undo(i);
      }
      if (undoSize == savepoint) {
        java.util.Arrays.fill(undoKey, savepoint, top, null);
        java.util.Arrays.fill(undoAccount, savepoint, top, null);
        java.util.Arrays.fill(undoBefore, savepoint, top, null);
      }
      throw e;
    }
  }

  private void pushUndo(byte kind, Object key, AccountId account, BigInteger before) {
    if (undoSize == undoKind.length) {
      int n = undoSize * 2;
      undoKind = java.util.Arrays.copyOf(undoKind, n);
      undoKey = java.util.Arrays.copyOf(undoKey, n);
      undoAccount = java.util.Arrays.copyOf(undoAccount, n);
      undoBefore = java.util.Arrays.copyOf(undoBefore, n);
    }
    undoKind[undoSize] = kind;
    undoKey[undoSize] = key;
    undoAccount[undoSize] = account;
    undoBefore[undoSize] = before;
    undoSize++;
  }

  /** Forgets the undo entries from {@code size} on, dropping their references. */
  private void truncateUndo(int size) {
    // One pass over the few entries a transaction leaves (three Arrays.fill calls cost 6% of a split).
    for (int i = size; i < undoSize; i++) {
      undoKey[i] = null;
      undoAccount[i] = null;
      undoBefore[i] = null;
    }
    undoSize = size;
  }

  private void undo(int i) {
    BigInteger before = undoBefore[i];
    switch (undoKind[i]) {
      case UNDO_BALANCE -> {
        Token token = (Token) undoKey[i];
        Map<AccountId, Balance> m = balances.computeIfAbsent(token, t -> new HashMap<>());
        if (before == null || before.signum() == 0) {
          m.remove(undoAccount[i]);
        } else {
          // The cell may have left the map (its balance reached zero) since the change being undone.
          Balance b = m.get(undoAccount[i]);
          if (b == null) {
            m.put(undoAccount[i], new Balance(before));
          } else {
            b.value = before;
          }
        }
      }
      case UNDO_SUPPLY -> {
        if (before == null) {
          supplies.remove((Token) undoKey[i]);
        } else {
          supplies.put((Token) undoKey[i], before);
        }
      }
      default -> ((Runnable) undoKey[i]).run();
    }
  }

  /** {@link #atomically(Supplier)} for an operation with no result. */
  public void atomically(Runnable operation) {
    atomically(() -> {
      operation.run();
      return null;
    });
  }

  /**
   * Registers an undo action for state that lives outside the book (a protocol's own fields), to
   * run if the enclosing {@link #atomically} fails. Outside a transaction it does nothing.
   */
  public void onRollback(Runnable action) {
    if (depth > 0) {
      pushUndo(UNDO_ACTION, action, null, null);
    }
  }

  /** Every token with a non-zero supply, in symbol order. */
  public java.util.SortedSet<Token> tokens() {
    return Collections.unmodifiableSortedSet(new java.util.TreeSet<>(supplies.keySet()));
  }

  /** The non-zero balances of {@code token}, by account. */
  public Map<AccountId, Amount> holders(Token token) {
    Map<AccountId, Amount> out = new TreeMap<>();
    Map<AccountId, Balance> byAccount = balances.get(token);
    if (byAccount != null) {
      byAccount.forEach((a, b) -> out.put(a, new Amount(b.value)));
    }
    return Collections.unmodifiableMap(out);
  }

  /** The non-zero balances of {@code account}, by token. */
  public Map<Token, Amount> balancesOf(AccountId account) {
    Map<Token, Amount> out = new TreeMap<>();
    balances.forEach((t, byAccount) -> {
      Balance b = byAccount.get(account);
      if (b != null) {
        out.put(t, new Amount(b.value));
      }
    });
    return Collections.unmodifiableMap(out);
  }

  /** An immutable, ordered copy of every non-zero balance and every supply, for comparison and persistence. */
  public Snapshot snapshot() {
    Map<Token, Map<AccountId, Amount>> b = new TreeMap<>();
    balances.forEach((t, byAccount) -> {
      if (!byAccount.isEmpty()) {
        b.put(t, holders(t));
      }
    });
    Map<Token, Amount> s = new TreeMap<>();
    supplies.forEach((t, v) -> s.put(t, new Amount(v)));
    return new Snapshot(Collections.unmodifiableMap(b), Collections.unmodifiableMap(s));
  }

  /** The book's whole state at one moment. Equal snapshots mean equal books. */
  public record Snapshot(Map<Token, Map<AccountId, Amount>> balances, Map<Token, Amount> supplies) {}

  private static void requirePositive(Amount amount) {
    if (amount == null) {
      throw new RuleViolation("amount", "is required");
    }
    if (!amount.isPositive()) {
      throw new RuleViolation("amount", "must be positive (was " + amount + ")");
    }
  }

  /** Takes {@code amount} from {@code account}'s balance in {@code byAccount}, {@code token}'s map (or null). */
  private void debit(Map<AccountId, Balance> byAccount, Token token, AccountId account, Amount amount) {
    Balance b = byAccount == null ? null : byAccount.get(account);
    if (b == null || b.value.compareTo(amount.wei()) < 0) {
      throw new InsufficientBalance(account, token, amount,
          b == null ? Amount.ZERO : new Amount(b.value));
    }
    BigInteger before = b.value;
    b.value = before.subtract(amount.wei());
    if (b.value.signum() == 0) {
      byAccount.remove(account);
    }
    logBalance(token, account, before);
  }

  /** Adds {@code amount} to {@code account}'s balance in {@code byAccount}, {@code token}'s map. */
  private void credit(Map<AccountId, Balance> byAccount, Token token, AccountId account, BigInteger amount) {
    Balance b = byAccount.get(account);
    if (b == null) {
      BigInteger now = Exact.add(BigInteger.ZERO, amount);
      if (now.signum() != 0) {
        byAccount.put(account, new Balance(now));
      }
      logBalance(token, account, null);
    } else {
      BigInteger before = b.value;
      b.value = Exact.add(before, amount);
      logBalance(token, account, before);
    }
  }

  /** Records {@code account}'s balance of {@code token} before a change, for an open transaction's undo. */
  private void logBalance(Token token, AccountId account, BigInteger before) {
    if (depth > 0) {
      pushUndo(UNDO_BALANCE, token, account, before);
    }
  }

  private void setSupply(Token token, BigInteger after) {
    // A token whose supply returns to zero leaves no trace, so equal states have equal snapshots.
    BigInteger before = after.signum() == 0 ? supplies.remove(token) : supplies.put(token, after);
    if (depth > 0) {
      pushUndo(UNDO_SUPPLY, token, null, before);
    }
  }
}
