package noliq.node.engine;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The append-only journal: one file of frames, each {@code [length:int][crc32c:int][JSON entry]}.
 * A frame is valid only whole and with a matching checksum, so a write torn by a crash is detected;
 * opening the journal truncates everything from the first invalid frame on (it was never
 * acknowledged: acknowledgement waits for the write, and for the force under {@link FsyncPolicy#ALWAYS}).
 *
 * <p>Why a plain file rather than SQLite or H2: the journal is only ever appended and read front to
 * back, by one writer; a file with checksummed frames does exactly that with one write and one force
 * per batch (group commit), has no schema, no driver and no native code, and anyone can read it with a
 * dozen lines of code. An embedded database would add a B-tree and its own log for no query we need.
 */
public final class Journal implements Closeable {
  /** A frame's payload may not exceed this (a command is a few hundred bytes). */
  static final int MAX_FRAME = 1 << 20;

  private final Path file;
  private final FileChannel channel;
  private final FsyncPolicy fsync;
  private long size;

  /** The entries of a journal that was opened, and the journal, ready to append after them. */
  /**
   * A journal that was opened: its {@code count} valid entries, of which {@code entries} holds those
   * after entry {@code skipped} (the ones before were checksummed but not parsed), ready to append.
   */
  public record Opened(Journal journal, List<Entry> entries, long skipped, long count, long truncatedBytes) {}

  private Journal(Path file, FileChannel channel, FsyncPolicy fsync, long size) {
    this.file = file;
    this.channel = channel;
    this.fsync = fsync;
    this.size = size;
  }

  /** Opens (or creates) the journal at {@code file}, reads its valid entries and cuts off a torn tail. */
  public static Opened open(Path file, FsyncPolicy fsync) {
    return open(file, fsync, 0);
  }

  /**
   * As {@link #open(Path, FsyncPolicy)}, parsing only the entries after entry {@code skip}: a start
   * from a snapshot needs only the tail, and every frame is still checked whole and checksummed.
   */
  public static Opened open(Path file, FsyncPolicy fsync, long skip) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      Read r = read(ch, skip);
      long truncated = ch.size() - r.validBytes;
      if (truncated > 0) {
        ch.truncate(r.validBytes);
        ch.force(true);
      }
      ch.position(r.validBytes);
      return new Opened(new Journal(file, ch, fsync, r.validBytes), r.entries, Math.min(skip, r.count), r.count,
          truncated);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the journal " + file, e);
    }
  }

  /** Reads the valid entries of a journal file without changing it (a missing file has none). */
  public static List<Entry> readAll(Path file) {
    if (!Files.exists(file)) {
      return List.of();
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return read(ch, 0).entries;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the journal " + file, e);
    }
  }

  private record Read(List<Entry> entries, long count, long validBytes) {}

  private static final com.fasterxml.jackson.databind.ObjectReader ENTRY = Json.MAPPER.readerFor(Entry.class);

  private static Read read(FileChannel ch, long skip) throws IOException {
    List<Entry> out = new ArrayList<>();
    long count = 0;
    long end = ch.size();
    long pos = 0;
    CRC32C crc = new CRC32C();
    // Read in windows of up to 64 MB, mapped: one system call per window rather than two per frame.
    final long window = 64L << 20;
    scan:
    while (pos + 8 <= end) {
      long len = Math.min(window + MAX_FRAME + 8, end - pos);
      java.nio.MappedByteBuffer buf = ch.map(FileChannel.MapMode.READ_ONLY, pos, len);
      int at = 0;
      while (at + 8 <= len && at < window) {
        int length = buf.getInt(at);
        int sum = buf.getInt(at + 4);
        if (length <= 0 || length > MAX_FRAME || at + 8L + length > len) {
          break scan;
        }
        byte[] payload = new byte[length];
        buf.get(at + 8, payload);
        crc.reset();
        crc.update(payload, 0, length);
        if ((int) crc.getValue() != sum) {
          break scan;
        }
        if (count >= skip) {
          Entry e;
          try {
            e = ENTRY.readValue(payload);
          } catch (IOException bad) {
            break scan;
          }
          if (e.seq() != count + 1) {
            break scan;
          }
          out.add(e);
        }
        count++;
        at += 8 + length;
      }
      if (at == 0) {
        break;
      }
      pos += at;
    }
    return new Read(out, count, pos);
  }

  private static final com.fasterxml.jackson.databind.ObjectWriter COMMAND = Json.MAPPER.writerFor(Command.class);
  private static final com.fasterxml.jackson.databind.ObjectWriter TEXT = Json.MAPPER.writerFor(String.class);

  /** One entry as a frame, ready to append. */
  public static byte[] frame(Entry e) {
    return frame(e.seq(), e.at(), encode(e.cmd(), e.idem()));
  }

  /**
   * The part of an entry's JSON that does not depend on its place in the journal: written by the
   * submitting thread, so that the single writer only prefixes the sequence number and time, and
   * checksums. The result is byte for byte the entry's JSON ({@code JournalFrameTest} checks it).
   */
  static byte[] encode(Command cmd, String idem) {
    try {
      byte[] idemJson = TEXT.writeValueAsBytes(idem);
      byte[] cmdJson = COMMAND.writeValueAsBytes(cmd);
      byte[] out = new byte[IDEM.length + idemJson.length + CMD.length + cmdJson.length + 1];
      int at = put(out, 0, IDEM);
      System.arraycopy(idemJson, 0, out, at, idemJson.length);
      at = put(out, at + idemJson.length, CMD);
      System.arraycopy(cmdJson, 0, out, at, cmdJson.length);
      out[out.length - 1] = '}';
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  private static final byte[] IDEM = ",\"idem\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] CMD = ",\"cmd\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private static int put(byte[] into, int at, byte[] what) {
    System.arraycopy(what, 0, into, at, what.length);
    return at + what.length;
  }

  /** A frame from an entry's place ({@code seq}, {@code at}) and its {@link #encode encoded} rest. */
  static byte[] frame(long seq, long at, byte[] rest) {
    byte[] head = ("{\"seq\":" + seq + ",\"at\":" + at).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    int length = head.length + rest.length;
    if (length > MAX_FRAME) {
      throw new IllegalArgumentException("entry " + seq + " is larger than a frame may be");
    }
    CRC32C crc = new CRC32C();
    crc.update(head, 0, head.length);
    crc.update(rest, 0, rest.length);
    ByteBuffer b = ByteBuffer.allocate(8 + length);
    b.putInt(length).putInt((int) crc.getValue()).put(head).put(rest);
    return b.array();
  }

  /** Appends frames and, under {@link FsyncPolicy#ALWAYS}, forces them to the disk before returning. */
  public void append(List<byte[]> frames) {
    int total = 0;
    for (byte[] f : frames) {
      total += f.length;
    }
    ByteBuffer b = ByteBuffer.allocate(total);
    for (byte[] f : frames) {
      b.put(f);
    }
    b.flip();
    try {
      while (b.hasRemaining()) {
        channel.write(b);
      }
      if (fsync == FsyncPolicy.ALWAYS) {
        channel.force(false);
      }
      size += total;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the journal " + file, e);
    }
  }

  /** Forces what was written to the disk (under {@link FsyncPolicy#OS} appends are not forced). */
  public void force() {
    try {
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot force the journal " + file, e);
    }
  }

  public long size() {
    return size;
  }

  public Path file() {
    return file;
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the journal " + file, e);
    }
  }
}
