package io.kubeferry.installer.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.installer.host.FakeMachine;
import io.kubeferry.installer.host.SimulatedEl7;
import io.kubeferry.installer.plan.StepException;
import io.kubeferry.installer.source.SourceRef;
import io.kubeferry.installer.testing.Fixtures;
import io.kubeferry.installer.testing.StepRuns;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RepoFileStep} on a fake host: keys before the repo file, then one rpm --import of them all. */
class RepoFileStepFakeTest {
  @TempDir Path dir;

  @Test
  void writesKeysAndRepoFileThenImportsOnce() throws Exception {
    FakeMachine m = SimulatedEl7.host("cp1");
    RepoFileStep step = new RepoFileStep(SourceRef.of(Fixtures.source(dir)));
    assertTrue(StepRuns.runTwice(step, Fixtures.context(Fixtures.inventory(), m, dir), m).changed());
    assertEquals("bundle key\n", m.file(RepoFileStep.KEY_FILE).orElseThrow().content());
    assertTrue(m.file(RepoFileStep.REPO_FILE).orElseThrow().content().contains("\nrepo_gpgcheck=1\n"));
    assertEquals(List.of("run rpm-import"), StepRuns.ops(m).stream().filter(o -> !o.startsWith("write")).toList());
    assertEquals(List.of(RepoFileStep.KEY_FILE, RepoFileStep.KEY_FILE + "-rpm-kubernetes"),
        m.calls(c -> c.name().equals("rpm-import")).get(0).args());
  }

  @Test
  void aFailingImportFailsTheStepWithRpmsWords() throws Exception {
    FakeMachine m = SimulatedEl7.host("cp1")
        .on("rpm-import", (f, c) -> f.result(c, 1, "", "error: /etc/pki/rpm-gpg/x: import read failed(-1)."));
    StepException e = assertThrows(StepException.class, () -> new RepoFileStep(SourceRef.of(Fixtures.source(dir)))
        .run(Fixtures.context(Fixtures.inventory(), m, dir)));
    assertTrue(e.getMessage().startsWith("could not run 'rpm-import /etc/pki/rpm-gpg/RPM-GPG-KEY-kubeferry"),
        e.getMessage());
    assertTrue(e.getMessage().endsWith(" on cp1: exit status 1: error: /etc/pki/rpm-gpg/x: import read failed(-1)."),
        e.getMessage());
  }
}
