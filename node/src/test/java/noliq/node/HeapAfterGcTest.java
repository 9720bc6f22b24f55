package noliq.node;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The load benchmark's memory line: a collection is seen through the collector's notification, then the interval starts afresh. */
class HeapAfterGcTest {
  @Test
  void aCollectionIsCountedOnceWithTheHeapItLeft() throws InterruptedException {
    HeapAfterGc heap = HeapAfterGc.listen();
    heap.interval();
    System.gc();
    HeapAfterGc.Interval seen = heap.interval();
    // the notification comes on the JMX thread after the collection: wait for it, at most 10 s
    for (int i = 0; i < 1_000 && seen.collections() == 0; i++) {
      Thread.sleep(10);
      seen = heap.interval();
    }
    assertThat(seen.collections()).isPositive();
    assertThat(seen.minBytes()).isPositive().isLessThanOrEqualTo(seen.maxBytes());
    assertThat(seen.maxBytes()).isLessThanOrEqualTo(Runtime.getRuntime().maxMemory());
    assertThat(seen.toString()).startsWith("heap after GC ").endsWith("GCs)");
    assertThat(heap.run().collections()).isGreaterThanOrEqualTo(seen.collections());
    assertThat(new HeapAfterGc.Interval(0, 0, 0)).hasToString("no GC in the interval");
  }
}
