package io.kubeferry.installer.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.installer.host.FakeMachine;
import io.kubeferry.installer.host.SimulatedEl7;
import io.kubeferry.installer.plan.StepException;
import io.kubeferry.installer.inventory.ClusterSettings;
import io.kubeferry.installer.source.SourceRef;
import io.kubeferry.installer.testing.Fixtures;
import io.kubeferry.installer.testing.StepRuns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link InstallPackagesStep} on a fake host: rpm -q first, dnf only for what is missing, checked afterwards. */
class InstallPackagesStepFakeTest {
  @TempDir Path dir;

  private FakeMachine preparedHost() {
    FakeMachine m = SimulatedEl7.host("cp1");
    m.put(RepoFileStep.REPO_FILE, "[kubeferry]\n", "0644");
    m.put(CopyRepoStep.MARKER, "sha256:x\n", "0644");
    m.set("rpm.key.k", "imported");
    return m;
  }

  @Test
  void installsThePinnedPackagesFromTheBundleRepoOnly() throws Exception {
    FakeMachine m = preparedHost();
    InstallPackagesStep step = new InstallPackagesStep(SourceRef.of(Fixtures.source(dir)), ClusterSettings.Runtime.AUTO);
    assertEquals(List.of("installed " + String.join(", ", Fixtures.PACKAGES)),
        StepRuns.runTwice(step, Fixtures.context(Fixtures.inventory(), m, dir), m).notes());
    assertEquals(List.of("run rpm-installed"), StepRuns.ops(m), "second run: rpm -q only");
    assertEquals("kubeadm-1.23.1-0.x86_64", m.get("rpm.kubeadm"));
  }

  @Test
  void sendsTheRepoIdAndExactVersionsAsArguments() throws Exception {
    FakeMachine m = preparedHost();
    new InstallPackagesStep(SourceRef.of(Fixtures.source(dir)), ClusterSettings.Runtime.AUTO).run(Fixtures.context(Fixtures.inventory(), m, dir));
    FakeMachine.Call dnf = m.calls(c -> c.name().equals("dnf-install")).get(0);
    List<String> expected = new ArrayList<>(List.of("kubeferry"));
    expected.addAll(Fixtures.PACKAGES);
    assertEquals(expected, dnf.args());
    assertTrue(dnf.root());
  }

  @Test
  void aDnfFailureIsSummarisedInOneLine() throws Exception {
    FakeMachine m = SimulatedEl7.host("cp1"); // no key imported
    m.put(RepoFileStep.REPO_FILE, "[kubeferry]\n", "0644");
    m.put(CopyRepoStep.MARKER, "sha256:x\n", "0644");
    StepException e = assertThrows(StepException.class, () -> new InstallPackagesStep(
        SourceRef.of(Fixtures.source(dir)), ClusterSettings.Runtime.AUTO).run(Fixtures.context(Fixtures.inventory(), m, dir)));
    assertEquals("could not install packages on cp1: dnf: Public key for kubeadm.rpm is not installed. Failing"
        + " package is: kubeadm (the bundle lacks the key that signed it: rebuild the bundle with --repo-key for"
        + " that repository)", e.getMessage());
  }

  @Test
  void dnfThatSucceedsWithoutInstallingIsCaught() throws Exception {
    FakeMachine m = preparedHost().answer("dnf-install", 0, "Nothing to do.\n");
    StepException e = assertThrows(StepException.class, () -> new InstallPackagesStep(
        SourceRef.of(Fixtures.source(dir)), ClusterSettings.Runtime.AUTO).run(Fixtures.context(Fixtures.inventory(), m, dir)));
    assertTrue(e.getMessage().startsWith("could not install packages on cp1: dnf succeeded but rpm -q still"
        + " reports: package kubeadm-1.23.1-0.x86_64 is not installed"), e.getMessage());
  }
}
