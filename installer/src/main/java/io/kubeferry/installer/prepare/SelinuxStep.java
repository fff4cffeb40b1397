package io.kubeferry.installer.prepare;

import io.kubeferry.installer.plan.Step;
import io.kubeferry.installer.plan.StepContext;
import io.kubeferry.installer.plan.StepException;
import io.kubeferry.installer.plan.StepOutcome;
import io.kubeferry.installer.ssh.CommandResult;

/** SELinux permissive now ({@code setenforce 0}) and at boot ({@code /etc/selinux/config}); nothing when absent. */
public final class SelinuxStep implements Step {
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
    CommandResult r = ctx.root("if ! command -v getenforce >/dev/null 2>&1 && [ ! -f /etc/selinux/config ]; then"
        + " echo absent; exit 0; fi; c=''; if command -v getenforce >/dev/null 2>&1 && [ \"$(getenforce)\" ="
        + " Enforcing ]; then setenforce 0; c=runtime; fi; if [ -f /etc/selinux/config ] && grep -q"
        + " '^SELINUX=enforcing' /etc/selinux/config; then sed -i 's/^SELINUX=enforcing/SELINUX=permissive/'"
        + " /etc/selinux/config; c=\"$c config\"; fi; echo \"changed:$c\"");
    String out = r.stdout().strip();
    if (out.equals("absent")) {
      return StepOutcome.noChange("SELinux not present on this host");
    }
    String c = out.replace("changed:", "").strip();
    return c.isEmpty() ? StepOutcome.noChange("already permissive") : StepOutcome.didChange("SELinux: " + c);
  }
}
