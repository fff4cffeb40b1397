package io.kubeferry.installer.render;

import io.kubeferry.core.ImageRef;
import io.kubeferry.core.bundle.ImageNaming;
import io.kubeferry.core.bundle.ImageRole;
import io.kubeferry.installer.inventory.Inventory;
import io.kubeferry.installer.inventory.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a golden case into one text: every file of the first control plane, what differs on the others. */
final class GoldenRender {
  private final KubeadmConfigRenderer kubeadm = new KubeadmConfigRenderer(ExampleCluster.MANIFESTS);
  private final ContainerRuntimeRenderer runtime = new ContainerRuntimeRenderer(ExampleCluster.MANIFESTS);
  private final LoadBalancerRenderer loadBalancer = new LoadBalancerRenderer(ExampleCluster.MANIFESTS);
  private final EtcdUnitRenderer etcd = new EtcdUnitRenderer(ExampleCluster.MANIFESTS);
  private final List<RenderedFile> rendered = new ArrayList<>();

  /** Every file rendered so far, over all cases (for the coverage check). */
  List<RenderedFile> rendered() {
    return rendered;
  }

  String render(GoldenCase g) throws Exception {
    Inventory inv = ExampleCluster.inventory(g.topology(), g.runtime());
    Map<String, NodeFacts> facts = ExampleCluster.machines(inv);
    if (g.containerHosts()) {
      facts.replaceAll((name, f) -> new NodeFacts("eth0", false, false));
    }
    ClusterInputs in = new ClusterInputs(g.version(), ExampleCluster.components(g.version(), g.loadBalancer()),
        g.registry(), ExampleCluster.SECRETS, facts, g.staticPods());
    ClusterModel c = ModelFactory.cluster(inv, in);
    StringBuilder out = new StringBuilder();
    out.append("# Golden file of kubeferry's renderers: Kubernetes ").append(g.version()).append(", topology ")
        .append(g.topology()).append(", runtime ").append(g.runtime()).append(", load balancer ")
        .append(g.loadBalancer()).append(g.staticPods() ? "" : " as OS services").append(", registry ")
        .append(g.registry().url()).append(g.registry().pathPrefix().isEmpty() ? "" : "/" + g.registry().pathPrefix())
        .append(g.containerHosts() ? ", hosts are containers" : "").append(".\n")
        .append("# Regenerate: mvn -o -pl installer -am test -Dtest=GoldenFilesTest -Dsurefire.failIfNoSpecifiedTests=false"
            + " -Dgolden.update=true\n");
    section(out, "images kubeadm pulls, as ImageNaming names them at " + c.registry().location(), kubeadmImages(c));
    Map<String, String> first = new LinkedHashMap<>();
    for (String host : List.of("cp1", "cp2", "w1", "etcd1")) {
      if (inv.host(host).isEmpty()) {
        continue;
      }
      NodeModel node = ModelFactory.node(inv, in, host);
      List<RenderedFile> files = new ArrayList<>();
      if (!node.has(Role.ETCD) || node.has(Role.CONTROL_PLANE)) {
        files.add(kubeadm.render(c, node));
      } else {
        files.add(etcd.render(c, node));
      }
      if (host.equals("cp1")) {
        files.addAll(runtime.render(c, node));
      }
      files.addAll(loadBalancer.render(c, node, c.initializes(node)));
      for (RenderedFile f : files) {
        RenderedSyntax.check(f);
        rendered.add(f);
        if (first.putIfAbsent(f.hostPath(), f.content()) == null || !first.get(f.hostPath()).equals(f.content())) {
          section(out, host + " " + f.hostPath() + " (" + f.mode() + ", from " + f.source() + ")", f.content());
        }
      }
    }
    return out.toString();
  }

  private static void section(StringBuilder out, String title, String content) {
    out.append("\n=== ").append(title).append('\n').append(content);
    if (!content.endsWith("\n")) {
      out.append("\n");
    }
  }

  /** kubeadm's images for the version, so the golden files show CoreDNS's naming exception of 1.21.0 and 1.21.1. */
  private static String kubeadmImages(ClusterModel c) {
    String reg = c.components().kubeadmRegistry();
    String tag = c.version().tag();
    Map<String, ImageRole> upstream = new LinkedHashMap<>();
    for (String cp : List.of("kube-apiserver", "kube-controller-manager", "kube-scheduler", "kube-proxy")) {
      upstream.put(reg + "/" + cp + ":" + tag, ImageRole.CONTROL_PLANE);
    }
    upstream.put(reg + "/pause:" + c.components().pause(), ImageRole.PAUSE);
    upstream.put(reg + "/etcd:" + c.components().etcd(), ImageRole.ETCD);
    String coredns = c.components().coredns();
    upstream.put(reg + (coredns.startsWith("v") ? "/coredns/coredns:" : "/coredns:") + coredns, ImageRole.COREDNS);
    StringBuilder b = new StringBuilder();
    upstream.forEach((ref, role) -> {
      List<String> names = ImageNaming.names(ImageRef.parse(ref), role, c.version());
      b.append(ImageNaming.at(c.registry().location(), names.get(0)));
      if (names.size() > 1) {
        b.append("  (also ").append(String.join(", ", names.subList(1, names.size()))).append(")");
      }
      b.append("  <- ").append(ref).append('\n');
    });
    return b.toString();
  }
}
