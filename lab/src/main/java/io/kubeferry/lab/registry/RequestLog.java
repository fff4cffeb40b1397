package io.kubeferry.lab.registry;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/** Counters per request kind and a bounded log of recent requests, shared by a lab registry's servers. */
final class RequestLog {
  private static final int MAX_ENTRIES = 20_000;
  private final Map<RequestKind, AtomicLong> counts = new EnumMap<>(RequestKind.class);
  private final ConcurrentLinkedDeque<RecordedRequest> recent = new ConcurrentLinkedDeque<>();

  RequestLog() {
    for (RequestKind k : RequestKind.values()) {
      counts.put(k, new AtomicLong());
    }
  }

  void record(RecordedRequest r) {
    counts.get(r.kind()).incrementAndGet();
    recent.addLast(r);
    while (recent.size() > MAX_ENTRIES) {
      recent.pollFirst();
    }
  }

  long count(RequestKind kind) {
    return counts.get(kind).get();
  }

  List<RecordedRequest> snapshot() {
    return new ArrayList<>(recent);
  }

  void reset() {
    counts.values().forEach(c -> c.set(0));
    recent.clear();
  }
}
