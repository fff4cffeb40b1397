package io.kubeferry.installer.prepare;

import io.kubeferry.installer.host.Script;
import io.kubeferry.installer.plan.Step;
import io.kubeferry.installer.plan.StepContext;
import io.kubeferry.installer.plan.StepException;
import io.kubeferry.installer.plan.StepOutcome;
import io.kubeferry.installer.ssh.RemoteCommand;
import io.kubeferry.installer.ssh.UploadResult;

/**
 * Copies the bundle's yum repository to {@value #REPO_DIR}: one tar archive (built once per run, deterministic) is
 * uploaded to the SSH user's staging directory with resume and a sha256 check on the host, then unpacked by root
 * into a fresh directory that replaces the old one ({@code scripts/repo-unpack.sh}). The digest of the unpacked archive is kept beside the repo, so
 * an identical repo is not unpacked again.
 */
public final class CopyRepoStep implements Step {
  public static final String REPO_DIR = "/var/lib/kubeferry/repo";
  static final String MARKER = "/var/lib/kubeferry/repo.sha256";
  static final Script UNPACK = Script.named("repo-unpack");

  private final RepoArchive archive;

  public CopyRepoStep(RepoArchive archive) {
    this.archive = archive;
  }

  @Override
  public String id() {
    return "prepare.repo-copy";
  }

  @Override
  public String describe() {
    return "copy the bundle's yum repository to " + REPO_DIR + " (SFTP with resume, sha256 checked on the host)";
  }

  @Override
  public String inputHash() {
    try {
      return archive.digest().toString();
    } catch (StepException e) {
      return "unavailable";
    }
  }

  @Override
  public StepOutcome run(StepContext ctx) throws StepException {
    String digest = archive.digest().toString();
    if (ctx.read(MARKER).orElse("").strip().equals(digest)) {
      return StepOutcome.noChange("repository already in place");
    }
    String home = ctx.check(RemoteCommand.user("printf '%s' \"$HOME\"").withLabel("home directory")).stdout()
        .strip();
    String staged = home + "/.kubeferry/staging/repo-" + archive.digest().hex().substring(0, 16) + ".tar";
    UploadResult up = ctx.upload(archive.file(), archive.digest(), staged);
    ctx.root(UNPACK.root(staged, REPO_DIR, MARKER, digest));
    return StepOutcome.didChange("uploaded " + up.size() / 1024 + " KiB"
        + (up.resumedFrom() > 0 ? " (resumed at " + up.resumedFrom() + ")" : "") + ", sha256 verified on host");
  }
}
