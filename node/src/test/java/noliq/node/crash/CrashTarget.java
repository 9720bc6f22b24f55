package noliq.node.crash;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;
import noliq.node.engine.Command;
import noliq.node.engine.Engine;
import noliq.node.engine.FsyncPolicy;
import noliq.node.engine.Market;
import noliq.node.engine.NodeClock;
import noliq.node.engine.Outcome;

/**
 * The process the crash test kills: the node's engine on a journal directory, under load from a
 * few client threads (splits, merges, orders, cancels, ticks). It prints {@code ready <digest>
 * <replayed>} once it has replayed its journal, then {@code ack <seq> <idem>} for every command
 * acknowledged to a client, and runs until it is killed.
 */
public final class CrashTarget {
  private CrashTarget() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    long seed = Long.parseLong(args[1]);
    int clients = Integer.parseInt(args[2]);
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false);
    Engine e = Engine.start(dir, FsyncPolicy.ALWAYS, new NodeClock(Instant.parse("2026-06-01T00:00:00Z"), 3600));
    if (e.startSeq() == 0) {
      must(e.submit(new Command.Tick("system", "2500"), "boot-tick").join());
      must(e.submit(new Command.Genesis("system", 11, "kyrrui-tracker", 20), "boot-genesis").join());
      for (int i = 0; i < clients; i++) {
        must(e.submit(new Command.OpenAccount("system", String.format("%064x", i + 1)), "boot-acct-" + i).join());
      }
    }
    String digest = e.query(Market::digest).join();
    synchronized (out) {
      out.println("ready " + digest + " " + e.startSeq());
      out.flush();
    }
    String series = e.query(m -> m.ledger().allSeries().keySet().iterator().next().hex()).join();
    for (int c = 0; c < clients; c++) {
      int client = c;
      Thread t = new Thread(() -> load(e, out, series, client, new SplittableRandom(seed * 31 + client)));
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

  private static void load(Engine e, PrintStream out, String series, int client, SplittableRandom rng) {
    String account = "user:" + client;
    long run = rng.nextLong() & 0xffffffL;
    for (long n = 0; ; n++) {
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
