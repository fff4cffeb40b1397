package io.kubeferry.installer.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.installer.host.FakeMachine;
import io.kubeferry.installer.host.SimulatedEl7;
import io.kubeferry.installer.source.SourceRef;
import io.kubeferry.installer.testing.Fixtures;
import io.kubeferry.installer.testing.StepRuns;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CopyRepoStep} on a fake host: upload to the user's staging dir, unpack as root, marker last. */
class CopyRepoStepTest {
  @TempDir Path dir;

  @Test
  void uploadsUnpacksAndSkipsWhenTheMarkerMatches() throws Exception {
    FakeMachine m = SimulatedEl7.host("cp1");
    RepoArchive archive = new RepoArchive(SourceRef.of(Fixtures.source(dir)), dir.resolve("upload"));
    String digest = archive.digest().toString();
    assertTrue(StepRuns.runTwice(new CopyRepoStep(archive), Fixtures.context(Fixtures.inventory(), m, dir), m)
        .changed());
    assertEquals(List.of("run read-file"), StepRuns.ops(m), "second run: the marker only");
    assertEquals(digest + "\n", m.file(CopyRepoStep.MARKER).orElseThrow().content());
    String staged = SimulatedEl7.HOME + "/.kubeferry/staging/repo-" + archive.digest().hex().substring(0, 16)
        + ".tar";
    assertFalse(m.file(staged).isPresent(), "the staged archive is removed after unpacking");
    assertEquals("repo from upload " + digest, m.file(CopyRepoStep.REPO_DIR + "/repodata/repomd.xml")
        .orElseThrow().content());
  }

  @Test
  void theFirstRunSendsTheStagedPathTheRepoDirMarkerAndDigestAsArguments() throws Exception {
    FakeMachine m = SimulatedEl7.host("cp1");
    RepoArchive archive = new RepoArchive(SourceRef.of(Fixtures.source(dir)), dir.resolve("upload"));
    new CopyRepoStep(archive).run(Fixtures.context(Fixtures.inventory(), m, dir));
    assertEquals(List.of("run read-file", "run home directory", "upload " + SimulatedEl7.HOME
        + "/.kubeferry/staging/repo-" + archive.digest().hex().substring(0, 16) + ".tar", "run repo-unpack"),
        StepRuns.ops(m));
    assertEquals(List.of(SimulatedEl7.HOME + "/.kubeferry/staging/repo-" + archive.digest().hex().substring(0, 16)
        + ".tar", CopyRepoStep.REPO_DIR, CopyRepoStep.MARKER, archive.digest().toString()),
        m.calls(c -> c.name().equals("repo-unpack")).get(0).args());
    assertFalse(m.calls(c -> c.name().equals("home directory")).get(0).root(), "staging is the login user's");
  }
}
