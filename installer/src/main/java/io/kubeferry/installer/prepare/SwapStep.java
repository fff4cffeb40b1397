package io.kubeferry.installer.prepare;

import io.kubeferry.installer.host.Script;
import io.kubeferry.installer.plan.Step;
import io.kubeferry.installer.plan.StepContext;
import io.kubeferry.installer.plan.StepException;
import io.kubeferry.installer.plan.StepOutcome;
import io.kubeferry.installer.ssh.CommandResult;
import java.util.ArrayList;
import java.util.List;

/** Turns swap off now and comments swap entries out of {@code /etc/fstab} (a backup is kept) so it stays off. */
public final class SwapStep implements Step {
  static final Script SCRIPT = Script.named("swap");

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
    CommandResult r = ctx.root(SCRIPT.root());
    String changed = r.stdout().strip().replace("changed:", "").strip();
    boolean refused = changed.contains("swapoff-failed");
    String done = changed.replace("swapoff-failed", "").strip();
    List<String> notes = new ArrayList<>();
    if (!done.isEmpty()) {
      notes.add("swap: " + done);
    }
    if (refused) {
      notes.add("swapoff -a was refused (a container cannot switch the host's swap off); swap stays on until the"
          + " host boots without it");
    }
    return notes.isEmpty() ? StepOutcome.noChange("no swap") : new StepOutcome(!done.isEmpty(), notes);
  }
}
