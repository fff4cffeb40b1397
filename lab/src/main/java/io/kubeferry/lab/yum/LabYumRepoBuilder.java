package io.kubeferry.lab.yum;

import io.kubeferry.core.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the three lab yum repositories on disk: RPMs from {@code packages.yaml} built and signed, laid out like
 * upstream, {@code repodata/} by real {@code createrepo_c}, {@code repomd.xml.asc} by real gpg, the public key at
 * {@code repodata/repomd.xml.key} and {@code RPM-GPG-KEY}. The result is cached under the lab cache, keyed by a hash
 * of the definitions, the builder version and the key fingerprint; it is built in a temp dir and renamed.
 */
public final class LabYumRepoBuilder {
  /** Bump when the build recipe changes so caches rebuild. */
  static final String RECIPE_VERSION = "3"; // 3: valid test-double systemd units
  /** Revision and timestamp createrepo_c writes into repomd.xml. */
  static final String REVISION = Long.toString(RpmFixtureBuilder.SOURCE_DATE_EPOCH);

  private LabYumRepoBuilder() {}

  /** The built repositories (cached; builds on first use). Thread-safe. */
  public static LabYumRepoSet buildOrReuse() throws IOException {
    LabGpgKey key = LabGpgKey.lab();
    byte[] defs = LabPackageCatalog.rawDefinitions();
    String hash = Digest.sha256Of((RECIPE_VERSION + "\n" + key.fingerprint() + "\n"
        + new String(defs, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)).hex().substring(0, 16);
    Path root = LabCache.root().resolve("yum-" + hash);
    return LabCache.locked(() -> {
      if (!Files.isDirectory(root)) {
        Path tmp = Files.createTempDirectory(LabCache.root(), "yum-" + hash + ".tmp");
        try {
          build(LabPackageCatalog.load(), key, tmp);
          Files.move(tmp, root, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          LabFiles.deleteTree(tmp);
          key.stopAgent();
        }
      }
      return new LabYumRepoSet(root, key);
    });
  }

  /** Builds all repos for {@code packages} under {@code root}/{@code <repo id>}. */
  static void build(List<LabPackage> packages, LabGpgKey key, Path root) throws IOException {
    Path rpms = root.resolve(".rpms");
    List<Path> built = RpmFixtureBuilder.build(packages, rpms, key);
    String publicKey = key.publicKeyArmored();
    for (LabRepo repo : LabRepo.values()) {
      Path dir = root.resolve(repo.id());
      Path pkgDir = dir.resolve("Packages");
      Files.createDirectories(pkgDir);
      for (int i = 0; i < packages.size(); i++) {
        if (packages.get(i).repo().equals(repo.id())) {
          Path rpm = built.get(i);
          String name = repo.sha256Prefixed()
              ? Digest.sha256Of(Files.readAllBytes(rpm)).hex() + "-" + rpm.getFileName()
              : rpm.getFileName().toString();
          Files.copy(rpm, pkgDir.resolve(name));
        }
      }
      createrepo(dir);
      signRepo(dir, key, publicKey);
    }
    LabFiles.deleteTree(rpms);
  }

  /** Runs real createrepo_c over {@code dir} with reproducible settings (gzip metadata as on EL7 mirrors). */
  public static void createrepo(Path dir) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("createrepo_c", "--quiet", "--no-database",
        "--general-compress-type", "gz", "--revision", REVISION, "--set-timestamp-to-revision", dir.toString()));
    Processes.check(cmd, Map.of(), null, 600);
  }

  /** Writes {@code repomd.xml.asc}, {@code repomd.xml.key} and {@code RPM-GPG-KEY} for a createrepo'd dir. */
  public static void signRepo(Path dir, LabGpgKey key, String publicKeyArmored) throws IOException {
    Path repomd = dir.resolve("repodata/repomd.xml");
    Files.write(dir.resolve("repodata/repomd.xml.asc"), key.detachSignArmored(Files.readAllBytes(repomd)));
    Files.writeString(dir.resolve("repodata/repomd.xml.key"), publicKeyArmored);
    Files.writeString(dir.resolve("RPM-GPG-KEY"), publicKeyArmored);
  }
}
