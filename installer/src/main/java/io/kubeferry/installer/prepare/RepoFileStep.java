package io.kubeferry.installer.prepare;

import io.kubeferry.installer.source.SourceRef;

import io.kubeferry.core.Digest;
import io.kubeferry.installer.plan.Step;
import io.kubeferry.installer.plan.StepContext;
import io.kubeferry.installer.plan.StepException;
import io.kubeferry.installer.plan.StepOutcome;
import io.kubeferry.installer.ssh.CommandResult;
import io.kubeferry.installer.ssh.RemoteCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * Writes {@value #REPO_FILE} pointing at the copied repository with package and metadata signature checks on
 * ({@code gpgcheck=1}, {@code repo_gpgcheck=1}), installs the bundle's public key and imports it into rpm.
 */
public final class RepoFileStep implements Step {
  public static final String REPO_FILE = "/etc/yum.repos.d/kubeferry.repo";
  public static final String KEY_FILE = "/etc/pki/rpm-gpg/RPM-GPG-KEY-kubeferry";
  public static final String REPO_ID = "kubeferry";

  private final SourceRef source;

  public RepoFileStep(SourceRef source) {
    this.source = source;
  }

  @Override
  public String id() {
    return "prepare.repo-file";
  }

  @Override
  public String describe() {
    return "write " + REPO_FILE + " (gpgcheck=1, repo_gpgcheck=1) and import the bundle key with rpm --import";
  }

  static String repoFile(String k8sVersion) {
    return "# Written by kubeferry: the bundle's packages, signature-checked. Other repositories stay untouched.\n"
        + "[" + REPO_ID + "]\n"
        + "name=kubeferry bundle (Kubernetes " + k8sVersion + ")\n"
        + "baseurl=file://" + CopyRepoStep.REPO_DIR + "\n"
        + "enabled=1\n"
        + "gpgcheck=1\n"
        + "repo_gpgcheck=1\n"
        + "gpgkey=file://" + KEY_FILE + "\n"
        + "skip_if_unavailable=0\n";
  }

  private String key() throws StepException {
    try {
      return Files.readString(source.get().gpgKey(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new StepException("could not read the bundle key " + e.getMessage(), e);
    }
  }

  @Override
  public String inputHash() {
    try {
      return Digest.sha256Of((repoFile(source.get().kubernetesVersion()) + key()).getBytes(StandardCharsets.UTF_8))
          .toString();
    } catch (StepException e) {
      return "unavailable";
    }
  }

  @Override
  public StepOutcome run(StepContext ctx) throws StepException {
    boolean changed = RemoteFiles.ensure(ctx, KEY_FILE, key(), "0644");
    changed |= RemoteFiles.ensure(ctx, REPO_FILE, repoFile(source.get().kubernetesVersion()), "0644");
    // rpm --import of a key already in the rpm database is a no-op; count keys to report honestly.
    CommandResult r = ctx.root("before=$(rpm -q gpg-pubkey 2>/dev/null | grep -c ^gpg-pubkey); rpm --import "
        + KEY_FILE + "; after=$(rpm -q gpg-pubkey 2>/dev/null | grep -c ^gpg-pubkey); echo \"$before $after\"");
    String[] counts = r.stdout().strip().split(" ");
    boolean imported = counts.length == 2 && !counts[0].equals(counts[1]);
    return changed || imported ? StepOutcome.didChange(imported ? "key imported into rpm" : "repo file written")
        : StepOutcome.noChange();
  }
}
