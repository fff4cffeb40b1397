package io.kubeferry.installer.prepare;

import io.kubeferry.installer.source.SourceRef;

import io.kubeferry.core.Digest;
import io.kubeferry.installer.plan.StepException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The yum repository as one uncompressed tar (RPMs do not compress further), built lazily once per run and shared by
 * every host's upload. Deterministic: sorted entries, fixed mtime, owner and modes, so the same repo always has the
 * same digest and a re-run skips hosts that already have it. Thread-safe.
 */
public final class RepoArchive {
  private final SourceRef source;
  private final Path workDir;
  private Path file;
  private Digest digest;

  public RepoArchive(SourceRef source, Path workDir) {
    this.source = source;
    this.workDir = workDir;
  }

  public synchronized Path file() throws StepException {
    build();
    return file;
  }

  public synchronized Digest digest() throws StepException {
    build();
    return digest;
  }

  private void build() throws StepException {
    if (file != null) {
      return;
    }
    Path repo = source.get().repoDir();
    try {
      Files.createDirectories(workDir);
      Path tmp = Files.createTempFile(workDir, ".repo-", ".tar");
      MessageDigest md = Digest.newSha256();
      List<Path> files;
      try (Stream<Path> s = Files.walk(repo)) {
        files = s.filter(Files::isRegularFile).sorted().toList();
      }
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), md);
          TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        for (Path f : files) {
          String name = repo.relativize(f).toString().replace('\\', '/');
          TarArchiveEntry e = new TarArchiveEntry(name);
          e.setSize(Files.size(f));
          e.setMode(0100644);
          e.setModTime(0);
          e.setIds(0, 0);
          e.setNames("root", "root");
          tar.putArchiveEntry(e);
          Files.copy(f, tar);
          tar.closeArchiveEntry();
        }
        tar.finish();
      }
      digest = Digest.sha256Hex(HexFormat.of().formatHex(md.digest()));
      Path target = workDir.resolve("repo-" + digest.hex().substring(0, 16) + ".tar");
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      file = target;
    } catch (IOException e) {
      throw new StepException("could not pack the yum repository " + repo + ": " + e.getMessage(), e);
    }
  }
}
