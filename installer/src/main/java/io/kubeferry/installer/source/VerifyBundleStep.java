package io.kubeferry.installer.source;

import io.kubeferry.installer.plan.AlwaysRunStep;
import io.kubeferry.installer.plan.StepContext;
import io.kubeferry.installer.plan.StepException;
import io.kubeferry.installer.plan.StepOutcome;
import java.nio.file.Path;

/**
 * The first step of every install: verify the bundle against the trusted key and extract it, before any host is
 * touched. Publishes the verified {@link InstallSource} to the later steps through the {@link SourceRef}.
 */
public final class VerifyBundleStep implements AlwaysRunStep {
  private final Path tarball;
  private final Path key;
  private final Path workDir;
  private final SourceRef ref;

  public VerifyBundleStep(Path tarball, Path key, Path workDir, SourceRef ref) {
    this.tarball = tarball;
    this.key = key;
    this.workDir = workDir;
    this.ref = ref;
  }

  @Override
  public String id() {
    return "verify.bundle";
  }

  @Override
  public String describe() {
    return "verify " + tarball + " against " + key + " (signatures, every file's sha256, every image its manifests"
        + " name) and extract it";
  }

  @Override
  public StepOutcome run(StepContext ctx) throws StepException {
    try {
      BundleSource.Opened o = BundleSource.open(tarball, key, workDir);
      ref.set(o.source());
      return StepOutcome.noChange("verification passed: " + o.verification().files() + " files, signed by "
          + o.verification().manifestSignature().signer() + "; Kubernetes " + o.source().kubernetesVersion() + " for "
          + o.source().osProfile() + "/" + o.source().arch());
    } catch (BundleException e) {
      // A bad signature or digest is an integrity failure (exit 3); an unreadable or unusable bundle is not.
      throw new StepException(e.integrity() ? StepException.Kind.INTEGRITY : StepException.Kind.HOST,
          e.getMessage(), e);
    }
  }
}
