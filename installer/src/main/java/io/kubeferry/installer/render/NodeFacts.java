package io.kubeferry.installer.render;

import java.util.Objects;

/**
 * What the installer found on a host that changes its files.
 *
 * @param vipInterface the network interface carrying the host's address (keepalived and kube-vip announce the VIP
 *     there), e.g. {@code eth0}
 * @param canSetConntrackMax whether kube-proxy may write {@code nf_conntrack_max} (not inside a container)
 * @param canLowerOomScores whether processes may lower their OOM score (CAP_SYS_RESOURCE); containerd must not try
 *     otherwise ({@code restrict_oom_score_adj})
 */
public record NodeFacts(String vipInterface, boolean canSetConntrackMax, boolean canLowerOomScores) {
  public NodeFacts {
    Objects.requireNonNull(vipInterface, "vipInterface");
  }

  /** A machine (not a container): everything allowed. */
  public static NodeFacts machine(String vipInterface) {
    return new NodeFacts(vipInterface, true, true);
  }
}
