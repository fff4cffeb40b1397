package io.kubeferry.bundler.rpm.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.bundler.rpm.RpmKeyring;
import io.kubeferry.lab.yum.LabDnf;
import io.kubeferry.lab.yum.LabHttpFileServer;
import io.kubeferry.lab.yum.LabRepo;
import io.kubeferry.lab.yum.LabYumRepos;
import io.kubeferry.lab.yum.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real dnf, gpgcheck and repo_gpgcheck on, installs the pinned set from a repo only kubeferry indexed. */
class RepodataWriterIT {
  private static final List<String> PINNED = List.of(
      "kubernetes:kubeadm-1.23.1-0.x86_64", "kubernetes:kubelet-1.23.1-0.x86_64",
      "kubernetes:kubectl-1.23.1-0.x86_64", "kubernetes:kubernetes-cni-0.8.7-0.x86_64",
      "kubernetes:cri-tools-1.19.0-0.x86_64", "docker-ce:docker-ce-20.10.12-3.el7.x86_64",
      "docker-ce:docker-ce-cli-20.10.12-3.el7.x86_64", "docker-ce:containerd.io-1.4.12-3.1.el7.x86_64",
      "docker-ce:docker-ce-rootless-extras-20.10.12-3.el7.x86_64",
      "docker-ce:docker-scan-plugin-0.12.0-3.el7.x86_64");

  private static String section(String id, java.net.URI url, String key) {
    return "[" + id + "]\nname=" + id + "\nbaseurl=" + url + "\nenabled=1\ngpgcheck=1\nrepo_gpgcheck=1\n"
        + "gpgkey=" + key + "\n\n";
  }

  @Test
  void dnfInstallsPinnedPackagesFromOurSignedRepo(@TempDir Path tmp) throws Exception {
    try (LabYumRepos lab = LabYumRepos.start()) {
      Path repo = Files.createDirectories(tmp.resolve("bundle-repo/Packages"));
      for (String p : PINNED) {
        String[] rp = p.split(":");
        Path rpm = lab.repos().rpm(LabRepo.of(rp[0]), rp[1]);
        Files.copy(rpm, repo.resolve(rp[1] + ".rpm"));
      }
      Path root = repo.getParent();
      String publicKey = lab.gpgKey().publicKeyArmored();
      RepodataResult r = RepodataWriter.write(RepodataOptions.of(root)
          .withVerification(RpmKeyring.parse(publicKey, "lab key"))
          .withSigner(lab.gpgKey()::detachSignArmored, publicKey));
      assertEquals(PINNED.size(), r.packages().size());
      assertTrue(r.signed());
      // the signature is one gpg itself accepts
      Processes.check(List.of("gpg", "--batch", "--verify", root.resolve("repodata/repomd.xml.asc").toString(),
          root.resolve("repodata/repomd.xml").toString()), java.util.Map.of("GNUPGHOME",
          lab.gnupgHome().toString()), null, 60);

      try (LabHttpFileServer ours = LabHttpFileServer.start(root)) {
        String repoFile = section("kubeferry-bundle", ours.baseUri(), ours.baseUri() + "repodata/repomd.xml.key")
            + section("lab-base", lab.baseUrl(), lab.baseUrl() + "RPM-GPG-KEY");
        LabDnf dnf = LabDnf.in(tmp.resolve("dnf"), repoFile);
        Processes.Outcome o = dnf.install(List.of("kubeadm-1.23.1-0", "kubelet-1.23.1-0", "kubectl-1.23.1-0",
            "kubernetes-cni-0.8.7-0", "cri-tools-1.19.0-0", "docker-ce-3:20.10.12-3.el7"));
        assertEquals(0, o.exitCode(), o.output());
        Set<String> installed = dnf.installed();
        for (String p : List.of("kubeadm-1.23.1-0.x86_64", "kubelet-1.23.1-0.x86_64", "kubectl-1.23.1-0.x86_64",
            "docker-ce-3:20.10.12-3.el7.x86_64", "docker-ce-cli-1:20.10.12-3.el7.x86_64",
            "containerd.io-1.4.12-3.1.el7.x86_64", "conntrack-tools-1.4.4-7.el7.x86_64",
            "container-selinux-2:2.119.2-1.911c772.el7_8.noarch")) {
          assertTrue(installed.contains(p), p + " not in " + installed);
        }
        assertTrue(ours.requestCount("/repodata/repomd.xml.asc") >= 1, "repo_gpgcheck fetched our signature");
      }
    }
  }

  @Test
  void dnfRejectsOurRepoWhenRepomdIsTamperedAfterSigning(@TempDir Path tmp) throws Exception {
    try (LabYumRepos lab = LabYumRepos.start()) {
      Path repo = Files.createDirectories(tmp.resolve("bundle-repo/Packages"));
      Files.copy(lab.repos().rpm(LabRepo.BASE, "socat-1.7.3.2-2.el7.x86_64"), repo.resolve("socat.rpm"));
      Path root = repo.getParent();
      String publicKey = lab.gpgKey().publicKeyArmored();
      RepodataWriter.write(RepodataOptions.of(root).withSigner(lab.gpgKey()::detachSignArmored, publicKey));
      Path repomd = root.resolve("repodata/repomd.xml");
      Files.writeString(repomd, Files.readString(repomd).replace("<revision>", "<revision>1"));
      try (LabHttpFileServer ours = LabHttpFileServer.start(root)) {
        LabDnf dnf = LabDnf.in(tmp.resolve("dnf"),
            section("kubeferry-bundle", ours.baseUri(), ours.baseUri() + "repodata/repomd.xml.key"));
        Processes.Outcome o = dnf.install(List.of("socat"));
        assertNotEquals(0, o.exitCode(), o.output());
        assertTrue(dnf.installed().isEmpty());
      }
    }
  }
}
