package io.kubeferry.installer.render;

import io.kubeferry.core.bundle.ImageRole;
import io.kubeferry.core.template.ClusterManifests;
import io.kubeferry.core.template.TemplateValues;
import io.kubeferry.installer.inventory.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The control-plane load balancer's files on a control plane: keepalived and haproxy (configurations, health check
 * and, as static pods, their manifests) or kube-vip's static pod. Nothing for other nodes or without a VIP.
 */
public final class LoadBalancerRenderer {
  static final String STATIC_PODS = "/etc/kubernetes/manifests/";
  private final ManifestsDir manifests;

  public LoadBalancerRenderer(ManifestsDir manifests) {
    this.manifests = Objects.requireNonNull(manifests, "manifests");
  }

  /**
   * The files for {@code node}.
   *
   * @param kubeadmInit true while the first control plane runs {@code kubeadm init}: from Kubernetes 1.29 kube-vip
   *     then needs {@code super-admin.conf}, as {@code admin.conf} gets its rights only at the end of init
   */
  public List<RenderedFile> render(ClusterModel c, NodeModel node, boolean kubeadmInit) throws RenderException {
    if (!node.has(Role.CONTROL_PLANE)) {
      return List.of();
    }
    return switch (c.loadBalancer().kind()) {
      case "haproxy-keepalived" -> haproxyKeepalived(c, node);
      case "kube-vip" -> List.of(kubeVip(c, node, kubeadmInit));
      default -> List.of();
    };
  }

  private List<RenderedFile> haproxyKeepalived(ClusterModel c, NodeModel node) throws RenderException {
    LoadBalancerModel lb = c.loadBalancer();
    boolean master = c.initializes(node);
    String port = String.valueOf(lb.port());
    List<RenderedFile> files = new ArrayList<>();
    files.add(manifests.file("/etc/keepalived/keepalived.conf", "ha/keepalived.conf.tmpl", TemplateValues.builder()
        .text("vrrpState", master ? "MASTER" : "BACKUP")
        .text("vrrpPriority", master ? "101" : "100")
        .text("vipInterface", node.facts().vipInterface())
        .text("vrrpRouterId", String.valueOf(lb.vrrpRouterId()))
        .text("vrrpPassword", c.secrets().vrrpPassword())
        .text("vip", lb.vip())
        .build(), false));
    files.add(manifests.file("/etc/keepalived/check_apiserver.sh", "ha/check_apiserver.sh.tmpl",
        TemplateValues.builder().text("lbPort", port).build(), true));
    files.add(manifests.file("/etc/haproxy/haproxy.cfg", "ha/haproxy.cfg.tmpl", TemplateValues.builder()
        .flag("staticPod", lb.staticPods())
        .text("lbPort", port)
        .records("backends", List.of("name", "address"), c.controlPlanes().stream()
            .map(m -> Map.of("name", m.name(), "address", m.address())).toList())
        .build(), false));
    if (lb.staticPods()) {
      files.add(staticPod(c, ClusterManifests.HAPROXY_POD, manifests.read(ClusterManifests.HAPROXY_POD)));
      files.add(staticPod(c, ClusterManifests.KEEPALIVED_POD, manifests.read(ClusterManifests.KEEPALIVED_POD)));
    }
    return files;
  }

  private RenderedFile kubeVip(ClusterModel c, NodeModel node, boolean kubeadmInit) throws RenderException {
    boolean superAdmin = kubeadmInit && c.initializes(node) && c.version().minor() >= 29;
    String pod = manifests.render(ClusterManifests.KUBE_VIP_POD, TemplateValues.builder()
        .text("vipInterface", node.facts().vipInterface())
        .text("vip", c.loadBalancer().vip())
        .text("kubeconfigPath", superAdmin ? "/etc/kubernetes/super-admin.conf" : "/etc/kubernetes/admin.conf")
        .build());
    return staticPod(c, ClusterManifests.KUBE_VIP_POD, pod);
  }

  private static RenderedFile staticPod(ClusterModel c, String path, String manifest) throws RenderException {
    String name = path.substring(path.lastIndexOf('/') + 1).replace(".tmpl", "");
    return new RenderedFile(STATIC_PODS + name, "manifests/" + path,
        InDatacenterImages.rewrite(c, "manifests/" + path, manifest, ImageRole.LOAD_BALANCER, UnaryOperator.identity()),
        false);
  }
}
