package io.kubeferry.installer.prepare;

import io.kubeferry.core.Digest;
import io.kubeferry.core.bundle.PackageRole;
import io.kubeferry.installer.host.Script;
import io.kubeferry.installer.inventory.ClusterSettings;
import io.kubeferry.installer.source.InstallSource;
import io.kubeferry.installer.plan.Step;
import io.kubeferry.installer.plan.StepContext;
import io.kubeferry.installer.plan.StepException;
import io.kubeferry.installer.plan.StepOutcome;
import io.kubeferry.installer.source.SourceRef;
import io.kubeferry.installer.ssh.CommandResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Installs exactly the bundle's pinned packages ({@code name-version-release}) from the kubeferry repository with
 * every other repository disabled, so nothing newer or foreign can slip in. Skips dnf when rpm already has them all.
 */
public final class InstallPackagesStep implements Step {
  static final Script RPM_Q = Script.named("rpm-installed");
  static final Script DNF = Script.named("dnf-install");

  private final SourceRef source;
  private final ClusterSettings.Runtime runtime;

  public InstallPackagesStep(SourceRef source, ClusterSettings.Runtime runtime) {
    this.source = source;
    this.runtime = runtime;
  }

  /** The bundle's packages for this node: the Kubernetes set, the runtime's set, the operator's extras. */
  private List<String> packages() throws StepException {
    InstallSource s = source.get();
    boolean docker = RuntimeConfigStep.resolve(runtime, s.minor()) == ClusterSettings.Runtime.DOCKER;
    try {
      return s.packages(docker ? PackageRole.RUNTIME_DOCKER : PackageRole.RUNTIME_CONTAINERD);
    } catch (IllegalArgumentException e) {
      throw new StepException("could not choose packages: " + e.getMessage());
    }
  }

  @Override
  public String id() {
    return "prepare.packages";
  }

  @Override
  public String describe() {
    return "install the bundle's pinned packages: dnf -y --disablerepo='*' --enablerepo=" + RepoFileStep.REPO_ID
        + " install <name-version-release...>";
  }

  @Override
  public String inputHash() {
    try {
      return Digest.sha256Of(String.join("\n", packages()).getBytes(StandardCharsets.UTF_8))
          .toString();
    } catch (StepException e) {
      return "unavailable";
    }
  }

  @Override
  public StepOutcome run(StepContext ctx) throws StepException {
    List<String> pkgs = packages();
    CommandResult q = ctx.run(RPM_Q.root(pkgs));
    if (q.ok()) {
      return StepOutcome.noChange("all " + pkgs.size() + " packages already installed");
    }
    List<String> args = new ArrayList<>();
    args.add(RepoFileStep.REPO_ID);
    args.addAll(pkgs);
    CommandResult r = ctx.run(DNF.root(args).withTimeout(Duration.ofMinutes(20))
        .withLabel("dnf install " + String.join(" ", pkgs)));
    if (!r.ok()) {
      throw new StepException("could not install packages on " + ctx.requireHost().name() + ": " + dnfError(r));
    }
    CommandResult again = ctx.run(RPM_Q.root(pkgs).withLabel("rpm -q (after install)"));
    if (!again.ok()) {
      throw new StepException("could not install packages on " + ctx.requireHost().name() + ": dnf succeeded but"
          + " rpm -q still reports: " + again.lastErrorLine());
    }
    return StepOutcome.didChange("installed " + String.join(", ", pkgs));
  }

  /** dnf lines that say what went wrong, most telling first; "Importing GPG key ..." is progress, not a cause. */
  private static final List<String> MARKERS = List.of("No match for argument", "Public key for", "GPG check FAILED",
      "is not signed", "signature", "Problem", "Error:", "Error");

  /**
   * The most useful dnf line: a missing package, the package whose signing key is missing, a signature failure, or
   * the last error line. Never the "Importing GPG key 0x..." progress lines.
   */
  static String dnfError(CommandResult r) {
    String out = r.stdout() + "\n" + r.stderr();
    for (String marker : MARKERS) {
      for (String line : out.split("\n")) {
        String l = line.strip();
        if (l.contains(marker) && !l.startsWith("Importing GPG key")) {
          return "dnf: " + l + hint(marker);
        }
      }
    }
    return "dnf exit status " + r.exitStatus() + ": " + r.lastErrorLine();
  }

  private static String hint(String marker) {
    return switch (marker) {
      case "No match for argument" -> " (the bundle's repository lacks this package)";
      case "Public key for" -> " (the bundle lacks the key that signed it: rebuild the bundle with --repo-key"
          + " for that repository)";
      default -> "";
    };
  }
}
