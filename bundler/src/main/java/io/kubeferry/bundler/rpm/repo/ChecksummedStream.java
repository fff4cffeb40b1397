package io.kubeferry.bundler.rpm.repo;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Computes a checksum while the data is read and compares it when the stream ends, so a reader never accepts
 * content that does not match the metadata. A mismatch throws {@link ChecksumMismatchException} from {@code read}.
 */
final class ChecksummedStream extends FilterInputStream {
  /** Thrown at end of stream when the content does not match. */
  static final class ChecksumMismatchException extends IOException {
    private static final long serialVersionUID = 1L;

    ChecksumMismatchException(String message) {
      super(message);
    }
  }

  private final MessageDigest digest;
  private final String expected;
  private final String what;
  private boolean checked;

  /**
   * @param expected {@code type:hex}, e.g. {@code sha256:ab12...}
   * @param what names the content in the error message
   */
  ChecksummedStream(InputStream in, String expected, String what) throws IOException {
    super(in);
    int colon = expected.indexOf(':');
    this.expected = expected.substring(colon + 1).toLowerCase();
    this.what = what;
    try {
      this.digest = MessageDigest.getInstance(jdkName(expected.substring(0, colon)));
    } catch (NoSuchAlgorithmException e) {
      throw new IOException("unsupported checksum type '" + expected.substring(0, colon) + "' for " + what, e);
    }
  }

  private static String jdkName(String algo) {
    return switch (algo) {
      case "sha256" -> "SHA-256";
      case "sha512" -> "SHA-512";
      case "sha384" -> "SHA-384";
      case "sha224" -> "SHA-224";
      case "sha1" -> "SHA-1";
      case "md5" -> "MD5";
      default -> algo;
    };
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b < 0) {
      check();
    } else {
      digest.update((byte) b);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n < 0) {
      check();
    } else {
      digest.update(buf, off, n);
    }
    return n;
  }

  /** Reads to the end (XML parsers may stop before EOF) and verifies. */
  void drainAndCheck() throws IOException {
    byte[] buf = new byte[65536];
    while (read(buf, 0, buf.length) >= 0) {
      // reading updates the digest
    }
    check();
  }

  private void check() throws IOException {
    if (checked) {
      return;
    }
    checked = true;
    String actual = HexFormat.of().formatHex(digest.digest());
    if (!actual.equals(expected)) {
      throw new ChecksumMismatchException("checksum mismatch for " + what + ": expected " + expected + ", got "
          + actual);
    }
  }
}
