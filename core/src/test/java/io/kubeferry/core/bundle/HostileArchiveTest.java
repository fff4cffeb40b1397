package io.kubeferry.core.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.core.IntegrityException;
import io.kubeferry.core.sign.GeneratedKey;
import io.kubeferry.core.sign.KeyGenOptions;
import io.kubeferry.core.sign.KeyGenerator;
import io.kubeferry.core.sign.KeyType;
import io.kubeferry.core.sign.SignatureVerifier;
import io.kubeferry.core.sign.Signer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each hostile archive is refused with one line naming the entry, and nothing lands outside the work dir. */
class HostileArchiveTest {
  @TempDir Path dir;

  private interface Writer {
    void write(TarArchiveOutputStream tar) throws IOException;
  }

  private static byte[] tgz(Writer w) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      w.write(tar);
    }
    return bytes.toByteArray();
  }

  private static void file(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name, true); // keep absolute names as given
    e.setSize(content.length);
    tar.putArchiveEntry(e);
    tar.write(content);
    tar.closeArchiveEntry();
  }

  private static void special(TarArchiveOutputStream tar, String name, byte type, String link) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name, type, true);
    if (link != null) {
      e.setLinkName(link);
    }
    tar.putArchiveEntry(e);
    tar.closeArchiveEntry();
  }

  private static IntegrityException rejected(byte[] tgz, ArchiveLimits limits) {
    return assertThrows(IntegrityException.class, () -> {
      try (SafeTarReader r = new SafeTarReader(new ByteArrayInputStream(tgz), "hostile.tgz", limits)) {
        for (SafeTarReader.Entry e; (e = r.next()) != null; ) {
          r.content().transferTo(java.io.OutputStream.nullOutputStream());
        }
      }
    });
  }

  private static void assertNamed(IntegrityException e, String entry, String reason) {
    assertEquals(entry, e.subject());
    assertTrue(e.getMessage().contains("'" + entry + "'") && e.getMessage().contains(reason), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
  }

  @Test
  void traversal() throws Exception {
    assertNamed(rejected(tgz(t -> file(t, "../etc/passwd", new byte[1])), ArchiveLimits.defaults()),
        "../etc/passwd", "traversal");
    assertNamed(rejected(tgz(t -> file(t, "repo/../../x", new byte[1])), ArchiveLimits.defaults()),
        "repo/../../x", "traversal");
  }

  @Test
  void absolutePath() throws Exception {
    assertNamed(rejected(tgz(t -> file(t, "/etc/passwd", new byte[1])), ArchiveLimits.defaults()),
        "/etc/passwd", "absolute");
  }

  @Test
  void absolutePathWrittenByGnuTar() throws Exception {
    Path src = Files.writeString(dir.resolve("f"), "x");
    Path tgz = dir.resolve("gnu.tgz");
    Process p = new ProcessBuilder("tar", "-P", "-czf", tgz.toString(), src.toString()).start();
    assertEquals(0, p.waitFor());
    assertNamed(rejected(Files.readAllBytes(tgz), ArchiveLimits.defaults()), src.toString(), "absolute");
  }

  @Test
  void symlinkEscape() throws Exception {
    assertNamed(rejected(tgz(t -> special(t, "images/evil", TarArchiveEntry.LF_SYMLINK, "../../etc/passwd")),
        ArchiveLimits.defaults()), "images/evil", "outside");
    assertNamed(rejected(tgz(t -> special(t, "evil", TarArchiveEntry.LF_SYMLINK, "/etc/passwd")),
        ArchiveLimits.defaults()), "evil", "outside");
  }

  @Test
  void symlinkInsideIsAccepted() throws Exception {
    byte[] ok = tgz(t -> {
      file(t, "a/b", new byte[1]);
      special(t, "a/c", TarArchiveEntry.LF_SYMLINK, "b");
    });
    try (SafeTarReader r = new SafeTarReader(new ByteArrayInputStream(ok), "ok.tgz", ArchiveLimits.defaults())) {
      assertEquals("a/b", r.next().path());
      assertEquals(SafeTarReader.Type.SYMLINK, r.next().type());
    }
  }

  @Test
  void hardlinkEscape() throws Exception {
    assertNamed(rejected(tgz(t -> special(t, "h", TarArchiveEntry.LF_LINK, "../etc/shadow")),
        ArchiveLimits.defaults()), "h", "outside");
    assertNamed(rejected(tgz(t -> special(t, "h", TarArchiveEntry.LF_LINK, "/etc/shadow")),
        ArchiveLimits.defaults()), "h", "outside");
  }

  @Test
  void devicesAndFifos() throws Exception {
    assertNamed(rejected(tgz(t -> special(t, "dev/sda", TarArchiveEntry.LF_BLK, null)), ArchiveLimits.defaults()),
        "dev/sda", "device");
    assertNamed(rejected(tgz(t -> special(t, "null", TarArchiveEntry.LF_CHR, null)), ArchiveLimits.defaults()),
        "null", "device");
    assertNamed(rejected(tgz(t -> special(t, "pipe", TarArchiveEntry.LF_FIFO, null)), ArchiveLimits.defaults()),
        "pipe", "FIFO");
  }

  @Test
  void oversizedEntryTotalAndCount() throws Exception {
    ArchiveLimits small = new ArchiveLimits(100, 150, 3);
    assertNamed(rejected(tgz(t -> file(t, "big", new byte[101])), small), "big", "exceeds");
    assertNamed(rejected(tgz(t -> {
      file(t, "a", new byte[80]);
      file(t, "b", new byte[80]);
    }), small), "b", "exceeds");
    assertNamed(rejected(tgz(t -> {
      for (String n : List.of("a", "b", "c", "d")) {
        file(t, n, new byte[1]);
      }
    }), small), "d", "entries");
  }

  @Test
  void duplicateEntry() throws Exception {
    assertNamed(rejected(tgz(t -> {
      file(t, "repo/x", new byte[1]);
      file(t, "repo/x", new byte[2]);
    }), ArchiveLimits.defaults()), "repo/x", "duplicate");
  }

  /** A correctly signed bundle head followed by a hostile entry: extraction refuses and writes nothing outside. */
  @Test
  void extractionWritesNothingOutsideTheWorkDir() throws Exception {
    GeneratedKey key = KeyGenerator.generate(KeyGenOptions.of(KeyType.ED25519));
    Signer signer = Signer.fromBytes(key.secretKeyArmored().getBytes(StandardCharsets.US_ASCII), null, "k");
    SignatureVerifier trusted = SignatureVerifier.fromBytes(key.publicKeyArmored().getBytes(StandardCharsets.US_ASCII),
        "pub");
    byte[] manifest = BundleManifestCodec.write(new BundleManifest(BundleLayout.API_VERSION, BundleLayout.KIND,
        "1.23.1", "el7", "amd64", null, new ClusterComponents("k8s.gcr.io", "3.6", "3.5.1-0", "v1.8.6", "none", "",
        "none"), java.util.Map.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
    byte[] sig = signer.signArmored(manifest);
    Path work = Files.createDirectories(dir.resolve("work/inner"));
    for (Writer hostile : List.<Writer>of(
        t -> file(t, "../../escaped", new byte[] {1}),
        t -> special(t, "link", TarArchiveEntry.LF_SYMLINK, "../../.."),
        t -> file(t, "/tmp/kubeferry-escaped-" + ProcessHandle.current().pid(), new byte[] {1}))) {
      byte[] tgz = tgz(t -> {
        file(t, BundleLayout.MANIFEST, manifest);
        file(t, BundleLayout.MANIFEST_SIGNATURE, sig);
        hostile.write(t);
      });
      Path bundle = Files.write(dir.resolve("h.tgz"), tgz);
      Files.write(dir.resolve("h.tgz.asc"), signer.signArmored(tgz));
      IntegrityException e = assertThrows(IntegrityException.class,
          () -> new BundleVerifier(trusted, ArchiveLimits.defaults()).extract(bundle, work.resolve("out")));
      assertTrue(e.getMessage().startsWith("unsafe archive entry"), e.getMessage());
    }
    try (var s = Files.walk(dir)) {
      assertEquals(List.of("h.tgz", "h.tgz.asc", "inner", "work"),
          s.filter(p -> !p.equals(dir)).map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertFalse(Files.exists(Path.of("/tmp/kubeferry-escaped-" + ProcessHandle.current().pid())));
  }

}
