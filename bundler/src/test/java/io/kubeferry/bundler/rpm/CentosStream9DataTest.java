package io.kubeferry.bundler.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The checked-in CentOS Stream 9 metadata is still byte-identical to the upstream files its README names. */
class CentosStream9DataTest {
  /** Ours, not upstream's: not in the list. */
  private static final Set<String> OWN_FILES = Set.of("README.md", "SHA256SUMS");

  @Test
  void everyFileMatchesItsListedSha256AndNothingIsUnlisted() throws Exception {
    Path dir = CentosStream9Data.dir();
    Map<String, String> listed = new TreeMap<>();
    for (String line : Files.readAllLines(dir.resolve("SHA256SUMS"))) {
      String[] parts = line.split(" {2}", 2); // sha256sum format: "<hex>  <path>"
      assertEquals(2, parts.length, "not a sha256sum line in SHA256SUMS: " + line);
      listed.put(parts[1], parts[0]);
    }
    Set<String> present = new TreeSet<>();
    try (Stream<Path> files = Files.walk(dir)) {
      files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString().replace('\\', '/'))
          .filter(f -> !OWN_FILES.contains(f)).forEach(present::add);
    }
    assertEquals(listed.keySet(), present, "files in " + dir + " differ from those SHA256SUMS lists");
    Map<String, String> actual = new TreeMap<>();
    for (String f : present) {
      actual.put(f, sha256(dir.resolve(f)));
    }
    assertEquals(listed, actual, "a file differs from its upstream copy (see " + dir.resolve("README.md") + ")");
  }

  @Test
  void repositoryFilesAreNamedAfterTheirOwnSha256() throws Exception {
    // createrepo names every repodata file after its checksum: a second, independent check of the copy.
    Path dir = CentosStream9Data.dir();
    for (Path repo : new Path[] {CentosStream9Data.baseos(), CentosStream9Data.appstream()}) {
      try (Stream<Path> files = Files.list(repo.resolve("repodata"))) {
        for (Path f : files.filter(f -> !f.getFileName().toString().equals("repomd.xml")).toList()) {
          String name = f.getFileName().toString();
          assertTrue(name.startsWith(sha256(f) + "-"), dir.relativize(f) + " does not start with its sha256");
        }
      }
    }
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
