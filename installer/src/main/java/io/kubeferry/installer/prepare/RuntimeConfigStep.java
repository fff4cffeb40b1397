package io.kubeferry.installer.prepare;

import io.kubeferry.core.Digest;
import io.kubeferry.installer.host.Script;
import io.kubeferry.installer.inventory.ClusterSettings;
import io.kubeferry.installer.plan.Step;
import io.kubeferry.installer.plan.StepContext;
import io.kubeferry.installer.plan.StepException;
import io.kubeferry.installer.plan.StepOutcome;
import io.kubeferry.installer.source.SourceRef;
import io.kubeferry.installer.ssh.CommandResult;
import java.nio.charset.StandardCharsets;

/**
 * Configures the container runtime for the kubelet's systemd cgroup driver: Docker ({@value #DAEMON_JSON},
 * {@code native.cgroupdriver=systemd}, Kubernetes up to 1.23) or containerd ({@value #CONTAINERD_TOML} regenerated
 * from {@code containerd config default} with the CRI plugin enabled and {@code SystemdCgroup = true}, from 1.24).
 * The service is enabled and (re)started when its configuration changed and the unit exists.
 */
public final class RuntimeConfigStep implements Step {
  static final String DAEMON_JSON = "/etc/docker/daemon.json";
  static final String CONTAINERD_TOML = "/etc/containerd/config.toml";
  static final Script CONTAINERD_CONFIG = Script.named("containerd-config");
  static final Script SERVICE = Script.named("service");

  private final SourceRef source;
  private final ClusterSettings.Runtime choice;

  public RuntimeConfigStep(SourceRef source, ClusterSettings.Runtime choice) {
    this.source = source;
    this.choice = choice;
  }

  /** The runtime for this Kubernetes version; docker after 1.23 is refused (dockershim is gone). */
  static ClusterSettings.Runtime resolve(ClusterSettings.Runtime choice, int minor) throws StepException {
    if (choice == ClusterSettings.Runtime.AUTO) {
      return minor <= 23 ? ClusterSettings.Runtime.DOCKER : ClusterSettings.Runtime.CONTAINERD;
    }
    if (choice == ClusterSettings.Runtime.DOCKER && minor >= 24) {
      throw new StepException("could not configure docker: Kubernetes 1." + minor + " has no dockershim; set"
          + " cluster.runtime: containerd (or remove it) in the inventory");
    }
    return choice;
  }

  static String daemonJson() {
    return """
        {
          "exec-opts": ["native.cgroupdriver=systemd"],
          "log-driver": "json-file",
          "log-opts": {"max-size": "100m", "max-file": "3"},
          "storage-driver": "overlay2"
        }
        """;
  }

  @Override
  public String id() {
    return "prepare.runtime";
  }

  @Override
  public String describe() {
    return switch (choice) {
      case AUTO -> "container runtime for the systemd cgroup driver: docker " + DAEMON_JSON + " for Kubernetes"
          + " <= 1.23, containerd " + CONTAINERD_TOML + " (CRI on, SystemdCgroup = true) from 1.24; service enabled";
      case DOCKER -> "docker: " + DAEMON_JSON + " with native.cgroupdriver=systemd, overlay2, log limits;"
          + " docker enabled";
      case CONTAINERD -> "containerd: " + CONTAINERD_TOML + " regenerated with the CRI plugin enabled and"
          + " SystemdCgroup = true; containerd enabled";
    };
  }

  @Override
  public String inputHash() {
    String version;
    try {
      version = source.get().kubernetesVersion();
    } catch (StepException e) {
      version = "unverified";
    }
    return Digest.sha256Of((choice + version + daemonJson() + "containerd-v1").getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  @Override
  public StepOutcome run(StepContext ctx) throws StepException {
    return resolve(choice, source.get().minor()) == ClusterSettings.Runtime.DOCKER ? docker(ctx) : containerd(ctx);
  }

  private StepOutcome docker(StepContext ctx) throws StepException {
    boolean changed = ctx.write(daemonJson(), DAEMON_JSON, "0644");
    return service(ctx, "docker", changed);
  }

  private StepOutcome containerd(StepContext ctx) throws StepException {
    CommandResult generated = ctx.run(CONTAINERD_CONFIG.root());
    if (generated.exitStatus() == 3) {
      throw new StepException("could not configure containerd on " + ctx.requireHost().name()
          + ": containerd is not installed (the bundle must carry containerd.io)");
    }
    if (!generated.ok()) {
      throw new StepException("could not configure containerd on " + ctx.requireHost().name()
          + ": containerd config default failed: " + generated.lastErrorLine());
    }
    String toml = generated.stdout();
    if (!toml.contains("SystemdCgroup = true")) {
      throw new StepException("could not configure containerd on " + ctx.requireHost().name()
          + ": its default configuration has no SystemdCgroup option (containerd too old?)");
    }
    boolean changed = ctx.write(toml, CONTAINERD_TOML, "0644");
    return service(ctx, "containerd", changed);
  }

  private StepOutcome service(StepContext ctx, String unit, boolean configChanged) throws StepException {
    String out = ctx.root(SERVICE.root(unit, String.valueOf(configChanged))).stdout().strip();
    if (out.equals("absent")) {
      return new StepOutcome(configChanged, java.util.List.of(unit + ".service is not installed on this host;"
          + " configuration written, service not started"));
    }
    String c = out.replace("changed:", "").strip();
    if (c.contains("start-failed")) {
      throw new StepException("could not start " + unit + " on " + ctx.requireHost().name() + " (see journalctl -u "
          + unit + ")");
    }
    boolean changed = configChanged || !c.isEmpty();
    return changed ? StepOutcome.didChange(unit + (c.isEmpty() ? " config written" : ": " + c))
        : StepOutcome.noChange(unit + " already configured");
  }
}
