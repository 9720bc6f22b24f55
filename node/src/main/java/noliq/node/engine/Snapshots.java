package noliq.node.engine;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * Periodic snapshots of the market: the whole object graph (Kryo, references kept) after entry
 * {@code seq}, so that a start reads the latest snapshot and replays only the journal after it.
 *
 * <p>A file {@code snapshot-<seq>.bin} is {@code [magic 8][seq 8][digest 64][length 4][crc32c 4][graph]}.
 * It is written to a temporary file, forced, moved into place atomically and the directory forced: a
 * crash leaves either no file or a whole one. On start a snapshot is used only if its header, length
 * and checksum hold, it reads back, it is not ahead of the journal, and the market it holds has the
 * digest it was written with; otherwise it is ignored (the next older one, or a full replay, is used).
 * The journal stays the truth: a snapshot only saves replay time, so ignoring one is always safe.
 */
public final class Snapshots {
  private static final byte[] MAGIC = "NLQSNAP1".getBytes(StandardCharsets.US_ASCII);
  private static final Pattern NAME = Pattern.compile("snapshot-(\\d{1,19})\\.bin");
  /** Snapshots kept on disk: the newest and one before it, in case the newest is damaged later. */
  static final int KEEP = 2;
  /** A snapshot larger than this is refused when written and ignored when read. */
  static final int MAX_BYTES = 1 << 30;

  private Snapshots() {}

  static {
    // Kryo's sun.misc.Unsafe path is deprecated for removal (the JDK warns on it); reflection is enough here.
    if (System.getProperty("kryo.unsafe") == null) {
      System.setProperty("kryo.unsafe", "false");
    }
  }

  /** A market read back from a snapshot, with the entry it stands after. */
  public record Restored(Market market, long seq, Path file) {}

  /**
   * The Kryo each thread encodes with, kept: a new one would resolve the market's classes and build
   * their serializers again for every snapshot (Kryo resets its per-graph state after each write).
   */
  private static final ThreadLocal<Kryo> ENCODER = ThreadLocal.withInitial(Snapshots::kryo);

  private static Kryo kryo() {
    Kryo k = new Kryo();
    // The market's classes are many and change with the code: resolved by name, not a registry.
    k.setRegistrationRequired(false);
    k.setReferences(true);
    k.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
    // Results remembered for idempotency hold List.of and unmodifiable views: written as their
    // elements, read back as the same kind of view over a copy (they are values, never shared state).
    com.esotericsoftware.kryo.serializers.ImmutableCollectionsSerializers.addDefaultSerializers(k);
    k.addDefaultSerializer(java.util.Collections.unmodifiableList(new java.util.ArrayList<>()).getClass(),
        new Unmodifiable<>(c -> java.util.Collections.unmodifiableList(new ArrayList<>(c))));
    k.addDefaultSerializer(java.util.Collections.unmodifiableList(new java.util.LinkedList<>()).getClass(),
        new Unmodifiable<>(c -> java.util.Collections.unmodifiableList(new ArrayList<>(c))));
    k.addDefaultSerializer(java.util.Collections.unmodifiableCollection(new ArrayList<>()).getClass(),
        new Unmodifiable<>(c -> java.util.Collections.unmodifiableCollection(new ArrayList<>(c))));
    k.addDefaultSerializer(java.util.Collections.unmodifiableSet(new java.util.HashSet<>()).getClass(),
        new Unmodifiable<>(c -> java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(c))));
    k.addDefaultSerializer(java.util.Collections.unmodifiableMap(new java.util.HashMap<>()).getClass(),
        new UnmodifiableMap<>(m -> java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(m))));
    k.addDefaultSerializer(java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>()).getClass(),
        new UnmodifiableMap<>(m -> java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(m))));
    k.addDefaultSerializer(java.util.Collections.unmodifiableNavigableMap(new java.util.TreeMap<>()).getClass(),
        new UnmodifiableMap<>(m -> java.util.Collections.unmodifiableNavigableMap(new java.util.TreeMap<>(m))));
    return k;
  }

  /** An unmodifiable collection view, written as its elements in order and rebuilt by {@code wrap}. */
  private static final class Unmodifiable<C extends java.util.Collection<Object>>
      extends com.esotericsoftware.kryo.Serializer<C> {
    private final java.util.function.Function<java.util.Collection<Object>, java.util.Collection<Object>> wrap;

    Unmodifiable(java.util.function.Function<java.util.Collection<Object>, java.util.Collection<Object>> wrap) {
      this.wrap = wrap;
    }

    @Override
    public void write(Kryo k, Output out, C c) {
      out.writeVarInt(c.size(), true);
      for (Object o : c) {
        k.writeClassAndObject(out, o);
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public C read(Kryo k, Input in, Class<? extends C> type) {
      int n = in.readVarInt(true);
      List<Object> items = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        items.add(k.readClassAndObject(in));
      }
      return (C) wrap.apply(items);
    }
  }

  /** An unmodifiable map view, written as its entries in order (a sorted one with its comparator's order). */
  private static final class UnmodifiableMap<M extends java.util.Map<Object, Object>>
      extends com.esotericsoftware.kryo.Serializer<M> {
    private final java.util.function.Function<java.util.Map<Object, Object>, java.util.Map<Object, Object>> wrap;

    UnmodifiableMap(java.util.function.Function<java.util.Map<Object, Object>, java.util.Map<Object, Object>> wrap) {
      this.wrap = wrap;
    }

    @Override
    public void write(Kryo k, Output out, M m) {
      k.writeClassAndObject(out, m instanceof java.util.SortedMap<?, ?> s ? s.comparator() : null);
      out.writeVarInt(m.size(), true);
      for (java.util.Map.Entry<Object, Object> e : m.entrySet()) {
        k.writeClassAndObject(out, e.getKey());
        k.writeClassAndObject(out, e.getValue());
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public M read(Kryo k, Input in, Class<? extends M> type) {
      Comparator<Object> order = (Comparator<Object>) k.readClassAndObject(in);
      int n = in.readVarInt(true);
      java.util.Map<Object, Object> items = order != null ? new java.util.TreeMap<>(order) : new java.util.LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        Object key = k.readClassAndObject(in);
        items.put(key, k.readClassAndObject(in));
      }
      return (M) wrap.apply(items);
    }
  }

  /**
   * A deep copy of a market (through its snapshot encoding), checked to hold the same state: the
   * snapshot replica starts as one of the market the engine restored.
   */
  static Market copy(Market m) {
    Output out = new Output(1 << 16, MAX_BYTES);
    kryo().writeObject(out, m);
    Market copy = kryo().readObject(new Input(out.toBytes()), Market.class);
    if (copy.seq() != m.seq() || !copy.digest().equals(m.digest())) {
      throw new IllegalStateException("a copy of the market reads back to another state");
    }
    return copy;
  }

  /** The market's state as bytes (on the thread that owns it: nothing may change it meanwhile). */
  static byte[] encode(Market m) {
    Output out = new Output(1 << 16, MAX_BYTES);
    ENCODER.get().writeObject(out, m);
    byte[] graph = out.toBytes();
    CRC32C crc = new CRC32C();
    crc.update(graph, 0, graph.length);
    ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 8 + 64 + 4 + 4 + graph.length);
    b.put(MAGIC).putLong(m.seq()).put(m.digest().getBytes(StandardCharsets.US_ASCII)).putInt(graph.length)
        .putInt((int) crc.getValue()).put(graph);
    return b.array();
  }

  /**
   * Writes an {@link #encode encoded} snapshot atomically into {@code dir}, then drops all but the newest
   * {@value #KEEP} (and any that claims to be ahead of it).
   */
  static Path write(Path dir, long seq, byte[] encoded) {
    Path target = dir.resolve("snapshot-" + seq + ".bin");
    Path tmp = dir.resolve("snapshot-" + seq + ".bin.tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE)) {
        ByteBuffer b = ByteBuffer.wrap(encoded);
        while (b.hasRemaining()) {
          ch.write(b);
        }
        ch.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("the data directory cannot rename atomically, so snapshots cannot be written safely", e);
      }
      forceDirectory(dir);
      // Keep the newest KEEP at or before this one; one ahead of it cannot belong to this journal.
      int kept = 0;
      for (long other : seqs(dir)) {
        if (other > seq || ++kept > KEEP) {
          Files.deleteIfExists(dir.resolve("snapshot-" + other + ".bin"));
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the snapshot " + target, e);
    }
  }

  private static void forceDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some file systems cannot open a directory for force; the rename itself is still atomic.
    }
  }

  /** Snapshot sequence numbers in {@code dir}, newest first (temporary files are not snapshots). */
  static List<Long> seqs(Path dir) throws IOException {
    List<Long> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(p -> {
        Matcher m = NAME.matcher(p.getFileName().toString());
        if (m.matches()) {
          out.add(Long.parseLong(m.group(1)));
        }
      });
    }
    out.sort(Comparator.reverseOrder());
    return out;
  }

  /**
   * The newest usable snapshot in {@code dir} at or before entry {@code journalEntries}; a damaged,
   * unreadable or inconsistent one is skipped and named in {@code ignored}.
   */
  public static Optional<Restored> latest(Path dir, long journalEntries, List<String> ignored) {
    List<Long> seqs;
    try {
      seqs = seqs(dir);
    } catch (IOException e) {
      ignored.add(dir + ": cannot list (" + e.getMessage() + ")");
      return Optional.empty();
    }
    for (long seq : seqs) {
      Path file = dir.resolve("snapshot-" + seq + ".bin");
      if (seq > journalEntries) {
        ignored.add(file.getFileName() + ": ahead of the journal (" + journalEntries + " entries)");
        continue;
      }
      try {
        Market m = read(file, seq);
        return Optional.of(new Restored(m, seq, file));
      } catch (IOException | RuntimeException bad) {
        ignored.add(file.getFileName() + ": " + bad.getMessage());
      }
    }
    return Optional.empty();
  }

  static Market read(Path file, long expectedSeq) throws IOException {
    long size = Files.size(file);
    int header = MAGIC.length + 8 + 64 + 4 + 4;
    if (size < header || size > MAX_BYTES + (long) header) {
      throw new IOException("has an impossible size " + size);
    }
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
    byte[] magic = new byte[MAGIC.length];
    b.get(magic);
    if (!java.util.Arrays.equals(magic, MAGIC)) {
      throw new IOException("is not a snapshot (bad magic)");
    }
    long seq = b.getLong();
    byte[] digest = new byte[64];
    b.get(digest);
    int length = b.getInt();
    int sum = b.getInt();
    if (seq != expectedSeq || length != b.remaining()) {
      throw new IOException("is torn or misnamed (seq " + seq + ", length " + length + ", " + b.remaining() + " bytes)");
    }
    byte[] graph = new byte[length];
    b.get(graph);
    CRC32C crc = new CRC32C();
    crc.update(graph, 0, length);
    if ((int) crc.getValue() != sum) {
      throw new IOException("fails its checksum");
    }
    Market m = kryo().readObject(new Input(graph), Market.class);
    if (m.seq() != seq || !m.digest().equals(new String(digest, StandardCharsets.US_ASCII))) {
      throw new IOException("reads back to another state than it was written from");
    }
    return m;
  }
}
