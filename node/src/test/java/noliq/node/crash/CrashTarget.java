package noliq.node.crash;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.SplittableRandom;
import noliq.node.api.Api;
import noliq.node.engine.Command;
import noliq.node.engine.Engine;
import noliq.node.engine.FsyncPolicy;
import noliq.node.engine.Market;
import noliq.node.engine.NodeClock;
import noliq.node.engine.Outcome;

/**
 * The process the crash test kills: the node's engine (journal fsync ALWAYS, a snapshot every
 * {@code snapshotEvery} entries) and its HTTP API on a loopback port, under load from a few
 * in-process client threads (splits, merges, orders, cancels, ticks) while the test sends more
 * commands over HTTP. A tiny market (5 borrowers) keeps each start cheap. It prints
 * {@code ready <digest> <seq> <port>} once it has restored its state, then {@code ack <seq> <idem>}
 * for every command acknowledged to an in-process client, and runs until it is killed. With
 * {@code warmup} as its only argument it boots once on a scratch journal and exits normally, so that
 * the JVM can write its class-data archive for the killed runs.
 */
public final class CrashTarget {
  private CrashTarget() {}

  /** Client {@code i}'s API key; its account is {@code user:i}. */
  static String key(int i) {
    return "crash-key-" + i;
  }

  static String sha256(String s) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  public static void main(String[] args) throws Exception {
    boolean warmup = args.length == 1 && args[0].equals("warmup");
    Path dir = warmup ? java.nio.file.Files.createTempDirectory("noliq-crash-warmup") : Path.of(args[0]);
    long seed = warmup ? 1 : Long.parseLong(args[1]);
    int clients = warmup ? 2 : Integer.parseInt(args[2]);
    long snapshotEvery = warmup ? 10 : Long.parseLong(args[3]);
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false);
    Engine e = Engine.start(dir, FsyncPolicy.ALWAYS, new NodeClock(Instant.parse("2026-06-01T00:00:00Z"), 3600),
        snapshotEvery);
    if (e.startSeq() == 0) {
      must(e.submit(new Command.Tick("system", "2500"), "boot-tick").join());
      must(e.submit(new Command.Genesis("system", 11, "kyrrui-tracker", 5), "boot-genesis").join());
      for (int i = 0; i < clients + 1; i++) {
        must(e.submit(new Command.OpenAccount("system", sha256(key(i))), "boot-acct-" + i).join());
      }
    }
    Api api = new Api(e, "127.0.0.1", 0, 1e6, null);
    String digest = e.query(Market::digest).join();
    long seq = e.query(Market::seq).join();
    synchronized (out) {
      out.println("ready " + digest + " " + seq + " " + api.port());
      out.flush();
    }
    String series = e.query(m -> m.ledger().allSeries().keySet().iterator().next().hex()).join();
    if (warmup) {
      load(e, out, series, 0, new SplittableRandom(1), 30);
      api.close();
      e.close();
      System.exit(0);
    }
    for (int c = 0; c < clients; c++) {
      int client = c;
      Thread t = new Thread(() -> load(e, out, series, client, new SplittableRandom(seed * 31 + client), Long.MAX_VALUE));
      t.setDaemon(true);
      t.start();
    }
    Thread.currentThread().join();
  }

  private static void must(Outcome o) {
    if (!o.accepted()) {
      throw new IllegalStateException(o.toString());
    }
  }

  private static void load(Engine e, PrintStream out, String series, int client, SplittableRandom rng, long commands) {
    String account = "user:" + client;
    long run = rng.nextLong() & 0xffffffL;
    for (long n = 0; n < commands; n++) {
      Command cmd = switch (rng.nextInt(6)) {
        case 0 -> new Command.Split(account, series, "0.5");
        case 1 -> new Command.Merge(account, series, "0.25");
        case 2 -> new Command.PlaceOrder(account, series, "P", rng.nextBoolean() ? "BUY" : "SELL",
            "0." + (40 + rng.nextInt(20)), "0.1", "GTC");
        case 3 -> new Command.CancelOrder(account, series, "P", 1 + rng.nextInt((int) Math.min(n + 2, 5000)));
        case 4 -> new Command.PlaceOrder(account, series, "N", rng.nextBoolean() ? "BUY" : "SELL",
            "0." + (40 + rng.nextInt(20)), "0.1", "IOC");
        default -> new Command.Tick("system", String.valueOf(2000 + rng.nextInt(1000)));
      };
      String idem = "c" + client + "-" + run + "-" + n;
      Outcome o = e.submit(cmd, idem).join();
      synchronized (out) {
        out.println("ack " + o.seq() + " " + idem);
        out.flush();
      }
    }
  }
}
