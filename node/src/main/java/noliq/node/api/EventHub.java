package noliq.node.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import noliq.node.engine.Json;
import noliq.node.engine.Outcome;

/**
 * Fans every outcome out to the event-stream subscribers. The writer thread only offers to each
 * subscriber's bounded queue, never waits: a subscriber that falls {@value #QUEUE} events behind
 * is told so and dropped (it can reconnect and read the state afresh).
 */
final class EventHub {
  static final int QUEUE = 4_096;

  final class Subscriber {
    final BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE);
    volatile boolean lagging;
  }

  private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();

  Subscriber subscribe() {
    Subscriber s = new Subscriber();
    subscribers.add(s);
    return s;
  }

  void unsubscribe(Subscriber s) {
    subscribers.remove(s);
  }

  int subscribers() {
    return subscribers.size();
  }

  void publish(Outcome o) {
    if (subscribers.isEmpty()) {
      return;
    }
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("seq", o.seq());
    e.put("type", o.type());
    e.put("account", o.account());
    e.put("accepted", o.accepted());
    if (!o.accepted()) {
      e.put("field", o.field());
      e.put("rule", o.rule());
    }
    e.put("at", java.time.Instant.ofEpochMilli(o.at()));
    String json = Json.text(e);
    for (Subscriber s : subscribers) {
      if (!s.queue.offer(json)) {
        s.lagging = true;
      }
    }
  }
}
