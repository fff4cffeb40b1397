package io.kubeferry.core.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP response body that fails with "stalled transfer" when one read waits {@code limit} for bytes. The JDK's
 * HttpClient has no read timeout for bodies, so a server that goes silent mid-body would hold a download forever.
 * The JDK 17 body stream ignores a plain interrupt and waits again, but fails once closed and woken: so on a stall
 * the body is closed (on a separate thread, as close may contend with the blocked reader) and the reading thread is
 * interrupted until its read ends. Interrupts are only sent while a thread is inside {@code read} and are cleared
 * before it returns, so none reaches the caller's later I/O (an interrupted FileChannel closes itself).
 * One reader at a time; the reading thread may differ from the creating one.
 */
public final class StallTimeoutInputStream extends FilterInputStream {
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "kubeferry-stall-timeout");
    t.setDaemon(true);
    return t;
  });

  private final Duration limit;
  private final ScheduledFuture<?> check;
  private Thread reader;
  private boolean stalled;
  private long since;

  /** Wraps {@code body}; {@code limit} is the longest one read may wait for bytes. */
  public StallTimeoutInputStream(InputStream body, Duration limit) {
    super(body);
    this.limit = limit;
    long period = Math.max(50, Math.min(1000, limit.toMillis() / 4));
    this.check = TIMER.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    synchronized (this) {
      if (stalled) {
        throw stalledException(null);
      }
      reader = Thread.currentThread();
      since = System.nanoTime();
    }
    try {
      return in.read(b, off, len);
    } catch (IOException e) {
      if (isStalled()) {
        throw stalledException(e);
      }
      throw e;
    } finally {
      synchronized (this) {
        reader = null;
        if (stalled) {
          Thread.interrupted(); // this stream's interrupt, possibly delivered just as bytes arrived: drop it
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    check.cancel(false);
    super.close();
  }

  private IOException stalledException(IOException cause) {
    return new IOException("no data for " + limit.toSeconds() + " s (stalled transfer)", cause);
  }

  private synchronized boolean isStalled() {
    return stalled;
  }

  private synchronized void check() {
    if (reader == null || System.nanoTime() - since <= limit.toNanos()) {
      return;
    }
    if (!stalled) {
      stalled = true;
      Thread closer = new Thread(() -> {
        try {
          in.close();
        } catch (IOException e) {
          // the body is being abandoned; a failing close changes nothing
        }
      }, "kubeferry-stall-close");
      closer.setDaemon(true);
      closer.start();
    }
    reader.interrupt(); // on every check until the read ends: wakes the reader to see the closed body
  }
}
