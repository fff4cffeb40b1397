package io.kubeferry.core.oci;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads a response body and gives up on it when one read has waited {@code limit} for bytes. The JDK's HttpClient
 * has no read timeout for bodies, so a server that goes silent mid-blob would hold a pull forever. Its body stream
 * (JDK 17) ignores a plain interrupt and waits again, but fails once closed and woken: so the guard closes the stream
 * (on a separate thread, as close may contend with the blocked reader) and interrupts the reader until the read
 * ends; the read then fails as a stalled transfer and the caller resumes with {@code Range}. Interrupts are only
 * sent while the thread is inside {@link #read} and are cleared before it returns, so none reaches the caller's file
 * writes (an interrupted FileChannel closes itself). One guard per read loop, used by the thread that created it.
 */
final class StallGuard implements AutoCloseable {
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "kubeferry-stall-guard");
    t.setDaemon(true);
    return t;
  });

  private final Thread reader = Thread.currentThread();
  private final Duration limit;
  private final ScheduledFuture<?> check;
  private InputStream current;
  private boolean reading;
  private boolean stalled;
  private long since;

  StallGuard(Duration limit) {
    this.limit = limit;
    long period = Math.max(50, Math.min(1000, limit.toMillis() / 4));
    this.check = TIMER.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
  }

  /** {@link InputStream#read(byte[])}, failing with "stalled" when no byte came for the limit. */
  int read(InputStream in, byte[] buf) throws IOException {
    synchronized (this) {
      current = in;
      reading = true;
      stalled = false;
      since = System.nanoTime();
    }
    try {
      return in.read(buf);
    } catch (IOException e) {
      if (stalledNow()) {
        throw new IOException("no data for " + limit.toSeconds() + " s (stalled transfer)", e);
      }
      throw e;
    } finally {
      synchronized (this) {
        reading = false;
        if (stalled) {
          Thread.interrupted(); // this guard's interrupt, possibly delivered just as bytes arrived: drop it
        }
      }
    }
  }

  private synchronized boolean stalledNow() {
    return stalled;
  }

  private synchronized void check() {
    if (!reading || System.nanoTime() - since <= limit.toNanos()) {
      return;
    }
    if (!stalled) {
      stalled = true;
      InputStream body = current;
      Thread closer = new Thread(() -> {
        try {
          body.close();
        } catch (IOException e) {
          // the stream is being abandoned; a failing close changes nothing
        }
      }, "kubeferry-stall-close");
      closer.setDaemon(true);
      closer.start();
    }
    reader.interrupt(); // again on every check until the read ends: it wakes the reader to see the closed stream
  }

  @Override
  public void close() {
    check.cancel(false);
  }
}
