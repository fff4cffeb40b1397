package io.kubeferry.bundler.pack;

import io.kubeferry.core.io.AtomicFiles;
import io.kubeferry.core.bundle.BundleLayout;
import io.kubeferry.core.bundle.BundleManifest;
import io.kubeferry.core.bundle.BundleManifestCodec;
import io.kubeferry.core.bundle.FileEntry;
import io.kubeferry.core.bundle.ImageEntry;
import io.kubeferry.core.bundle.RpmEntry;
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
 * Builds a bundle: gathers the parts, hashes every file into the manifest, signs the manifest, streams the tar
 * (manifest and its signature first, then all files sorted) and signs the compressed stream while writing it.
 * Same inputs, key and timestamp → same bytes. Thread-safe (stateless).
 */
public final class BundleBuilder {
  private final TarPacker packer = new TarPacker();

  public BuildResult build(BuildOptions o) throws IOException, SigningException {
    Signer signer = o.signer();
    o.listener().phase("collecting bundle content");
    ContentCollector content = new ContentCollector();
    Path layout = null;
    if (o.images() != null) {
      layout = o.images().ociLayout();
      content.addTree(BundleLayout.IMAGES, layout);
    }
    Path repo = null;
    if (o.repo() != null) {
      repo = o.repo().repoDir();
      content.addTree(BundleLayout.REPO, repo);
    }
    if (o.manifestsDir() != null) {
      content.addTree(BundleLayout.MANIFESTS, o.manifestsDir());
    }
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
    content.add(PackEntry.ofBytes(BundleLayout.PUBLIC_KEY, signer.publicKeyArmored().getBytes(StandardCharsets.US_ASCII)));
    for (Map.Entry<String, byte[]> key : o.rpmKeys().entrySet()) {
      content.add(PackEntry.ofBytes(key.getKey(), key.getValue()));
    }

    o.listener().phase(String.format("hashing %d files (%.1f MiB)", content.entries().size(),
        content.totalBytes() / 1048576.0));
    Map<String, FileEntry> hashed = content.hash();
    List<PackEntry> files = content.entries(); // after hash(): image blobs now carry the digest to check
    List<ImageEntry> images = layout == null ? List.of() : OciLayoutSummary.images(layout);
    List<RpmEntry> rpms = repo == null ? List.of() : RepoSummary.rpms(repo, hashed);
    BundleManifest manifest = new BundleManifest(BundleLayout.API_VERSION, BundleLayout.KIND, o.kubernetesVersion(),
        o.osProfiles(), o.arches(), signer.fingerprint().hex(), images, rpms, new ArrayList<>(hashed.values()));
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
}
