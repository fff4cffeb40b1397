package io.kubeferry.installer.prepare;

import io.kubeferry.installer.inventory.ClusterSettings.Firewalld;
import io.kubeferry.installer.inventory.Host;
import io.kubeferry.installer.plan.Step;
import io.kubeferry.installer.plan.StepContext;
import io.kubeferry.installer.plan.StepException;
import io.kubeferry.installer.plan.StepOutcome;
import io.kubeferry.installer.preflight.PreflightChecks;
import io.kubeferry.installer.ssh.CommandResult;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Handles firewalld as the inventory says: {@code disable} stops and disables it; {@code open-ports} opens the
 * host's role ports (plus NodePorts on workers) permanently; {@code leave} does nothing. Hosts without firewalld
 * need nothing.
 */
public final class FirewalldStep implements Step {
  private final Host host;
  private final Firewalld policy;

  public FirewalldStep(Host host, Firewalld policy) {
    this.host = host;
    this.policy = policy;
  }

  @Override
  public String id() {
    return "prepare.firewalld";
  }

  private Set<String> ports() {
    Set<String> p = new TreeSet<>();
    PreflightChecks.requiredPorts(host).forEach(n -> p.add(n + "/tcp"));
    if (host.has(io.kubeferry.installer.inventory.Role.WORKER)) {
      p.add("30000-32767/tcp");
    }
    return p;
  }

  @Override
  public String describe() {
    return switch (policy) {
      case DISABLE -> "firewalld stopped and disabled (inventory: firewalld: disable)";
      case OPEN_PORTS -> "firewalld: open " + String.join(" ", ports()) + " permanently";
      case LEAVE -> "firewalld left as it is (inventory: firewalld: leave)";
    };
  }

  @Override
  public String inputHash() {
    return policy + ":" + String.join(",", ports());
  }

  @Override
  public StepOutcome run(StepContext ctx) throws StepException {
    if (policy == Firewalld.LEAVE) {
      return StepOutcome.noChange("left as configured");
    }
    CommandResult present = ctx.root("systemctl list-unit-files firewalld.service >/dev/null 2>&1 &&"
        + " systemctl cat firewalld.service >/dev/null 2>&1 && echo yes || echo no");
    if (present.stdout().strip().equals("no")) {
      return StepOutcome.noChange("firewalld not installed");
    }
    if (policy == Firewalld.DISABLE) {
      CommandResult r = ctx.root("c=''; if systemctl is-active -q firewalld; then c=stopped; fi; if systemctl"
          + " is-enabled -q firewalld 2>/dev/null; then c=\"$c disabled\"; fi; systemctl disable --now firewalld"
          + " >/dev/null 2>&1; echo \"changed:$c\"");
      String c = r.stdout().strip().replace("changed:", "").strip();
      return c.isEmpty() ? StepOutcome.noChange("already off") : StepOutcome.didChange("firewalld " + c);
    }
    String add = ports().stream().map(p -> "firewall-cmd --permanent --query-port=" + p + " >/dev/null 2>&1 || {"
        + " firewall-cmd --permanent --add-port=" + p + " >/dev/null && c=1; }").collect(Collectors.joining("; "));
    CommandResult r = ctx.root("c=''; " + add + "; if [ -n \"$c\" ]; then firewall-cmd --reload >/dev/null; fi;"
        + " echo \"changed:$c\"");
    return r.stdout().strip().equals("changed:") ? StepOutcome.noChange("ports already open")
        : StepOutcome.didChange("opened " + String.join(" ", ports()));
  }
}
