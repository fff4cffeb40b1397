package io.kubeferry.installer.prepare;

import io.kubeferry.installer.host.Script;
import io.kubeferry.installer.plan.Step;
import io.kubeferry.installer.plan.StepContext;
import io.kubeferry.installer.plan.StepException;
import io.kubeferry.installer.plan.StepOutcome;
import io.kubeferry.installer.ssh.CommandResult;

/**
 * Enables the kubelet so it starts at boot. It is not started here: without the configuration kubeadm writes it
 * would only crash-loop; kubeadm starts it during init/join.
 */
public final class KubeletStep implements Step {
  static final Script SCRIPT = Script.named("kubelet-enable");

  @Override
  public String id() {
    return "prepare.kubelet";
  }

  @Override
  public String describe() {
    return "systemctl enable kubelet (kubeadm starts it during init/join)";
  }

  @Override
  public String inputHash() {
    return "kubelet-enabled-v1";
  }

  @Override
  public StepOutcome run(StepContext ctx) throws StepException {
    CommandResult r = ctx.root(SCRIPT.root());
    return switch (r.stdout().strip()) {
      case "enabled" -> StepOutcome.noChange("kubelet already enabled");
      case "now-enabled" -> StepOutcome.didChange("kubelet enabled");
      default -> throw new StepException("could not enable the kubelet on " + ctx.requireHost().name()
          + ": kubelet.service does not exist (did the kubelet package install?)");
    };
  }
}
