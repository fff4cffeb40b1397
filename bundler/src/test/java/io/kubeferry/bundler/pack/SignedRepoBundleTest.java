package io.kubeferry.bundler.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.bundler.rpm.repo.RepodataOptions;
import io.kubeferry.bundler.rpm.repo.RepodataWriter;
import io.kubeferry.core.Nevra;
import io.kubeferry.core.bundle.ArchiveLimits;
import io.kubeferry.core.bundle.BundleVerifier;
import io.kubeferry.core.bundle.VerificationResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The yum part as it will run in {@code bundle build}: kubeferry's RepodataWriter indexes the RPMs and signs
 * repomd.xml with the bundle's {@link io.kubeferry.core.sign.Signer} (as its RepomdSigner); the bundle carries the
 * repo; after unpacking, dnf with repo_gpgcheck=1 accepts it.
 */
class SignedRepoBundleTest {
  @TempDir Path dir;

  @Test
  void aRepoSignedWithTheBundleKeyPassesDnfRepoGpgcheckAfterUnpacking() throws Exception {
    TestContent c = TestContent.get();
    Path repo = Fixtures.rpms(dir);
    RepodataWriter.write(RepodataOptions.of(repo).withSigner(c.signer::signArmored, c.signer.publicKeyArmored()));

    BuildOptions o = c.options(dir.resolve("out/k.tgz"), PackOptions.defaults());
    BuildResult r = new BundleBuilder().build(new BuildOptions(o.kubernetesVersion(), o.osProfiles(), o.arches(),
        null, () -> repo, null, o.installer(), null, o.signer(), o.output(), o.pack(), null));
    assertEquals(List.of(Nevra.parse("kf-test-a-1.0-1.noarch"), Nevra.parse("kf-test-b-2:1.0-1.noarch")),
        r.manifest().rpms().stream().map(x -> x.nevra()).toList());

    Path unpacked = dir.resolve("unpacked");
    VerificationResult v = new BundleVerifier(c.trusted, ArchiveLimits.defaults()).extract(r.tarball(), unpacked);
    assertTrue(v.manifest().filesByPath().containsKey("repo/repodata/repomd.xml.asc"));
    Path u = unpacked.resolve("repo");
    String dnf = Fixtures.run(dir, "dnf", "-q", "-y", "--repofrompath=kf,file://" + u, "--repo=kf",
        "--setopt=kf.gpgcheck=0", "--setopt=kf.repo_gpgcheck=1",
        "--setopt=kf.gpgkey=file://" + u.resolve("repodata/repomd.xml.key"),
        "--installroot=" + dir.resolve("root"), "--releasever=7", "--setopt=cachedir=" + dir.resolve("cache"),
        "repoquery", "--available");
    // dnf imports the key from repomd.xml.key (it prints that), then checks repomd.xml.asc before reading.
    assertTrue(dnf.contains("Importing GPG key 0x" + c.signer.fingerprint().hex().substring(32)), dnf);
    assertEquals(List.of("kf-test-a-0:1.0-1.noarch", "kf-test-b-2:1.0-1.noarch"),
        dnf.lines().filter(l -> l.startsWith("kf-test-")).sorted().toList());
  }
}
