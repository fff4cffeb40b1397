package io.kubeferry.installer.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.installer.source.InstallSource;
import io.kubeferry.installer.source.SourceRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoFileStepTest {
  @TempDir Path dir;

  private InstallSource source(String dockerKey) throws Exception {
    Path bundleKey = Files.writeString(dir.resolve("bundle.asc"), "bundle key\n");
    Path k8s = Files.writeString(dir.resolve("kubernetes.asc"), "kubernetes key\n");
    Path docker = Files.writeString(dir.resolve("docker-ce.asc"), dockerKey);
    return io.kubeferry.installer.source.TestSources.el7(dir, bundleKey, Map.of("kubernetes", k8s, "docker-ce",
        docker));
  }

  @Test
  void repoFileListsTheBundleKeyAndEveryRpmSigningKey() throws Exception {
    Map<String, Path> keys = RepoFileStep.keyFiles(source("docker key\n"));
    assertEquals(List.of(RepoFileStep.KEY_FILE, RepoFileStep.KEY_FILE + "-rpm-docker-ce",
        RepoFileStep.KEY_FILE + "-rpm-kubernetes"), List.copyOf(keys.keySet()));
    String repo = RepoFileStep.repoFile("1.23.1", keys.keySet());
    assertTrue(repo.contains("\ngpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-kubeferry"
        + " file:///etc/pki/rpm-gpg/RPM-GPG-KEY-kubeferry-rpm-docker-ce"
        + " file:///etc/pki/rpm-gpg/RPM-GPG-KEY-kubeferry-rpm-kubernetes\n"), repo);
    assertTrue(repo.contains("\ngpgcheck=1\n") && repo.contains("\nrepo_gpgcheck=1\n"), repo);
  }

  @Test
  void checkpointInputCoversTheKeySet() throws Exception {
    InstallSource a = source("docker key\n");
    String first = new RepoFileStep(SourceRef.of(a)).inputHash();
    assertEquals(first, new RepoFileStep(SourceRef.of(a)).inputHash());
    InstallSource b = source("another docker key\n");
    assertNotEquals(first, new RepoFileStep(SourceRef.of(b)).inputHash());
  }
}
