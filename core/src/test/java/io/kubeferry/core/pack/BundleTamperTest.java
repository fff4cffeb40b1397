package io.kubeferry.core.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.core.IntegrityException;
import io.kubeferry.core.bundle.ArchiveLimits;
import io.kubeferry.core.bundle.BundleLayout;
import io.kubeferry.core.bundle.BundleLayout.FileClass;
import io.kubeferry.core.bundle.BundleVerifier;
import io.kubeferry.core.bundle.DirectoryVerifier;
import io.kubeferry.core.sign.GeneratedKey;
import io.kubeferry.core.sign.KeyGenOptions;
import io.kubeferry.core.sign.KeyGenerator;
import io.kubeferry.core.sign.KeyType;
import io.kubeferry.core.sign.SignatureVerifier;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every kind of damage is caught and named: one flipped byte per file class, extra files, parts, keys. */
class BundleTamperTest {
  @TempDir Path out;
  private TestContent c;
  private BuildResult bundle;
  private BundleVerifier verifier;

  @BeforeEach
  void build() throws Exception {
    c = TestContent.get();
    bundle = c.build(out.resolve("k.tgz"), PackOptions.defaults());
    verifier = new BundleVerifier(c.trusted, ArchiveLimits.defaults());
  }

  private Path extract() throws Exception {
    Path dir = out.resolve("unpacked");
    verifier.extract(bundle.tarball(), dir);
    return dir;
  }

  /** Repacks a (tampered) directory the way the builder orders entries and keeps the original signature. */
  private Path repack(Path dir) throws Exception {
    List<PackEntry> entries = new ArrayList<>();
    entries.add(PackEntry.ofFile(BundleLayout.MANIFEST, dir.resolve(BundleLayout.MANIFEST), false));
    entries.add(PackEntry.ofFile(BundleLayout.MANIFEST_SIGNATURE, dir.resolve(BundleLayout.MANIFEST_SIGNATURE), false));
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
        String rel = dir.relativize(f).toString();
        if (!rel.equals(BundleLayout.MANIFEST) && !rel.equals(BundleLayout.MANIFEST_SIGNATURE)) {
          entries.add(PackEntry.ofFile(rel, f, false));
        }
      }
    }
    Path tampered = out.resolve("tampered.tgz");
    new TarPacker().pack(entries, PackOptions.defaults(), tampered, null);
    Files.copy(bundle.signature(), BundleLayout.tarballSignature(tampered));
    return tampered;
  }

  private static void flipByte(Path file, long offset) throws Exception {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(offset);
      int b = raf.read();
      raf.seek(offset);
      raf.write(b ^ 0x01);
    }
  }

  @ParameterizedTest
  @EnumSource(value = FileClass.class, names = "OTHER", mode = EnumSource.Mode.EXCLUDE)
  void oneFlippedByteInAnyFileClassIsNamed(FileClass fileClass) throws Exception {
    Path dir = extract();
    String victim;
    try (Stream<Path> s = Files.walk(dir)) {
      victim = s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted()
          .filter(p -> BundleLayout.classify(p) == fileClass).findFirst().orElseThrow();
    }
    Path file = dir.resolve(victim);
    flipByte(file, fileClass == FileClass.SIGNATURE ? Files.size(file) / 2 : Files.size(file) - 2);
    String named = fileClass == FileClass.SIGNATURE ? BundleLayout.MANIFEST : victim;

    IntegrityException unpacked = assertThrows(IntegrityException.class,
        () -> new DirectoryVerifier(c.trusted).verify(dir));
    assertTrue(unpacked.getMessage().contains(named), unpacked.getMessage());

    IntegrityException packed = assertThrows(IntegrityException.class, () -> verifier.verify(repack(dir)));
    assertTrue(packed.getMessage().contains(named), packed.getMessage());
    assertTrue(packed.subject().startsWith(named), packed.subject());
  }

  @Test
  void aFlippedByteInTheTarballNamesTheLayerAndTheSignature() throws Exception {
    // Layers are stored, not recompressed, so the layer's bytes sit verbatim in the .tgz: damage lands in it.
    String layerPath = bundle.manifest().files().stream().map(f -> f.path())
        .filter(p -> p.startsWith("images/blobs/")).filter(p -> {
          try {
            return Files.readAllBytes(c.layout.resolve(p.substring("images/".length())))[0] == 0x1f;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }).findFirst().orElseThrow();
    byte[] layer = Files.readAllBytes(c.layout.resolve(layerPath.substring("images/".length())));
    byte[] tgz = Files.readAllBytes(bundle.tarball());
    int at = indexOf(tgz, layer);
    assertTrue(at > 0, "layer bytes not found verbatim in the tarball");
    flipByte(bundle.tarball(), at + layer.length / 2);
    IntegrityException e = assertThrows(IntegrityException.class, () -> verifier.verify(bundle.tarball()));
    assertTrue(e.getMessage().contains(layerPath), e.getMessage());
    assertTrue(e.getMessage().contains("k.tgz.asc"), e.getMessage());
  }

  /**
   * Wherever a flipped byte lands (gzip header, deflate data, a tar header, a stored layer, the trailer) the verdict
   * is an integrity failure, never a plain read error: the decompressor, the tar layer or a hash may be the first to
   * notice, and each must count as damage. A randomly keyed fixture once hit a tar-header checksum first.
   */
  @Test
  void aFlippedByteAnywhereInTheTarballIsAnIntegrityFailure() throws Exception {
    byte[] original = Files.readAllBytes(bundle.tarball());
    Path tampered = out.resolve("anywhere.tgz");
    Files.copy(bundle.signature(), BundleLayout.tarballSignature(tampered));
    int probes = 48;
    for (int i = 0; i < probes; i++) {
      long at = (long) original.length * i / probes + 3; // +3 also hits the gzip header's flags byte
      byte[] bytes = original.clone();
      bytes[(int) at] ^= 0x01;
      Files.write(tampered, bytes);
      assertThrows(IntegrityException.class, () -> verifier.verify(tampered), "byte " + at + " flipped");
    }
  }

  /** Damage the gzip layer cannot see (a tar header inside a re-gzipped, valid stream) is damage all the same. */
  @Test
  void aDamagedTarHeaderInsideAValidGzipStreamIsAnIntegrityFailure() throws Exception {
    byte[] tar;
    try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(bundle.tarball()))) {
      tar = in.readAllBytes();
    }
    int thirdHeader = 0;
    for (int i = 0; i < 2; i++) { // walk the 512-byte records: header, then the data rounded up to a record
      long size = Long.parseLong(new String(tar, thirdHeader + 124, 11, StandardCharsets.US_ASCII).trim(), 8);
      thirdHeader += 512 + (int) ((size + 511) / 512 * 512);
    }
    tar[thirdHeader + 124 + 3] = '9'; // a non-octal digit in the size field: the tar layer, not gzip, notices
    Path tampered = out.resolve("header.tgz");
    try (var gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(tampered))) {
      gz.write(tar);
    }
    Files.copy(bundle.signature(), BundleLayout.tarballSignature(tampered));
    IntegrityException e = assertThrows(IntegrityException.class, () -> verifier.verify(tampered));
    assertTrue(e.getMessage().contains("header.tgz"), e.getMessage());
  }

  @Test
  void theRpmSigningKeysAreInsideListedAndTamperChecked() throws Exception {
    String path = BundleLayout.rpmKey("kubernetes");
    var listed = bundle.manifest().files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
    assertEquals(io.kubeferry.core.Digest.sha256Of(c.rpmKey), listed.sha256());
    Path dir = extract();
    assertEquals(new String(c.rpmKey, StandardCharsets.US_ASCII), Files.readString(dir.resolve(path)));
    flipByte(dir.resolve(path), 40);
    IntegrityException unpacked = assertThrows(IntegrityException.class,
        () -> new DirectoryVerifier(c.trusted).verify(dir));
    assertEquals(path, unpacked.subject());
    IntegrityException packed = assertThrows(IntegrityException.class, () -> verifier.verify(repack(dir)));
    assertTrue(packed.getMessage().contains(path), packed.getMessage());
  }

  @Test
  void anExtraFileIsRejectedByName() throws Exception {
    Path dir = extract();
    Files.writeString(dir.resolve("repo/Packages/evil.rpm"), "not listed");
    IntegrityException unpacked = assertThrows(IntegrityException.class,
        () -> new DirectoryVerifier(c.trusted).verify(dir));
    assertEquals("repo/Packages/evil.rpm", unpacked.subject());
    IntegrityException packed = assertThrows(IntegrityException.class, () -> verifier.verify(repack(dir)));
    assertTrue(packed.getMessage().contains("repo/Packages/evil.rpm: not listed"), packed.getMessage());
  }

  @Test
  void aTruncatedOrMissingPartIsRejected() throws Exception {
    BuildResult split = c.build(out.resolve("s/k.tgz"),
        new PackOptions(Compression.GZIP, PackOptions.DEFAULT_MTIME, 1 << 20));
    Path part = split.files().get(1);
    try (RandomAccessFile raf = new RandomAccessFile(part.toFile(), "rw")) {
      raf.setLength(raf.length() - 100);
    }
    IntegrityException truncated = assertThrows(IntegrityException.class, () -> verifier.verify(split.tarball()));
    assertTrue(truncated.getMessage().contains("k.tgz"), truncated.getMessage());

    Files.delete(split.files().get(split.files().size() - 1));
    IntegrityException missing = assertThrows(IntegrityException.class, () -> verifier.verify(split.tarball()));
    assertTrue(missing.getMessage().contains("truncated") || missing.getMessage().contains("k.tgz.asc"),
        missing.getMessage());
  }

  @Test
  void wrongKeyAndMissingSignatureAreRejected() throws Exception {
    GeneratedKey other = KeyGenerator.generate(KeyGenOptions.of(KeyType.ED25519));
    SignatureVerifier wrong = SignatureVerifier.fromBytes(other.publicKeyArmored().getBytes(StandardCharsets.US_ASCII),
        "other.pub.asc");
    IntegrityException e = assertThrows(IntegrityException.class,
        () -> new BundleVerifier(wrong, ArchiveLimits.defaults()).verify(bundle.tarball()));
    assertTrue(e.getMessage().contains("wrong key") && e.getMessage().contains("k.tgz.asc"), e.getMessage());

    Files.delete(bundle.signature());
    IntegrityException none = assertThrows(IntegrityException.class, () -> verifier.verify(bundle.tarball()));
    assertTrue(none.getMessage().contains("missing signature") && none.getMessage().contains("k.tgz.asc"),
        none.getMessage());
  }

  @Test
  void aFailedExtractionLeavesNothingBehind() throws Exception {
    flipByte(bundle.tarball(), Files.size(bundle.tarball()) - 12); // inside the compressed stream's tail
    assertThrows(Exception.class, () -> verifier.extract(bundle.tarball(), out.resolve("x")));
    try (Stream<Path> s = Files.list(out)) {
      assertEquals(List.of("k.tgz", "k.tgz.asc"), s.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    String h = HexFormat.of().formatHex(hay);
    String n = HexFormat.of().formatHex(needle);
    int i = h.indexOf(n);
    while (i >= 0 && i % 2 != 0) {
      i = h.indexOf(n, i + 1);
    }
    return i < 0 ? -1 : i / 2;
  }
}
