package io.kubeferry.bundler.rpm.repo;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.bundler.rpm.CentosStream9Data;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reader on the real CentOS Stream 9 metadata (testdata/centos-stream9), including its broken filelists stub. */
class CentosStream9ReaderIT {
  private final RepoReader reader = new RepoReader(HttpRepoClient.defaults());

  @Test
  void realCentosStream9AppstreamFilelistsStubIsReportedClearly() throws Exception {
    Path appstream = CentosStream9Data.appstream();
    Repository r = reader.read(RepoConfig.of("aps", appstream.toString()));
    assertTrue(r.packages().size() > 15000, "appstream has ~17k non-modular packages: " + r.packages().size());
    RepoException e = assertThrows(RepoException.class,
        () -> r.filelists().ownersByChecksum(Set.of("/usr/share/dict/words")));
    assertTrue(e.getMessage().contains("checksum mismatch") && e.getMessage().contains("filelists.xml.gz (uncompressed)")
        && e.getMessage().contains("repository aps"), e.getMessage());
  }

}
