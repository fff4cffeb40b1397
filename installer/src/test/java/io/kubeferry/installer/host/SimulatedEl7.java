package io.kubeferry.installer.host;

import io.kubeferry.installer.ssh.RemoteCommand;
import java.util.ArrayList;
import java.util.List;

/**
 * A fresh EL7-like host for {@link FakeMachine}: swap on with an fstab entry, SELinux enforcing, firewalld running,
 * no kernel modules loaded, no packages, no kubeferry files. Its handlers do what the scripts in
 * {@code scripts/} do to a real host, on the model, and print what they print, so step logic, idempotence and
 * resumption are tested without sshd. The scripts themselves run on real nodes in {@code InstallLabIT}.
 */
public final class SimulatedEl7 {
  public static final String FSTAB = "/dev/mapper/root / xfs defaults 0 0\n/dev/mapper/swap swap swap defaults 0 0\n";
  public static final String HOME = "/home/kube";

  private SimulatedEl7() {}

  public static FakeMachine host(String name) {
    FakeMachine m = new FakeMachine(name);
    m.put("/etc/fstab", FSTAB, "0644");
    m.put("/etc/selinux/config", "SELINUX=enforcing\n", "0644");
    m.set("swap", "on");
    m.set("selinux", "enforcing");
    m.set("firewalld", "active");
    m.set("unit.firewalld", "enabled");
    m.answer("home directory", 0, HOME);
    m.on("swap", SimulatedEl7::swap);
    m.on("kernel", SimulatedEl7::kernel);
    m.on("selinux", SimulatedEl7::selinux);
    m.on("firewalld", SimulatedEl7::firewalld);
    m.on("rpm-import", SimulatedEl7::rpmImport);
    m.on("rpm-installed", SimulatedEl7::rpmInstalled);
    m.on("dnf-install", SimulatedEl7::dnfInstall);
    m.on("containerd-config", (f, c) -> f.get("rpm.containerd") == null ? f.result(c, 3, "", "")
        : f.result(c, 0, "disabled_plugins = []\n[plugins]\n  SystemdCgroup = true\n", ""));
    m.on("service", SimulatedEl7::service);
    m.on("kubelet-enable", SimulatedEl7::kubelet);
    m.on("repo-unpack", SimulatedEl7::repoUnpack);
    return m;
  }

  static io.kubeferry.installer.ssh.CommandResult swap(FakeMachine m, RemoteCommand c) {
    String changed = "";
    if ("on".equals(m.get("swap"))) {
      m.set("swap", "off");
      changed = "swapoff";
    }
    String fstab = m.file("/etc/fstab").map(FakeMachine.File::content).orElse("");
    if (fstab.lines().anyMatch(l -> !l.startsWith("#") && l.contains(" swap "))) {
      m.put("/etc/fstab.kubeferry-bak", fstab, "0644");
      StringBuilder out = new StringBuilder();
      fstab.lines().forEach(l -> out.append(!l.startsWith("#") && l.contains(" swap ") ? "# " + l : l).append('\n'));
      m.put("/etc/fstab", out.toString(), "0644");
      changed += " fstab";
    }
    return m.result(c, 0, "changed:" + changed + "\n", "");
  }

  static io.kubeferry.installer.ssh.CommandResult kernel(FakeMachine m, RemoteCommand c) {
    StringBuilder out = new StringBuilder();
    int sep = c.args().indexOf("--");
    for (String mod : c.args().subList(0, sep)) {
      boolean loaded = m.get("module." + mod) != null;
      m.set("module." + mod, "loaded");
      out.append("module ").append(mod).append(loaded ? " loaded\n" : " now-loaded\n");
    }
    for (String kv : c.args().subList(sep + 1, c.args().size())) {
      String[] p = kv.split("=", 2);
      boolean ok = p[1].equals(m.get("sysctl." + p[0]));
      m.set("sysctl." + p[0], p[1]);
      out.append("sysctl ").append(p[0]).append(ok ? " ok\n" : " set\n");
    }
    return m.result(c, 0, out.toString(), "");
  }

  static io.kubeferry.installer.ssh.CommandResult selinux(FakeMachine m, RemoteCommand c) {
    String changed = "";
    if ("enforcing".equals(m.get("selinux"))) {
      m.set("selinux", "permissive");
      changed = "runtime";
    }
    String config = m.file("/etc/selinux/config").map(FakeMachine.File::content).orElse("");
    if (config.contains("SELINUX=enforcing")) {
      m.put("/etc/selinux/config", config.replace("SELINUX=enforcing", "SELINUX=permissive"), "0644");
      changed += " config";
    }
    return m.result(c, 0, "changed:" + changed + "\n", "");
  }

  static io.kubeferry.installer.ssh.CommandResult firewalld(FakeMachine m, RemoteCommand c) {
    if (m.get("unit.firewalld") == null) {
      return m.result(c, 0, "absent\n", "");
    }
    List<String> changed = new ArrayList<>();
    if (c.args().get(0).equals("disable")) {
      if ("active".equals(m.get("firewalld"))) {
        changed.add("stopped");
      }
      if ("enabled".equals(m.get("unit.firewalld"))) {
        changed.add("disabled");
      }
      m.set("firewalld", "inactive");
      m.set("unit.firewalld", "disabled");
    } else {
      for (String p : c.args().subList(1, c.args().size())) {
        if (m.get("firewalld.port." + p) == null) {
          m.set("firewalld.port." + p, "open");
          changed.add(p);
        }
      }
    }
    return m.result(c, 0, "changed:" + String.join(" ", changed) + "\n", "");
  }

  static io.kubeferry.installer.ssh.CommandResult rpmImport(FakeMachine m, RemoteCommand c) {
    int before = keys(m);
    for (String f : c.args()) {
      if (m.file(f).isEmpty()) {
        return m.result(c, 1, "", "error: " + f + ": import read failed(2).");
      }
      m.set("rpm.key." + f, "imported");
    }
    return m.result(c, 0, before + " " + keys(m) + "\n", "");
  }

  private static int keys(FakeMachine m) {
    return (int) m.state().keySet().stream().filter(k -> k.startsWith("rpm.key.")).count();
  }

  static io.kubeferry.installer.ssh.CommandResult rpmInstalled(FakeMachine m, RemoteCommand c) {
    List<String> missing = c.args().stream().filter(p -> m.get("rpm." + name(p)) == null
        || !m.get("rpm." + name(p)).equals(p)).toList();
    return missing.isEmpty() ? m.result(c, 0, String.join("\n", c.args()) + "\n", "")
        : m.result(c, 1, "package " + missing.get(0) + " is not installed\n", "");
  }

  static io.kubeferry.installer.ssh.CommandResult dnfInstall(FakeMachine m, RemoteCommand c) {
    if (m.file("/etc/yum.repos.d/" + c.args().get(0) + ".repo").isEmpty()
        || m.file("/var/lib/kubeferry/repo.sha256").isEmpty()) {
      return m.result(c, 1, "Error: Unknown repo: '" + c.args().get(0) + "'\n", "");
    }
    if (keys(m) == 0) {
      return m.result(c, 1, "Public key for kubeadm.rpm is not installed. Failing package is: kubeadm\n", "");
    }
    for (String p : c.args().subList(1, c.args().size())) {
      m.set("rpm." + name(p), p);
      switch (name(p)) {
        case "kubelet" -> m.set("unit.kubelet", "disabled");
        case "docker-ce" -> m.set("unit.docker", "disabled");
        case "containerd.io" -> {
          m.set("unit.containerd", "disabled");
          m.set("rpm.containerd", p);
        }
        default -> { }
      }
    }
    return m.result(c, 0, "Complete!\n", "");
  }

  /** {@code kubeadm-1.23.1-0} to {@code kubeadm}. */
  static String name(String nvr) {
    return nvr.replaceFirst("-[^-]+-[^-]+$", "");
  }

  static io.kubeferry.installer.ssh.CommandResult service(FakeMachine m, RemoteCommand c) {
    String unit = c.args().get(0);
    if (m.get("unit." + unit) == null) {
      return m.result(c, 0, "absent\n", "");
    }
    List<String> changed = new ArrayList<>();
    if (!"enabled".equals(m.get("unit." + unit))) {
      m.set("unit." + unit, "enabled");
      changed.add("enabled");
    }
    if (!"active".equals(m.get(unit))) {
      m.set(unit, "active");
      changed.add("started");
    } else if (c.args().get(1).equals("true")) {
      m.set(unit + ".restarts", String.valueOf(Integer.parseInt(m.state().getOrDefault(unit + ".restarts", "0")) + 1));
      changed.add("restarted");
    }
    return m.result(c, 0, "changed:" + String.join(" ", changed) + "\n", "");
  }

  static io.kubeferry.installer.ssh.CommandResult kubelet(FakeMachine m, RemoteCommand c) {
    String unit = m.get("unit.kubelet");
    if (unit == null) {
      return m.result(c, 0, "absent\n", "");
    }
    if (unit.equals("enabled")) {
      return m.result(c, 0, "enabled\n", "");
    }
    m.set("unit.kubelet", "enabled");
    return m.result(c, 0, "now-enabled\n", "");
  }

  static io.kubeferry.installer.ssh.CommandResult repoUnpack(FakeMachine m, RemoteCommand c) {
    String staged = c.args().get(0);
    if (m.file(staged).isEmpty()) {
      return m.result(c, 2, "", "tar: " + staged + ": Cannot open: No such file or directory");
    }
    m.put(c.args().get(1) + "/repodata/repomd.xml", "repo from " + m.file(staged).get().content(), "0644");
    m.put(c.args().get(2), c.args().get(3) + "\n", "0644");
    m.remove(staged);
    return m.result(c, 0, "", "");
  }
}
