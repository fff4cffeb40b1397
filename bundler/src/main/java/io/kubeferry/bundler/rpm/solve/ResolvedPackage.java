package io.kubeferry.bundler.rpm.solve;

import io.kubeferry.bundler.rpm.repo.RpmPackage;
import java.util.List;

/**
 * One package of a closure.
 *
 * @param why the requirer chain from this package up to the request, e.g.
 *     {@code [requires conntrack: kubelet-1.23.1-0.x86_64, requested: kubeadm-1.23.1-0]}; first element is the
 *     direct reason
 * @param onTarget true when the base-OS profile says the target already has it (not bundled)
 */
public record ResolvedPackage(RpmPackage pkg, List<String> why, boolean onTarget) {
  public ResolvedPackage {
    why = List.copyOf(why);
  }
}
