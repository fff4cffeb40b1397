package io.kubeferry.installer.prepare;

import io.kubeferry.core.Digest;
import io.kubeferry.installer.host.Script;
import io.kubeferry.installer.plan.Step;
import io.kubeferry.installer.plan.StepContext;
import io.kubeferry.installer.plan.StepException;
import io.kubeferry.installer.plan.StepOutcome;
import io.kubeferry.installer.source.InstallSource;
import io.kubeferry.installer.source.SourceRef;
import io.kubeferry.installer.ssh.CommandResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@value #REPO_FILE} pointing at the copied repository with package and metadata signature checks on
 * ({@code gpgcheck=1}, {@code repo_gpgcheck=1}). Every key goes to the host and into {@code gpgkey=}, and is
 * imported with {@code rpm --import}: the bundle key (it signs the bundle's repomd.xml) and each upstream RPM
 * signing key the bundle carries (the packages keep their upstream signatures).
 */
public final class RepoFileStep implements Step {
  public static final String REPO_FILE = "/etc/yum.repos.d/kubeferry.repo";
  public static final String KEY_FILE = "/etc/pki/rpm-gpg/RPM-GPG-KEY-kubeferry";
  public static final String REPO_ID = "kubeferry";
  static final Script IMPORT = Script.named("rpm-import");

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
    return "write " + REPO_FILE + " (gpgcheck=1, repo_gpgcheck=1) and import the bundle key and the RPM signing"
        + " keys with rpm --import";
  }

  /** Where the RPM signing key of source repository {@code repoId} goes on the host. */
  static String rpmKeyFile(String repoId) {
    return KEY_FILE + "-rpm-" + repoId;
  }

  /** Host path → key file in the bundle: the bundle key first, then the RPM keys by repository id. */
  static Map<String, Path> keyFiles(InstallSource s) {
    Map<String, Path> keys = new LinkedHashMap<>();
    keys.put(KEY_FILE, s.gpgKey());
    s.rpmKeys().forEach((id, file) -> keys.put(rpmKeyFile(id), file));
    return keys;
  }

  static String repoFile(String k8sVersion, Iterable<String> keyPaths) {
    StringBuilder gpgkey = new StringBuilder();
    for (String k : keyPaths) {
      gpgkey.append(gpgkey.length() == 0 ? "" : " ").append("file://").append(k);
    }
    return "# Written by kubeferry: the bundle's packages, signature-checked. Other repositories stay untouched.\n"
        + "[" + REPO_ID + "]\n"
        + "name=kubeferry bundle (Kubernetes " + k8sVersion + ")\n"
        + "baseurl=file://" + CopyRepoStep.REPO_DIR + "\n"
        + "enabled=1\n"
        + "gpgcheck=1\n"
        + "repo_gpgcheck=1\n"
        + "gpgkey=" + gpgkey + "\n"
        + "skip_if_unavailable=0\n";
  }

  /** Host path → armored key text. */
  private Map<String, String> keys() throws StepException {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, Path> k : keyFiles(source.get()).entrySet()) {
      try {
        out.put(k.getKey(), Files.readString(k.getValue(), StandardCharsets.US_ASCII));
      } catch (IOException e) {
        throw new StepException("could not read key " + k.getValue() + " for " + k.getKey() + ": " + e.getMessage(),
            e);
      }
    }
    return out;
  }

  @Override
  public String inputHash() {
    try {
      Map<String, String> keys = keys();
      StringBuilder all = new StringBuilder(repoFile(source.get().kubernetesVersion(), keys.keySet()));
      keys.forEach((path, text) -> all.append('\0').append(path).append('\0').append(text));
      return Digest.sha256Of(all.toString().getBytes(StandardCharsets.UTF_8)).toString();
    } catch (StepException e) {
      return "unavailable";
    }
  }

  @Override
  public StepOutcome run(StepContext ctx) throws StepException {
    Map<String, String> keys = keys();
    boolean changed = false;
    for (Map.Entry<String, String> k : keys.entrySet()) {
      changed |= ctx.write(k.getValue(), k.getKey(), "0644");
    }
    changed |= ctx.write(repoFile(source.get().kubernetesVersion(), keys.keySet()), REPO_FILE, "0644");
    CommandResult r = ctx.root(IMPORT.root(List.copyOf(keys.keySet())));
    String[] counts = r.stdout().strip().split(" ");
    boolean imported = counts.length == 2 && !counts[0].equals(counts[1]);
    return changed || imported
        ? StepOutcome.didChange((imported ? "keys imported into rpm" : "repo file written") + " (" + keys.size()
            + " key files: the bundle key + " + (keys.size() - 1) + " RPM signing)")
        : StepOutcome.noChange();
  }
}
