package io.kubeferry.bundler.pack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.core.Nevra;
import io.kubeferry.core.bundle.ArchiveLimits;
import io.kubeferry.core.bundle.BundleLayout;
import io.kubeferry.core.bundle.BundleVerifier;
import io.kubeferry.core.bundle.VerificationResult;
import io.kubeferry.core.sign.GeneratedKey;
import io.kubeferry.core.sign.KeyGenOptions;
import io.kubeferry.core.sign.KeyGenerator;
import io.kubeferry.core.sign.KeyType;
import io.kubeferry.core.sign.SignatureVerifier;
import io.kubeferry.core.sign.Signer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleBuilderTest {
  @TempDir static Path fixtures;
  static Signer signer;
  static SignatureVerifier trusted;
  static Path layout;
  static Path repo;
  static Path templates;
  static ContentSources.Installer installer;

  @TempDir Path out;

  @BeforeAll
  static void content() throws Exception {
    GeneratedKey key = KeyGenerator.generate(KeyGenOptions.of(KeyType.ED25519));
    signer = Signer.fromBytes(key.secretKeyArmored().getBytes(StandardCharsets.US_ASCII), null, "test key");
    trusted = SignatureVerifier.fromBytes(key.publicKeyArmored().getBytes(StandardCharsets.US_ASCII), "test pub");
    layout = Fixtures.ociLayout(fixtures, "pause:3.6");
    repo = Fixtures.yumRepo(fixtures);
    templates = Fixtures.templates(fixtures);
    installer = Fixtures.installer(fixtures);
  }

  static BuildOptions options(Path output, PackOptions pack) {
    return new BuildOptions("1.23.1", List.of("el7"), List.of("amd64"), () -> layout, () -> repo, templates,
        installer, fixtures.resolve("locks"), signer, output, pack, null);
  }

  static BuildResult build(Path output, PackOptions pack) throws Exception {
    return new BundleBuilder().build(options(output, pack));
  }

  @Test
  void sameInputsGiveTheSameBytesAndTheBundleVerifies() throws Exception {
    BuildResult a = build(out.resolve("a/k.tgz"), PackOptions.defaults());
    BuildResult b = build(out.resolve("b/k.tgz"), PackOptions.defaults());
    assertEquals(a.sha256(), b.sha256());
    assertArrayEquals(Files.readAllBytes(a.tarball()), Files.readAllBytes(b.tarball()));
    assertArrayEquals(Files.readAllBytes(a.signature()), Files.readAllBytes(b.signature()));

    VerificationResult v = new BundleVerifier(trusted, ArchiveLimits.defaults()).verify(a.tarball());
    assertEquals(a.manifest().files().size(), v.files());
    assertEquals(signer.fingerprint(), v.tarballSignature().primary());
    assertEquals("pause:3.6", v.manifest().images().get(0).ref());
    assertEquals("linux/amd64", v.manifest().images().get(0).platforms().get(0).platform());
    assertEquals(List.of(Nevra.parse("kf-test-a-1.0-1.noarch"), Nevra.parse("kf-test-b-2:1.0-1.noarch")),
        v.manifest().rpms().stream().map(r -> r.nevra()).toList());
    assertTrue(v.manifest().filesByPath().containsKey(BundleLayout.PUBLIC_KEY));
    assertTrue(v.manifest().filesByPath().get(BundleLayout.INSTALLER_LAUNCHER).executable());
  }

  @Test
  void stockTarListsTheManifestFirstAndTheFilesSorted() throws Exception {
    BuildResult a = build(out.resolve("k.tgz"), PackOptions.defaults());
    List<String> names = Fixtures.run(out, "tar", "tzvf", a.tarball().toString()).lines().toList();
    assertTrue(names.get(0).endsWith(" " + BundleLayout.MANIFEST), names.get(0));
    assertTrue(names.get(1).endsWith(" " + BundleLayout.MANIFEST_SIGNATURE), names.get(1));
    assertTrue(names.get(2).startsWith("-rw-r--r-- 0/0"), names.get(2));
    assertTrue(names.get(2).contains("2024-01-01"), names.get(2));
    List<String> rest = names.subList(2, names.size()).stream().map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList();
    assertEquals(rest.stream().sorted().toList(), rest);
  }

  @Test
  void zstdAndSplitPartsVerify() throws Exception {
    PackOptions zstd = new PackOptions(Compression.ZSTD, PackOptions.DEFAULT_MTIME, 0);
    BuildResult z1 = build(out.resolve("z1/k.tar.zst"), zstd);
    BuildResult z2 = build(out.resolve("z2/k.tar.zst"), zstd);
    assertEquals(z1.sha256(), z2.sha256());
    new BundleVerifier(trusted, ArchiveLimits.defaults()).verify(z1.tarball());

    BuildResult whole = build(out.resolve("w/k.tgz"), PackOptions.defaults());
    BuildResult split = build(out.resolve("s/k.tgz"),
        new PackOptions(Compression.GZIP, PackOptions.DEFAULT_MTIME, 1 << 20));
    assertTrue(split.files().size() >= 2, split.files().toString());
    assertEquals(whole.sha256(), split.sha256());
    assertEquals(BundleLayout.part(out.resolve("s/k.tgz"), 0), split.files().get(0));
    VerificationResult v = new BundleVerifier(trusted, ArchiveLimits.defaults()).verify(split.tarball());
    assertTrue(v.source().contains("parts"), v.source());
  }
}
