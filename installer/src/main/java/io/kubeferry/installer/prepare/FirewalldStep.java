package io.kubeferry.installer.prepare;

import io.kubeferry.installer.inventory.ClusterSettings.Firewalld;
import io.kubeferry.installer.host.Script;
import io.kubeferry.installer.inventory.Host;
import io.kubeferry.installer.plan.Step;
import io.kubeferry.installer.plan.StepContext;
import io.kubeferry.installer.plan.StepException;
import io.kubeferry.installer.plan.StepOutcome;
import io.kubeferry.installer.preflight.PreflightChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Handles firewalld as the inventory says: {@code disable} stops and disables it; {@code open-ports} opens the
 * host's role ports (plus NodePorts on workers) permanently; {@code leave} does nothing. Hosts without firewalld
 * need nothing. One command: {@code scripts/firewalld.sh}.
 */
public final class FirewalldStep implements Step {
  static final Script SCRIPT = Script.named("firewalld");

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
    List<String> args = new ArrayList<>();
    args.add(policy == Firewalld.DISABLE ? "disable" : "open-ports");
    if (policy == Firewalld.OPEN_PORTS) {
      args.addAll(ports());
    }
    String out = ctx.root(SCRIPT.root(args)).stdout().strip();
    if (out.equals("absent")) {
      return StepOutcome.noChange("firewalld not installed");
    }
    String c = out.replace("changed:", "").strip();
    if (policy == Firewalld.DISABLE) {
      return c.isEmpty() ? StepOutcome.noChange("already off") : StepOutcome.didChange("firewalld " + c);
    }
    return c.isEmpty() ? StepOutcome.noChange("ports already open") : StepOutcome.didChange("opened " + c);
  }
}
