package io.kubeferry.core.pack;

import io.kubeferry.core.bundle.BundleLayout;
import io.kubeferry.core.bundle.BundleManifest;
import io.kubeferry.core.bundle.BundleManifestCodec;
import io.kubeferry.core.bundle.FileEntry;
import io.kubeferry.core.bundle.RpmEntry;
import io.kubeferry.core.io.AtomicFiles;
import io.kubeferry.core.sign.Signer;
import io.kubeferry.core.sign.SigningException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one bundle writer: gathers the parts, hashes every file not hashed before into the manifest, signs the
 * manifest, streams the tar (manifest and its signature first, then all files sorted) and signs the compressed
 * stream while writing it. {@code bundle build}, the lab's fixture bundles and the class-data training all write
 * through it. Same inputs, key and timestamp → same bytes. Thread-safe (stateless).
 */
public final class BundleBuilder {
  private final TarPacker packer = new TarPacker();

  public BuildResult build(BuildOptions o) throws IOException, SigningException {
    Signer signer = o.signer();
    BundleContents c = o.contents();
    o.listener().phase("collecting bundle content");
    ContentCollector content = new ContentCollector();
    if (o.imageLayout() != null) {
      content.addTree(BundleLayout.IMAGES, o.imageLayout());
    }
    if (o.repoDir() != null) {
      content.addTree(BundleLayout.REPO, o.repoDir());
      for (RpmEntry rpm : c.rpms()) {
        content.expect(rpm.path(), rpm.sha256());
      }
    }
    o.files().values().forEach(content::add);
    if (o.installer() != null) {
      content.addFile(BundleLayout.INSTALLER_LAUNCHER, o.installer().launcher(), true);
      for (Path jar : o.installer().jars()) {
        content.addFile(BundleLayout.INSTALLER_LIB + jar.getFileName(), jar, false);
      }
      if (o.installer().runtime() != null) {
        content.addTree(BundleLayout.INSTALLER_RUNTIME, o.installer().runtime());
      }
    }
    if (o.locksDir() != null) {
      content.addTree(BundleLayout.LOCKS, o.locksDir());
    }
    content.add(PackEntry.ofBytes(BundleLayout.PUBLIC_KEY,
        signer.publicKeyArmored().getBytes(StandardCharsets.US_ASCII)));

    o.listener().phase(String.format("hashing %d files (%.1f MiB)", content.entries().size(),
        content.totalBytes() / 1048576.0));
    Map<String, FileEntry> hashed = content.hash();
    List<PackEntry> files = content.entries(); // after hash(): known digests are checked while packing
    if (o.base() != null) {
      files = leaveToBase(o.base(), hashed, files);
      o.listener().phase("delta on " + o.base().identity().name() + ": " + files.size() + " of " + hashed.size()
          + " files to pack, the others are the base's");
    }
    BundleManifest manifest = new BundleManifest(BundleLayout.API_VERSION, BundleLayout.KIND, c.kubernetesVersion(),
        c.os(), c.arch(), signer.fingerprint().hex(), c.cluster(), c.packages(), c.sources(), c.images(), c.rpms(),
        c.templates(), c.addons(), o.base() == null ? null : o.base().identity(), new ArrayList<>(hashed.values()));
    byte[] manifestBytes = BundleManifestCodec.write(manifest);
    byte[] manifestSig = signer.signArmored(new ByteArrayInputStream(manifestBytes), o.pack().mtime());

    List<PackEntry> ordered = new ArrayList<>();
    ordered.add(PackEntry.ofBytes(BundleLayout.MANIFEST, manifestBytes));
    ordered.add(PackEntry.ofBytes(BundleLayout.MANIFEST_SIGNATURE, manifestSig));
    ordered.addAll(files);
    o.listener().phase("packing " + o.output().getFileName() + " (" + o.pack().compression() + ")");
    Signer.SigningSink outer = signer.newSink(o.pack().mtime());
    PackResult packed = packer.pack(ordered, o.pack(), o.output(), outer);
    Path sigFile = BundleLayout.tarballSignature(o.output());
    AtomicFiles.write(sigFile, outer.signatureArmored());
    o.listener().phase("signed " + sigFile.getFileName() + " with key " + signer.fingerprint());
    return new BuildResult(o.output(), packed.files(), sigFile, packed.size(), packed.sha256(), signer.fingerprint(),
        manifest);
  }

  /**
   * Marks in {@code hashed} every file the base holds as the base's and returns the entries still to pack: a delta
   * lists the whole bundle, so its manifest stays the complete contract, but carries only what is new.
   */
  private static List<PackEntry> leaveToBase(DeltaBase base, Map<String, FileEntry> hashed, List<PackEntry> files) {
    List<PackEntry> own = new ArrayList<>();
    for (PackEntry e : files) {
      FileEntry f = hashed.get(e.path());
      if (base.holds(f)) {
        hashed.put(e.path(), f.inBase());
      } else {
        own.add(e);
      }
    }
    return own;
  }
}
