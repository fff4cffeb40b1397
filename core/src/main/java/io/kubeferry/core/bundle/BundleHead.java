package io.kubeferry.core.bundle;

import io.kubeferry.core.IntegrityException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The first two entries of a bundle tarball, the manifest and its signature, read without touching the rest (for
 * {@code inspect}). Nothing here is trusted until checked with a key.
 */
public record BundleHead(BundleParts parts, byte[] manifest, byte[] signature) {
  /** Reads the head of {@code tarball} (or its parts). */
  public static BundleHead read(Path tarball) throws IOException, IntegrityException {
    BundleParts parts = BundleParts.find(tarball);
    try (InputStream in = parts.open();
        SafeTarReader reader = new SafeTarReader(in, parts.toString(), ArchiveLimits.defaults())) {
      byte[] manifest = small(reader, BundleLayout.MANIFEST);
      byte[] signature = small(reader, BundleLayout.MANIFEST_SIGNATURE);
      return new BundleHead(parts, manifest, signature);
    }
  }

  private static byte[] small(SafeTarReader reader, String expected) throws IOException, IntegrityException {
    SafeTarReader.Entry e = reader.next();
    if (e == null || !e.path().equals(expected) || e.size() > ManifestCheck.MAX_SIZE) {
      throw new IntegrityException(expected, "not a kubeferry bundle: it must start with " + expected);
    }
    return reader.content().readNBytes((int) e.size());
  }
}
