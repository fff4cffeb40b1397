package io.kubeferry.bundler.rpm;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Reads an RPM once while counting bytes, hashing the whole file, recording the leading bytes (lead, signature and
 * main header, needed to verify the header signature) and hashing the payload after the header.
 */
final class TrackingInputStream extends FilterInputStream {
  private final MessageDigest fileDigest;
  private final ByteArrayOutputStream recorded = new ByteArrayOutputStream(64 * 1024);
  private boolean recording = true;
  private MessageDigest payloadDigest;
  private long count;

  TrackingInputStream(InputStream in, MessageDigest fileDigest) {
    super(in);
    this.fileDigest = fileDigest;
  }

  long count() {
    return count;
  }

  /** Stops recording; bytes read from now on go to {@code payload} (may be null) as well as the file digest. */
  void startPayload(MessageDigest payload) {
    recording = false;
    payloadDigest = payload;
  }

  byte[] recorded() {
    return recorded.toByteArray();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      count += n;
      fileDigest.update(b, off, n);
      if (recording) {
        recorded.write(b, off, n);
      } else if (payloadDigest != null) {
        payloadDigest.update(b, off, n);
      }
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // never skip: every byte must be hashed
    byte[] buf = new byte[(int) Math.min(n, 64 * 1024)];
    int r = read(buf, 0, buf.length);
    return Math.max(r, 0);
  }

  /** Reads to the end of the stream. */
  void drain() throws IOException {
    byte[] buf = new byte[128 * 1024];
    while (read(buf, 0, buf.length) >= 0) {
      // hashing happens in read
    }
  }
}
