package io.kubeferry.bundler.pack;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A gzip writer whose deflate level can change between writes. Content that is already compressed (image layers,
 * RPMs, jars) is written as stored deflate blocks (level 0): recompressing it costs a lot of CPU and saves well under
 * 1% (measured, see docs/adr/0001-bundle-format.md); the rest is compressed normally. The result is one ordinary
 * gzip member any gunzip reads. The output is a function of the input and the level switches only, so it is
 * reproducible on one zlib. Not thread-safe.
 */
final class AdaptiveGzipOutputStream extends OutputStream {
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff}; // mtime 0, OS unknown

  private final OutputStream out;
  private final Deflater deflater;
  private final CRC32 crc = new CRC32();
  private final byte[] buf = new byte[1 << 16];
  private final int normalLevel;
  private long inputSize;
  private boolean closed;

  AdaptiveGzipOutputStream(OutputStream out, int normalLevel) throws IOException {
    this.out = out;
    this.normalLevel = normalLevel;
    this.deflater = new Deflater(normalLevel, true);
    out.write(HEADER);
  }

  /** Store (level 0) or compress (the normal level) what is written from now on. */
  void store(boolean store) {
    deflater.setLevel(store ? Deflater.NO_COMPRESSION : normalLevel);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return;
    }
    crc.update(b, off, len);
    inputSize += len;
    deflater.setInput(b, off, len);
    while (!deflater.needsInput()) {
      drain(Deflater.NO_FLUSH);
    }
  }

  private void drain(int flush) throws IOException {
    int n = deflater.deflate(buf, 0, buf.length, flush);
    if (n > 0) {
      out.write(buf, 0, n);
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    deflater.finish();
    while (!deflater.finished()) {
      drain(Deflater.NO_FLUSH);
    }
    deflater.end();
    writeIntLe((int) crc.getValue());
    writeIntLe((int) inputSize);
    out.close();
  }

  private void writeIntLe(int v) throws IOException {
    out.write(new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)});
  }
}
