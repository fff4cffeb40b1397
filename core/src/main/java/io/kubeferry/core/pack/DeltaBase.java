package io.kubeferry.core.pack;

import io.kubeferry.core.Digest;
import io.kubeferry.core.IntegrityException;
import io.kubeferry.core.bundle.BaseBundle;
import io.kubeferry.core.bundle.BundleFormatException;
import io.kubeferry.core.bundle.BundleHead;
import io.kubeferry.core.bundle.BundleLayout;
import io.kubeferry.core.bundle.BundleManifest;
import io.kubeferry.core.bundle.BundleManifestCodec;
import io.kubeferry.core.bundle.FileEntry;
import io.kubeferry.core.sign.SignatureVerifier;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The bundle a delta is built on ({@code bundle build --base}): its identity for the delta's manifest and the files
 * it holds. Only the base's signed manifest is read (the first entry of its tarball), so a base of any size costs
 * nothing to consult. Immutable.
 *
 * @param identity what the delta records about its base
 * @param files the base's files by path
 */
public record DeltaBase(BaseBundle identity, Map<String, FileEntry> files) {
  public DeltaBase {
    Objects.requireNonNull(identity, "identity");
    files = Map.copyOf(files);
  }

  /**
   * Reads the head of {@code tarball} and checks its manifest's signature with {@code trusted}.
   *
   * @throws IntegrityException when the manifest is not signed by {@code trusted}
   * @throws BundleFormatException when it is unreadable, format v1, or itself a delta (deltas are built on whole
   *     bundles, so an install needs one base, not a chain)
   */
  public static DeltaBase read(Path tarball, SignatureVerifier trusted)
      throws IOException, IntegrityException, BundleFormatException {
    BundleHead head = BundleHead.read(tarball);
    trusted.verify(new ByteArrayInputStream(head.manifest()), head.signature(),
        tarball.getFileName() + "!" + BundleLayout.MANIFEST);
    BundleManifest m = BundleManifestCodec.read(head.manifest(), tarball + "!" + BundleLayout.MANIFEST);
    if (m.legacy() || m.delta()) {
      throw new BundleFormatException("could not use " + tarball + " as a base: it is " + (m.delta()
          ? "itself a delta (on " + m.base().name() + "); build on a whole bundle" : "format " + m.apiVersion()
          + "; rebuild it with this kubeferry"));
    }
    return new DeltaBase(new BaseBundle(Digest.sha256Of(head.manifest()), tarball.getFileName().toString()),
        m.filesByPath());
  }

  /** True when the base holds exactly this file (same path, content and mode), so the delta need not carry it. */
  public boolean holds(FileEntry f) {
    FileEntry b = files.get(f.path());
    return b != null && b.sha256().equals(f.sha256()) && b.size() == f.size() && b.executable() == f.executable();
  }
}
