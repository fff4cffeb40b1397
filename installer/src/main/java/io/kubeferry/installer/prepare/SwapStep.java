package io.kubeferry.installer.prepare;

import io.kubeferry.installer.plan.Step;
import io.kubeferry.installer.plan.StepContext;
import io.kubeferry.installer.plan.StepException;
import io.kubeferry.installer.plan.StepOutcome;
import io.kubeferry.installer.ssh.CommandResult;

/** Turns swap off now and comments swap entries out of {@code /etc/fstab} (a backup is kept) so it stays off. */
public final class SwapStep implements Step {
  @Override
  public String id() {
    return "prepare.swap";
  }

  @Override
  public String describe() {
    return "swap off now (swapoff -a) and for good (swap lines in /etc/fstab commented out)";
  }

  @Override
  public String inputHash() {
    return "swap-v1";
  }

  @Override
  public StepOutcome run(StepContext ctx) throws StepException {
    CommandResult r = ctx.root("changed=''; if [ \"$(awk 'NR>1' /proc/swaps | wc -l)\" -gt 0 ]; then swapoff -a;"
        + " changed=swapoff; fi; if [ -f /etc/fstab ] && grep -Eq '^[^#].*[[:space:]]swap[[:space:]]' /etc/fstab;"
        + " then cp -p /etc/fstab /etc/fstab.kubeferry-bak; sed -i -E 's/^([^#].*[[:space:]]swap[[:space:]].*)$/#"
        + " \\1/' /etc/fstab; changed=\"$changed fstab\"; fi; echo \"changed:$changed\"");
    String changed = r.stdout().strip().replace("changed:", "").strip();
    return changed.isEmpty() ? StepOutcome.noChange("no swap") : StepOutcome.didChange("swap: " + changed);
  }
}
