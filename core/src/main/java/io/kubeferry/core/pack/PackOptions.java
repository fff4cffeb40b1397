package io.kubeferry.core.pack;

import java.time.Instant;
import java.util.Objects;

/**
 * How {@link TarPacker} writes.
 *
 * @param compression gzip (default) or zstd
 * @param mtime the modification time stamped on every entry (reproducibility)
 * @param partSize split into numbered parts of this many bytes; 0 for one file
 */
public record PackOptions(Compression compression, Instant mtime, long partSize) {
  /** Default fixed timestamp when SOURCE_DATE_EPOCH is not set. */
  public static final Instant DEFAULT_MTIME = Instant.parse("2024-01-01T00:00:00Z");

  public PackOptions {
    Objects.requireNonNull(compression, "compression");
    Objects.requireNonNull(mtime, "mtime");
    if (partSize < 0 || (partSize > 0 && partSize < 1 << 20)) {
      throw new IllegalArgumentException("--split must be at least 1M, got " + partSize + " bytes");
    }
  }

  public static PackOptions defaults() {
    return new PackOptions(Compression.GZIP, DEFAULT_MTIME, 0);
  }

  /** Parses sizes like {@code 4G}, {@code 700M}, {@code 1048576}. */
  public static long parseSize(String text) {
    String t = text.trim().toUpperCase(java.util.Locale.ROOT);
    long unit = 1;
    if (t.endsWith("IB")) {
      t = t.substring(0, t.length() - 2);
    } else if (t.endsWith("B")) {
      t = t.substring(0, t.length() - 1);
    }
    if (!t.isEmpty() && "KMGT".indexOf(t.charAt(t.length() - 1)) >= 0) {
      unit = 1L << (10 * ("KMGT".indexOf(t.charAt(t.length() - 1)) + 1));
      t = t.substring(0, t.length() - 1);
    }
    try {
      return Math.multiplyExact(Long.parseLong(t), unit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("invalid size '" + text + "' (expected e.g. 4G, 700M)");
    }
  }
}
