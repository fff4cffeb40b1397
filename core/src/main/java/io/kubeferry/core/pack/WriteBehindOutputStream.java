package io.kubeferry.core.pack;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands 1 MiB chunks to one writer thread per delegate (e.g. disk + sha256, and the tarball signature's hashing),
 * so the expensive tail of packing runs on other cores while the caller keeps reading and compressing. Chunks are
 * never modified after being handed over, so delegates share them. A failure of any delegate surfaces on the
 * caller's next write or on close. Not thread-safe for callers.
 */
final class WriteBehindOutputStream extends OutputStream {
  private static final byte[] END = new byte[0];
  private static final int CHUNK = 1 << 20;

  private final java.util.List<BlockingQueue<byte[]>> queues = new java.util.ArrayList<>();
  private final java.util.List<Thread> writers = new java.util.ArrayList<>();
  private volatile IOException failure;
  private byte[] chunk = new byte[CHUNK];
  private int len;
  private boolean closed;

  WriteBehindOutputStream(OutputStream... delegates) {
    for (OutputStream delegate : delegates) {
      BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(8);
      Thread writer = new Thread(() -> {
        try (delegate) {
          for (byte[] c; (c = queue.take()) != END; ) {
            delegate.write(c);
          }
        } catch (IOException e) {
          failure = e;
          queue.clear();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "kubeferry-write-behind");
      writer.setDaemon(true);
      writer.start();
      queues.add(queue);
      writers.add(writer);
    }
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int n) throws IOException {
    while (n > 0) {
      int k = Math.min(n, CHUNK - len);
      System.arraycopy(b, off, chunk, len, k);
      len += k;
      off += k;
      n -= k;
      if (len == CHUNK) {
        hand(chunk);
        chunk = new byte[CHUNK];
        len = 0;
      }
    }
  }

  private void hand(byte[] c) throws IOException {
    check();
    try {
      for (int i = 0; i < queues.size(); i++) {
        while (!queues.get(i).offer(c, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
          check();
          if (!writers.get(i).isAlive()) {
            throw new IOException("could not write: a writer thread stopped");
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("write interrupted");
    }
  }

  private void check() throws IOException {
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (len > 0) {
      hand(Arrays.copyOf(chunk, len));
    }
    hand(END);
    try {
      for (Thread writer : writers) {
        writer.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("close interrupted");
    }
    check();
  }
}
