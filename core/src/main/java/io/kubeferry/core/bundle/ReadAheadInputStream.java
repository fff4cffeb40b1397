package io.kubeferry.core.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads the source on a background thread in 1 MiB chunks, hands each chunk to {@code tap} there (the tarball
 * signature's hashing) and queues it for the consumer, so reading and the outer hash overlap with decompression and
 * per-file hashing on another core. Errors of the source surface on the consumer's next read. Not thread-safe for
 * consumers.
 */
final class ReadAheadInputStream extends InputStream {
  /**
   * An I/O error of the source itself (the bundle file or a part could not be read), as opposed to an error a
   * decoder above this stream raises about the bytes: only the latter is a verdict on the bundle's integrity.
   */
  static final class SourceException extends IOException {
    private static final long serialVersionUID = 1L;

    SourceException(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /** Sees every chunk, on the reader thread. */
  interface Tap {
    void update(byte[] b, int off, int len);
  }

  private static final byte[] EOF = new byte[0];
  private static final int CHUNK = 1 << 20;

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(8);
  private final Thread reader;
  private byte[] current = new byte[0];
  private int pos;
  private boolean done;

  ReadAheadInputStream(InputStream source, Tap tap) {
    reader = new Thread(() -> {
      try (source) {
        while (true) {
          byte[] chunk = source.readNBytes(CHUNK);
          if (chunk.length == 0) {
            break;
          }
          tap.update(chunk, 0, chunk.length);
          queue.put(chunk);
        }
        queue.put(EOF);
      } catch (IOException e) {
        queue.clear();
        queue.offer(new SourceException(e));
      } catch (RuntimeException e) {
        queue.clear();
        queue.offer(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // closed by the consumer
      }
    }, "kubeferry-read-ahead");
    reader.setDaemon(true);
    reader.start();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (pos == current.length) {
      if (done) {
        return -1;
      }
      Object next;
      try {
        next = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("read interrupted");
      }
      if (next instanceof IOException e) {
        throw e;
      } else if (next instanceof RuntimeException e) {
        throw e;
      }
      current = (byte[]) next;
      pos = 0;
      if (current == EOF) {
        done = true;
        return -1;
      }
    }
    int n = Math.min(len, current.length - pos);
    System.arraycopy(current, pos, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public void close() {
    reader.interrupt();
  }
}
