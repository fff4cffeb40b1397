package io.kubeferry.core.bundle;

/**
 * Caps applied while reading an untrusted archive, before any signature is trusted.
 *
 * @param maxEntrySize largest single entry in bytes
 * @param maxTotalSize largest sum of entry sizes
 * @param maxEntries most entries
 */
public record ArchiveLimits(long maxEntrySize, long maxTotalSize, int maxEntries) {
  public ArchiveLimits {
    if (maxEntrySize <= 0 || maxTotalSize <= 0 || maxEntries <= 0) {
      throw new IllegalArgumentException("archive limits must be positive");
    }
  }

  /** Defaults for bundles: 16 GiB per entry, 256 GiB in total, 200,000 entries. */
  public static ArchiveLimits defaults() {
    return new ArchiveLimits(16L << 30, 256L << 30, 200_000);
  }
}
