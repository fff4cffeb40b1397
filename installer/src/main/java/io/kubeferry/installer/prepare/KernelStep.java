package io.kubeferry.installer.prepare;

import io.kubeferry.installer.plan.Step;
import io.kubeferry.installer.plan.StepContext;
import io.kubeferry.installer.plan.StepException;
import io.kubeferry.installer.plan.StepOutcome;
import io.kubeferry.installer.ssh.CommandResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Persists the kernel modules ({@code overlay}, {@code br_netfilter} in {@value #MODULES_FILE}) and sysctls
 * ({@value #SYSCTL_FILE}) Kubernetes needs, then applies them now. Where the kernel cannot be changed from this
 * host (a container without module loading, a read-only {@code /proc/sys}) the files are still written and the
 * step says plainly what was not possible instead of pretending.
 */
public final class KernelStep implements Step {
  static final String MODULES_FILE = "/etc/modules-load.d/k8s.conf";
  static final String SYSCTL_FILE = "/etc/sysctl.d/k8s.conf";
  static final List<String> MODULES = List.of("overlay", "br_netfilter");
  static final Map<String, String> SYSCTLS = new LinkedHashMap<>();

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
    return io.kubeferry.core.Digest.sha256Of((modules() + sysctls()).getBytes()).toString();
  }

  static String modules() {
    return String.join("\n", MODULES) + "\n";
  }

  static String sysctls() {
    StringBuilder sb = new StringBuilder();
    SYSCTLS.forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
    return sb.toString();
  }

  @Override
  public StepOutcome run(StepContext ctx) throws StepException {
    boolean changed = RemoteFiles.ensure(ctx, MODULES_FILE, modules(), "0644");
    changed |= RemoteFiles.ensure(ctx, SYSCTL_FILE, sysctls(), "0644");
    List<String> notes = new ArrayList<>();
    for (String m : MODULES) {
      // Built-in modules have no /sys/module entry; their effect shows (overlay in /proc/filesystems, the bridge
      // sysctls for br_netfilter).
      String present = m.equals("overlay") ? "grep -qw overlay /proc/filesystems" : "[ -d /proc/sys/net/bridge ]";
      CommandResult r = ctx.run(io.kubeferry.installer.ssh.RemoteCommand.root("if [ -d /sys/module/" + m
          + " ] || " + present + "; then echo loaded; elif modprobe " + m + " 2>&1; then echo now-loaded; else"
          + " echo failed; fi"));
      String out = r.stdout().strip();
      if (out.endsWith("now-loaded")) {
        changed = true;
      } else if (out.endsWith("failed")) {
        notes.add("module " + m + ": loading not possible in this environment ("
            + firstLine(out) + "); it loads at boot from " + MODULES_FILE);
      }
    }
    for (Map.Entry<String, String> e : SYSCTLS.entrySet()) {
      String path = "/proc/sys/" + e.getKey().replace('.', '/');
      CommandResult r = ctx.run(io.kubeferry.installer.ssh.RemoteCommand.root("if [ ! -e " + path
          + " ]; then echo absent; elif [ \"$(cat " + path + ")\" = " + e.getValue() + " ]; then echo ok; elif"
          + " sysctl -w " + e.getKey() + "=" + e.getValue() + " >/dev/null 2>&1; then echo set; else echo failed;"
          + " fi"));
      switch (r.stdout().strip()) {
        case "set" -> changed = true;
        case "ok" -> { }
        case "absent" -> notes.add("sysctl " + e.getKey() + ": not present in this kernel now (its module is not"
            + " loaded); applied at boot from " + SYSCTL_FILE);
        default -> notes.add("sysctl " + e.getKey() + ": setting it is not possible in this environment"
            + " (read-only /proc/sys); applied at boot from " + SYSCTL_FILE);
      }
    }
    return new StepOutcome(changed, notes);
  }

  private static String firstLine(String s) {
    String line = s.split("\n")[0].strip();
    return line.equals("failed") ? "modprobe failed" : line;
  }
}
