package noliq.node;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The heap left after each garbage collection, read from the collectors' own notifications, for a
 * benchmark's memory line. It never forces a collection: a forced full GC stops every thread, and a
 * benchmark that forces one inside its measured window measures its own pause as the system's latency.
 * The least heap left after a collection in an interval bounds the live set from above (a young
 * collection leaves the old generation's garbage in place), so a flat series of those minima means
 * flat memory.
 */
final class HeapAfterGc {
  private final Set<String> heapPools;
  private Range interval = new Range();
  private final Range run = new Range();

  /** The collections counted so far, and the least and most heap they left. */
  private static final class Range {
    long collections;
    long minBytes = Long.MAX_VALUE;
    long maxBytes;

    void add(long used) {
      collections++;
      minBytes = Math.min(minBytes, used);
      maxBytes = Math.max(maxBytes, used);
    }

    Interval read() {
      return new Interval(collections, collections == 0 ? 0 : minBytes, maxBytes);
    }
  }

  private HeapAfterGc(Set<String> heapPools) {
    this.heapPools = heapPools;
  }

  /** The heap after the collections of one interval: how many there were, and the least and most left. */
  record Interval(long collections, long minBytes, long maxBytes) {
    @Override
    public String toString() {
      return collections == 0 ? "no GC in the interval"
          : String.format(Locale.ROOT, "heap after GC %d-%d MB (%d GCs)", minBytes >> 20, maxBytes >> 20, collections);
    }
  }

  /** Starts listening to every collector of this JVM. */
  static HeapAfterGc listen() {
    Set<String> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    HeapAfterGc h = new HeapAfterGc(pools);
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener((n, handback) -> {
          if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
            // ZGC also reports its pauses as collections; only its cycles say what they left
            if (!info.getGcName().endsWith(" Pauses")) {
              h.record(info.getGcInfo().getMemoryUsageAfterGc());
            }
          }
        }, null, null);
      }
    }
    return h;
  }

  private synchronized void record(Map<String, MemoryUsage> after) {
    long used = 0;
    for (var e : after.entrySet()) {
      if (heapPools.contains(e.getKey())) {
        used += e.getValue().getUsed();
      }
    }
    interval.add(used);
    run.add(used);
  }

  /** The readings since the last call, and a fresh interval. */
  synchronized Interval interval() {
    Interval i = interval.read();
    interval = new Range();
    return i;
  }

  /** The readings since listening began. */
  synchronized Interval run() {
    return run.read();
  }
}
