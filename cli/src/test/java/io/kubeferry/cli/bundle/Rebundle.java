package io.kubeferry.cli.bundle;

import io.kubeferry.core.bundle.BundleLayout;
import io.kubeferry.core.bundle.BundleManifest;
import io.kubeferry.core.bundle.BundleManifestCodec;
import io.kubeferry.core.bundle.FileEntry;
import io.kubeferry.core.bundle.ImageEntry;
import io.kubeferry.core.oci.OciLayout;
import io.kubeferry.core.pack.BuildOptions;
import io.kubeferry.core.pack.BundleBuilder;
import io.kubeferry.core.pack.BundleContents;
import io.kubeferry.core.pack.ContentSources;
import io.kubeferry.core.pack.PackEntry;
import io.kubeferry.core.pack.PackOptions;
import io.kubeferry.core.sign.Signer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes an unpacked bundle again through kubeferry's one bundle writer, signed with the same key, without some
 * images: a bundle whose signatures and hashes are all valid but whose image set lacks what its manifests name.
 * Only the image set changes; templates and add-ons stay as they were. Test support.
 */
final class Rebundle {
  private Rebundle() {}

  static Path withoutImages(Path unpacked, Set<String> drop, Signer signer, Path output) throws Exception {
    BundleManifest m = BundleManifestCodec.read(Files.readAllBytes(unpacked.resolve(BundleLayout.MANIFEST)),
        unpacked.toString());
    Path images = unpacked.resolve(BundleLayout.IMAGES);
    Path layoutDir = Files.createDirectories(output.resolveSibling(output.getFileName() + ".images"));
    OciLayout layout = OciLayout.open(layoutDir);
    for (var e : OciLayout.readImages(images).entrySet()) {
      if (!drop.contains(e.getKey())) {
        layout.addImage(e.getKey(), e.getValue().annotations().get(OciLayout.REF_NAME), e.getValue());
      }
    }
    Map<String, PackEntry> files = new TreeMap<>();
    for (FileEntry f : m.files()) {
      Path file = unpacked.resolve(f.path());
      if (f.path().startsWith(BundleLayout.IMAGES + "blobs/")) {
        Path copy = layoutDir.resolve(f.path().substring(BundleLayout.IMAGES.length()));
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } else if (Stream.of(BundleLayout.IMAGES, BundleLayout.REPO, BundleLayout.INSTALLER, BundleLayout.LOCKS)
          .noneMatch(f.path()::startsWith) && !f.path().equals(BundleLayout.PUBLIC_KEY)) {
        files.put(f.path(), PackEntry.ofFile(f.path(), file, f.executable()));
      }
    }
    List<Path> jars;
    try (Stream<Path> s = Files.list(unpacked.resolve(BundleLayout.INSTALLER_LIB))) {
      jars = s.sorted().toList();
    }
    List<ImageEntry> kept = m.images().stream().filter(i -> !drop.contains(i.ref())).toList();
    BundleContents contents = new BundleContents(m.kubernetesVersion(), m.os(), m.arch(), m.cluster(), m.packages(),
        m.sources(), kept, m.rpms(), m.templates(), m.addons());
    new BundleBuilder().build(new BuildOptions(contents, layoutDir, unpacked.resolve(BundleLayout.REPO), files,
        new ContentSources.Installer(unpacked.resolve(BundleLayout.INSTALLER_LAUNCHER), jars,
            unpacked.resolve(BundleLayout.INSTALLER_RUNTIME)), unpacked.resolve(BundleLayout.LOCKS), signer, output,
        PackOptions.defaults(), null));
    return output;
  }
}
