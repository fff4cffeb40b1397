package io.kubeferry.cli.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.cli.Main;
import io.kubeferry.lab.yum.LabDnf;
import io.kubeferry.lab.yum.LabGpgKey;
import io.kubeferry.lab.yum.LabHttpFileServer;
import io.kubeferry.lab.yum.LabRepo;
import io.kubeferry.lab.yum.LabYumRepoBuilder;
import io.kubeferry.lab.yum.LabYumRepoSet;
import io.kubeferry.lab.yum.Processes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubeferry rpm index} end to end: signed with a key file, accepted by gpg and by dnf's repo_gpgcheck. */
class RpmIndexCommandIT {
  private static LabYumRepoSet lab;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void build() throws Exception {
    lab = LabYumRepoBuilder.buildOrReuse();
  }

  @org.junit.jupiter.api.AfterAll
  static void stopAgents() throws Exception {
    lab.key().stopAgent();
    LabGpgKey.named("other").stopAgent();
  }

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private static Path repoWith(Path dir, String... rpms) throws Exception {
    Path pk = Files.createDirectories(dir.resolve("Packages"));
    for (String r : rpms) {
      Files.copy(lab.rpm(LabRepo.BASE, r), pk.resolve(r + ".rpm"));
    }
    return dir;
  }

  @Test
  void indexesSignsAndDnfAccepts(@TempDir Path tmp) throws Exception {
    Path repo = repoWith(tmp.resolve("repo"), "socat-1.7.3.2-2.el7.x86_64", "bash-4.2.46-35.el7_9.x86_64");
    Path secret = tmp.resolve("lab-secret.asc");
    Files.writeString(secret, Processes.check(List.of("gpg", "--batch", "--armor", "--export-secret-keys",
        lab.key().fingerprint()), Map.of("GNUPGHOME", lab.key().gnupgHome().toString()), null, 60));
    Path pub = lab.dir(LabRepo.BASE).resolve("RPM-GPG-KEY");

    int code = run("rpm", "index", repo.toString(), "--sign-key", secret.toString(), "--verify-key", pub.toString());
    assertEquals(0, code, err.toString());
    assertTrue(out.toString().contains("indexed 2 RPMs"), out.toString());
    assertTrue(out.toString().contains("signed by " + lab.key().fingerprint()), out.toString());
    Processes.check(List.of("gpg", "--batch", "--verify", repo.resolve("repodata/repomd.xml.asc").toString(),
        repo.resolve("repodata/repomd.xml").toString()),
        Map.of("GNUPGHOME", lab.key().gnupgHome().toString()), null, 60);

    try (LabHttpFileServer server = LabHttpFileServer.start(repo)) {
      String repoFile = "[ours]\nname=ours\nbaseurl=" + server.baseUri() + "\nenabled=1\ngpgcheck=1\n"
          + "repo_gpgcheck=1\ngpgkey=" + server.baseUri() + "repodata/repomd.xml.key\n";
      LabDnf dnf = LabDnf.in(tmp.resolve("dnf"), repoFile);
      Processes.Outcome o = dnf.install(List.of("socat"));
      assertEquals(0, o.exitCode(), o.output());
      assertEquals(java.util.Set.of("socat-1.7.3.2-2.el7.x86_64", "bash-4.2.46-35.el7_9.x86_64"), dnf.installed());
    }
  }

  @Test
  void wrongTrustedKeyIsAnIntegrityFailure(@TempDir Path tmp) throws Exception {
    Path repo = repoWith(tmp.resolve("repo"), "socat-1.7.3.2-2.el7.x86_64");
    Path other = tmp.resolve("other.asc");
    Files.writeString(other, LabGpgKey.named("other").publicKeyArmored());
    assertEquals(3, run("rpm", "index", repo.toString(), "--verify-key", other.toString()));
    assertTrue(err.toString().startsWith("kubeferry: error: could not verify RPM"), err.toString());
    assertEquals(1, err.toString().strip().lines().count(), err.toString());
    assertFalse(Files.exists(repo.resolve("repodata")));
  }

  @Test
  void missingDirectoryIsOneLine(@TempDir Path tmp) {
    assertEquals(1, run("rpm", "index", tmp.resolve("nope").toString()));
    assertEquals("kubeferry: error: could not index RPMs: not a directory (input " + tmp.resolve("nope") + ")",
        err.toString().strip());
  }

  @Test
  void unreadableSigningKeyIsOneLine(@TempDir Path tmp) throws Exception {
    Path repo = repoWith(tmp.resolve("repo"), "socat-1.7.3.2-2.el7.x86_64");
    Path notAKey = Files.writeString(tmp.resolve("not-a-key.asc"), "hello\n");
    assertEquals(1, run("rpm", "index", repo.toString(), "--sign-key", notAKey.toString()));
    assertEquals("kubeferry: error: could not read signing key: not an OpenPGP secret key (input " + notAKey + ")",
        err.toString().strip());
    assertFalse(Files.exists(repo.resolve("repodata")));
  }
}
