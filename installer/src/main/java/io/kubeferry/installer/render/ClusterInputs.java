package io.kubeferry.installer.render;

import io.kubeferry.core.KubernetesVersion;
import io.kubeferry.core.bundle.ClusterComponents;
import java.util.Map;
import java.util.Objects;

/**
 * What the files depend on besides the inventory.
 *
 * @param version the bundle's Kubernetes version
 * @param components the bundle's cluster components
 * @param registry where the datacenter's registry serves the images
 * @param secrets generated tokens and keys
 * @param facts per inventory host name, what the installer found on the host
 * @param loadBalancerStaticPods haproxy and keepalived as static pods (true) or OS services
 */
public record ClusterInputs(KubernetesVersion version, ClusterComponents components, RegistryLocation registry,
    ClusterSecrets secrets, Map<String, NodeFacts> facts, boolean loadBalancerStaticPods) {
  public ClusterInputs {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(components, "components");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(secrets, "secrets");
    facts = Map.copyOf(facts);
  }
}
