package io.kubeferry.core.pack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.core.Nevra;
import io.kubeferry.core.bundle.ArchiveLimits;
import io.kubeferry.core.bundle.BundleLayout;
import io.kubeferry.core.bundle.BundleVerifier;
import io.kubeferry.core.bundle.VerificationResult;
import io.kubeferry.core.sign.SignatureVerifier;
import io.kubeferry.core.sign.Signer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleBuilderTest {
  @TempDir Path out;
  private TestContent c;
  private SignatureVerifier trusted;
  private Signer signer;

  @BeforeEach
  void content() throws Exception {
    c = TestContent.get();
    trusted = c.trusted;
    signer = c.signer;
  }

  private BuildResult build(Path output, PackOptions pack) throws Exception {
    return c.build(output, pack);
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
    assertEquals("docker.io/library/pause:3.6", v.manifest().images().get(0).ref());
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

  @Test
  void realGpgVerifiesTheTarballAndStockToolsReadTheUnpackedContent() throws Exception {
    BuildResult a = build(out.resolve("k.tgz"), PackOptions.defaults());
    Path home = Files.createDirectories(out.resolve("gnupg"));
    Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    Path pub = Files.writeString(out.resolve("pub.asc"), c.key.publicKeyArmored());
    try {
      Fixtures.run(out, "gpg", "--homedir", home.toString(), "--batch", "--import", pub.toString());
      String gpg = Fixtures.run(out, "gpg", "--homedir", home.toString(), "--batch", "--status-fd", "1", "--verify",
          a.signature().toString(), a.tarball().toString());
      assertTrue(gpg.contains("[GNUPG:] VALIDSIG " + signer.fingerprint()), gpg);
    } finally {
      Fixtures.run(out, "gpgconf", "--homedir", home.toString(), "--kill", "all");
    }

    Path dir = out.resolve("unpacked");
    new BundleVerifier(trusted, ArchiveLimits.defaults()).extract(a.tarball(), dir);
    String inspect = Fixtures.run(out, "skopeo", "inspect", "--raw", "oci:" + dir.resolve("images") + ":pause:3.6");
    assertTrue(inspect.contains("application/vnd.oci.image.manifest.v1+json"), inspect);
    String config = Fixtures.run(out, "skopeo", "inspect", "--config",
        "oci:" + dir.resolve("images") + ":pause:3.6");
    assertTrue(config.contains("\"architecture\": \"amd64\""), config);

    String dnf = Fixtures.run(out, "dnf", "-q", "--repofrompath=kf,file://" + dir.resolve("repo"), "--repo=kf",
        "--setopt=kf.gpgcheck=0", "--installroot=" + out.resolve("root"), "--releasever=7",
        "--setopt=cachedir=" + out.resolve("cache"), "repoquery", "--available");
    assertEquals(List.of("kf-test-a-0:1.0-1.noarch", "kf-test-b-2:1.0-1.noarch"), dnf.lines().sorted().toList());
    assertTrue(Files.isExecutable(dir.resolve(BundleLayout.INSTALLER_LAUNCHER)));
    assertTrue(Files.isExecutable(dir.resolve(BundleLayout.INSTALLER_RUNTIME + "bin/java")));
  }

  @Test
  void aCorruptImageBlobFailsTheBuildAndLeavesNothing() throws Exception {
    Path layout = out.resolve("layout");
    try (var s = Files.walk(c.layout)) {
      for (Path p : s.toList()) {
        Path t = layout.resolve(c.layout.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    Path blob;
    try (var s = Files.list(layout.resolve("blobs/sha256"))) {
      blob = s.filter(p -> {
        try {
          return Files.readAllBytes(p)[0] == 0x1f;
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(blob);
    bytes[bytes.length / 2] ^= 1;
    Files.write(blob, bytes);
    BuildOptions bad = c.options(layout, out.resolve("bad/k.tgz"), PackOptions.defaults());
    java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
        () -> new BundleBuilder().build(bad));
    assertTrue(e.getMessage().contains(blob.getFileName().toString()) && e.getMessage().contains("does not match"),
        e.getMessage());
    try (var s = Files.list(out.resolve("bad"))) {
      assertEquals(List.of(), s.toList());
    }
  }
}
