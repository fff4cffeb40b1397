package io.kubeferry.installer.render;

import io.kubeferry.core.template.TemplateValues;
import java.util.Objects;
import java.util.stream.Collectors;

/** The systemd unit of one external etcd member (topology ha-external-etcd); the etcd binary comes from the bundle. */
public final class EtcdUnitRenderer {
  public static final String HOST_PATH = "/etc/systemd/system/etcd.service";
  private final ManifestsDir manifests;

  public EtcdUnitRenderer(ManifestsDir manifests) {
    this.manifests = Objects.requireNonNull(manifests, "manifests");
  }

  /**
   * The unit for {@code node}.
   *
   * @throws RenderException when the node is not a member of the external etcd cluster
   */
  public RenderedFile render(ClusterModel c, NodeModel node) throws RenderException {
    if (c.etcdMembers().stream().noneMatch(m -> m.name().equals(node.name()))) {
      throw new RenderException("could not render the etcd unit for " + node.name() + ": it is not a member of the "
          + "external etcd cluster (" + c.etcdMembers().stream().map(ClusterMember::name)
          .collect(Collectors.joining(", ")) + ")");
    }
    TemplateValues v = TemplateValues.builder()
        .text("memberName", node.name())
        .text("memberAddress", node.address())
        .text("initialCluster", c.etcdMembers().stream().map(m -> m.name() + "=https://" + m.address() + ":2380")
            .collect(Collectors.joining(",")))
        .build();
    return manifests.file(HOST_PATH, "etcd/etcd.service.tmpl", v, false);
  }
}
