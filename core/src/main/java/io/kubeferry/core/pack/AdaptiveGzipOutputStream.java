package io.kubeferry.core.pack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A gzip writer that compresses on all cores and stores what is already compressed.
 *
 * <p>Compressible input is cut into 128 KiB blocks deflated in parallel, each primed with the previous 32 KiB as
 * dictionary and ended with a sync flush (the pigz scheme): output depends only on the input, never on thread
 * timing, so it is reproducible. Input written in <em>store</em> mode (image layers, RPMs, jars: recompressing them
 * costs CPU and saves well under 1%, see docs/adr/0001-bundle-format.md) becomes raw deflate stored blocks, at
 * memory speed. The result is one ordinary gzip member any gunzip reads. Not thread-safe.
 */
final class AdaptiveGzipOutputStream extends OutputStream {
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff}; // mtime 0, OS unknown
  private static final int BLOCK = 128 << 10;
  private static final int DICT = 32 << 10;
  private static final int MAX_STORED = 65535;

  private final OutputStream out;
  private final int level;
  private final ExecutorService pool;
  private final int maxInFlight;
  private final ArrayDeque<Future<byte[]>> inFlight = new ArrayDeque<>();
  private final CRC32 crc = new CRC32();
  private byte[] block = new byte[BLOCK];
  private int blockLen;
  private byte[] dictionary; // last DICT bytes of compressible input, null after stored data
  private long inputSize;
  private boolean store;
  private boolean closed;

  AdaptiveGzipOutputStream(OutputStream out, int level, int threads) throws IOException {
    this.out = out;
    this.level = level;
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "kubeferry-deflate");
      t.setDaemon(true);
      return t;
    });
    this.maxInFlight = threads * 3;
    out.write(HEADER);
  }

  /** Store (true) or compress (false) what is written from now on. */
  void store(boolean value) throws IOException {
    if (value != store) {
      flushBlock();
      drain(0);
      store = value;
      dictionary = null; // a new compressed run starts without a dictionary: simpler and still deterministic
    }
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    crc.update(b, off, len);
    inputSize += len;
    if (store) {
      writeStored(b, off, len);
      return;
    }
    while (len > 0) {
      int n = Math.min(len, BLOCK - blockLen);
      System.arraycopy(b, off, block, blockLen, n);
      blockLen += n;
      off += n;
      len -= n;
      if (blockLen == BLOCK) {
        flushBlock();
      }
    }
  }

  private void writeStored(byte[] b, int off, int len) throws IOException {
    // Stored deflate block: byte-aligned header (BFINAL=0, BTYPE=00), LEN, ~LEN, raw bytes. The stream is aligned
    // here because every compressed block ends with a sync flush.
    while (len > 0) {
      int n = Math.min(len, MAX_STORED);
      out.write(new byte[] {0, (byte) n, (byte) (n >>> 8), (byte) ~n, (byte) (~n >>> 8)});
      out.write(b, off, n);
      off += n;
      len -= n;
    }
  }

  private void flushBlock() throws IOException {
    if (blockLen == 0) {
      return;
    }
    byte[] input = Arrays.copyOf(block, blockLen);
    byte[] dict = dictionary;
    dictionary = Arrays.copyOfRange(input, Math.max(0, input.length - DICT), input.length);
    blockLen = 0;
    inFlight.add(pool.submit(() -> deflate(input, dict, level)));
    drain(maxInFlight);
  }

  private static byte[] deflate(byte[] input, byte[] dict, int level) {
    Deflater d = new Deflater(level, true);
    try {
      if (dict != null) {
        d.setDictionary(dict);
      }
      d.setInput(input);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(input.length / 2 + 64);
      byte[] buf = new byte[64 << 10];
      int n;
      do {
        n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
        bytes.write(buf, 0, n);
      } while (n == buf.length || !d.needsInput());
      return bytes.toByteArray();
    } finally {
      d.end();
    }
  }

  /** Writes finished blocks in order until at most {@code keep} are pending. */
  private void drain(int keep) throws IOException {
    while (inFlight.size() > keep) {
      try {
        out.write(inFlight.poll().get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("compression interrupted");
      } catch (ExecutionException e) {
        throw new IOException("could not compress: " + e.getCause(), e.getCause());
      }
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      flushBlock();
      drain(0);
      out.write(new byte[] {1, 0, 0, (byte) 0xff, (byte) 0xff}); // final empty stored block
      int c = (int) crc.getValue();
      int s = (int) inputSize;
      out.write(new byte[] {(byte) c, (byte) (c >>> 8), (byte) (c >>> 16), (byte) (c >>> 24),
          (byte) s, (byte) (s >>> 8), (byte) (s >>> 16), (byte) (s >>> 24)});
      out.close();
    } finally {
      pool.shutdownNow();
    }
  }
}
