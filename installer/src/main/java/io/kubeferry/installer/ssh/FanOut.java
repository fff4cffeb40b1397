package io.kubeferry.installer.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one task per host with at most {@code parallel} hosts at a time, and returns every host's outcome in input
 * order (a failure on one host does not stop the others). Stateless; each call uses its own threads.
 */
public final class FanOut {
  private FanOut() {}

  /** Work to do on one host. */
  @FunctionalInterface
  public interface HostTask<T, R> {
    R run(T host) throws Exception;
  }

  /** One host's outcome: a value or the exception. */
  public record Outcome<T, R>(T host, Optional<R> value, Optional<Exception> error) {
    public boolean ok() {
      return error.isEmpty();
    }
  }

  public static <T, R> List<Outcome<T, R>> run(List<T> hosts, int parallel, HostTask<T, R> task)
      throws InterruptedException {
    if (parallel < 1) {
      throw new IllegalArgumentException("parallel must be at least 1, was " + parallel);
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, hosts.size())), r -> {
      Thread t = new Thread(r, "fan-out");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T h : hosts) {
        futures.add(pool.submit(() -> task.run(h)));
      }
      List<Outcome<T, R>> out = new ArrayList<>();
      for (int i = 0; i < hosts.size(); i++) {
        try {
          out.add(new Outcome<>(hosts.get(i), Optional.ofNullable(futures.get(i).get()), Optional.empty()));
        } catch (ExecutionException e) {
          Exception cause = e.getCause() instanceof Exception ex ? ex : new RuntimeException(e.getCause());
          out.add(new Outcome<>(hosts.get(i), Optional.empty(), Optional.of(cause)));
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
