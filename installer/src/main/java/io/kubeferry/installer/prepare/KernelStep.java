package io.kubeferry.installer.prepare;

import io.kubeferry.installer.host.Script;
import io.kubeferry.installer.plan.Step;
import io.kubeferry.installer.plan.StepContext;
import io.kubeferry.installer.plan.StepException;
import io.kubeferry.installer.plan.StepOutcome;
import io.kubeferry.installer.ssh.CommandResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Persists the kernel modules ({@code overlay}, {@code br_netfilter} in {@value #MODULES_FILE}) and sysctls
 * ({@value #SYSCTL_FILE}) Kubernetes needs, then applies them now ({@code scripts/kernel.sh}). Where the kernel
 * cannot be changed from this host (a container without module loading, a read-only {@code /proc/sys}) the files
 * are still written and the step says plainly what was not possible instead of pretending.
 */
public final class KernelStep implements Step {
  static final String MODULES_FILE = "/etc/modules-load.d/k8s.conf";
  static final String SYSCTL_FILE = "/etc/sysctl.d/k8s.conf";
  static final List<String> MODULES = List.of("overlay", "br_netfilter");
  static final Map<String, String> SYSCTLS = new LinkedHashMap<>();
  static final Script SCRIPT = Script.named("kernel");

  static {
    SYSCTLS.put("net.bridge.bridge-nf-call-iptables", "1");
    SYSCTLS.put("net.bridge.bridge-nf-call-ip6tables", "1");
    SYSCTLS.put("net.ipv4.ip_forward", "1");
  }

  @Override
  public String id() {
    return "prepare.kernel";
  }

  @Override
  public String describe() {
    return "load overlay and br_netfilter and persist them in " + MODULES_FILE + "; set bridge-nf-call and"
        + " ip_forward sysctls in " + SYSCTL_FILE;
  }

  @Override
  public String inputHash() {
    return io.kubeferry.core.Digest.sha256Of((modules() + sysctls()).getBytes(StandardCharsets.UTF_8)).toString();
  }

  static String modules() {
    return String.join("\n", MODULES) + "\n";
  }

  static String sysctls() {
    StringBuilder sb = new StringBuilder();
    SYSCTLS.forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
    return sb.toString();
  }

  /** The script's arguments: the modules, {@code --}, then {@code key=value} per sysctl. */
  static List<String> arguments() {
    List<String> args = new ArrayList<>(MODULES);
    args.add("--");
    SYSCTLS.forEach((k, v) -> args.add(k + "=" + v));
    return args;
  }

  @Override
  public StepOutcome run(StepContext ctx) throws StepException {
    boolean changed = ctx.write(modules(), MODULES_FILE, "0644");
    changed |= ctx.write(sysctls(), SYSCTL_FILE, "0644");
    CommandResult r = ctx.root(SCRIPT.root(arguments()));
    List<String> notes = new ArrayList<>();
    for (String line : r.stdout().split("\n")) {
      String[] f = line.strip().split(" ", 4); // module|sysctl, name, state, reason
      if (f.length < 3) {
        continue;
      }
      String state = f[2];
      if (state.equals("now-loaded") || state.equals("set")) {
        changed = true;
      } else if (f[0].equals("module") && state.equals("failed")) {
        notes.add("module " + f[1] + ": loading not possible in this environment (" + (f.length == 4
            ? f[3] : "modprobe failed") + "); it loads at boot from " + MODULES_FILE);
      } else if (state.equals("absent")) {
        notes.add("sysctl " + f[1] + ": not present in this kernel now (its module is not loaded); applied at boot"
            + " from " + SYSCTL_FILE);
      } else if (f[0].equals("sysctl") && state.equals("failed")) {
        notes.add("sysctl " + f[1] + ": setting it is not possible in this environment (read-only /proc/sys);"
            + " applied at boot from " + SYSCTL_FILE);
      }
    }
    return new StepOutcome(changed, notes);
  }
}
