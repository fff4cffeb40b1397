package io.kubeferry.core.pack;

import io.kubeferry.core.sign.GeneratedKey;
import io.kubeferry.core.sign.KeyGenOptions;
import io.kubeferry.core.sign.KeyGenerator;
import io.kubeferry.core.sign.KeyType;
import io.kubeferry.core.sign.SignatureVerifier;
import io.kubeferry.core.sign.Signer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Real bundle content and a key, made once per test JVM (rpmbuild, createrepo_c and skopeo take seconds). */
final class TestContent {
  private static TestContent instance;

  final Path dir;
  final GeneratedKey key;
  final Signer signer;
  final SignatureVerifier trusted;
  final Path layout;
  final Path repo;
  final Path templates;
  final ContentSources.Installer installer;
  /** An add-on manifest the test bundles carry, naming the layout's one image. */
  static final String ADDON = io.kubeferry.core.bundle.BundleLayout.ADDONS + "10-pause.yaml";
  static final String ADDON_IMAGE = "docker.io/library/pause:3.6";
  static final String ADDON_YAML = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n"
      + "  - {name: p, image: pause:3.6}\n";
  /** An upstream RPM signing key (not the bundle key), shipped as keys/rpm/kubernetes.asc. */
  final byte[] rpmKey;

  private TestContent() throws Exception {
    dir = Files.createTempDirectory("kubeferry-bundle-content");
    dir.toFile().deleteOnExit();
    key = KeyGenerator.generate(KeyGenOptions.of(KeyType.ED25519));
    signer = Signer.fromBytes(key.secretKeyArmored().getBytes(StandardCharsets.US_ASCII), null, "test key");
    trusted = SignatureVerifier.fromBytes(key.publicKeyArmored().getBytes(StandardCharsets.US_ASCII), "test pub");
    layout = Fixtures.ociLayout(dir, "pause:3.6");
    repo = Fixtures.yumRepo(dir);
    templates = Fixtures.templates(dir);
    installer = Fixtures.installer(dir);
    rpmKey = KeyGenerator.generate(KeyGenOptions.of(KeyType.ED25519).withUserId("upstream rpm key"))
        .publicKeyArmored().getBytes(StandardCharsets.US_ASCII);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try (var s = Files.walk(dir)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (java.io.IOException ignored) {
        // best effort cleanup of a temp dir
      }
    }));
  }

  static synchronized TestContent get() throws Exception {
    if (instance == null) {
      instance = new TestContent();
    }
    return instance;
  }

  BuildOptions options(Path output, PackOptions pack) throws Exception {
    return options(layout, output, pack);
  }

  /** Options for a bundle of this content with another image layout. */
  BuildOptions options(Path imageLayout, Path output, PackOptions pack) throws Exception {
    String key = io.kubeferry.core.bundle.BundleLayout.rpmKey("kubernetes");
    String template = io.kubeferry.core.bundle.BundleLayout.MANIFESTS + "kubeadm/v1beta3.yaml";
    return new BuildOptions(TestBundles.withAddon(TestBundles.contents(imageLayout, repo), ADDON, ADDON_IMAGE),
        imageLayout, repo, java.util.Map.of(
        key, PackEntry.ofBytes(key, rpmKey),
        template, PackEntry.ofFile(template, templates.resolve("kubeadm/v1beta3.yaml"), false),
        ADDON, PackEntry.ofBytes(ADDON, ADDON_YAML.getBytes(StandardCharsets.UTF_8))),
        installer, dir.resolve("locks"), signer, output, pack, null);
  }

  BuildResult build(Path output, PackOptions pack) throws Exception {
    return new BundleBuilder().build(options(output, pack));
  }
}
