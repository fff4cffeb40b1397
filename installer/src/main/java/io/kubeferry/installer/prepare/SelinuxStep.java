package io.kubeferry.installer.prepare;

import io.kubeferry.installer.host.Script;
import io.kubeferry.installer.plan.Step;
import io.kubeferry.installer.plan.StepContext;
import io.kubeferry.installer.plan.StepException;
import io.kubeferry.installer.plan.StepOutcome;
import io.kubeferry.installer.ssh.CommandResult;

/** SELinux permissive now ({@code setenforce 0}) and at boot ({@code /etc/selinux/config}); nothing when absent. */
public final class SelinuxStep implements Step {
  static final Script SCRIPT = Script.named("selinux");

  @Override
  public String id() {
    return "prepare.selinux";
  }

  @Override
  public String describe() {
    return "SELinux permissive (setenforce 0, SELINUX=permissive in /etc/selinux/config) when present";
  }

  @Override
  public String inputHash() {
    return "selinux-permissive-v1";
  }

  @Override
  public StepOutcome run(StepContext ctx) throws StepException {
    CommandResult r = ctx.root(SCRIPT.root());
    String out = r.stdout().strip();
    if (out.equals("absent")) {
      return StepOutcome.noChange("SELinux not present on this host");
    }
    String c = out.replace("changed:", "").strip();
    return c.isEmpty() ? StepOutcome.noChange("already permissive") : StepOutcome.didChange("SELinux: " + c);
  }
}
