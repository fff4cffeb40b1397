package io.kubeferry.bundler.rpm.repo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Runs a producer (read, decompress, checksum) on its own thread and hands its bytes to the consumer (the XML
 * parser) through a small bounded queue, so the two halves of reading a large primary.xml use two cores. Any
 * exception of the producer, such as a checksum mismatch found at the end, is rethrown by {@link #read} after the
 * data that preceded it. Closing the stream stops the producer. One consumer thread only.
 */
final class PipelinedStream extends InputStream {
  /** Opens the stream the producer thread reads to its end; {@code finish} then runs final checks. */
  interface Producer {
    InputStream open() throws IOException;

    void finish() throws IOException;
  }

  private static final byte[] EOF = new byte[0];
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(32);
  private final Thread thread;
  private volatile boolean closed;
  private byte[] chunk = new byte[0];
  private int pos;
  private boolean done;

  private PipelinedStream(Producer producer, String name) {
    thread = new Thread(() -> produce(producer), name);
    thread.setDaemon(true);
  }

  static PipelinedStream start(Producer producer, String name) {
    PipelinedStream s = new PipelinedStream(producer, name);
    s.thread.start();
    return s;
  }

  private void produce(Producer producer) {
    try {
      try (InputStream in = producer.open()) {
        byte[] buf = new byte[1 << 16];
        for (int n = in.readNBytes(buf, 0, buf.length); n > 0 && !closed; n = in.readNBytes(buf, 0, buf.length)) {
          queue.put(java.util.Arrays.copyOf(buf, n));
        }
        if (!closed) {
          producer.finish();
        }
      }
      queue.put(EOF);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) {
      try {
        queue.put(t);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private boolean next() throws IOException {
    if (done) {
      return false;
    }
    Object o;
    try {
      o = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading");
    }
    if (o instanceof Throwable t) {
      done = true;
      if (t instanceof IOException io) {
        throw io;
      }
      throw new IOException(t.getMessage(), t);
    }
    if (o == EOF) {
      done = true;
      return false;
    }
    chunk = (byte[]) o;
    pos = 0;
    return true;
  }

  @Override
  public int read() throws IOException {
    while (pos == chunk.length) {
      if (!next()) {
        return -1;
      }
    }
    return chunk[pos++] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (pos == chunk.length) {
      if (!next()) {
        return -1;
      }
    }
    int n = Math.min(len, chunk.length - pos);
    System.arraycopy(chunk, pos, b, off, n);
    pos += n;
    return n;
  }

  /** Reads whatever the consumer left and surfaces the producer's final verdict. */
  void drain() throws IOException {
    while (next()) {
      pos = chunk.length;
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      thread.interrupt();
    }
  }
}
