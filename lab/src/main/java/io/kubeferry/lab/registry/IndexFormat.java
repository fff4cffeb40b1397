package io.kubeferry.lab.registry;

/** How a fixture image's multi-platform index and its manifests are typed. */
public enum IndexFormat {
  /** Docker manifest list with Docker schema2 manifests, pretty-printed like docker's own output. */
  DOCKER("application/vnd.docker.distribution.manifest.list.v2+json",
      "application/vnd.docker.distribution.manifest.v2+json",
      "application/vnd.docker.container.image.v1+json",
      "application/vnd.docker.image.rootfs.diff.tar.gzip"),
  /** OCI image index with OCI image manifests, compact JSON. */
  OCI("application/vnd.oci.image.index.v1+json",
      "application/vnd.oci.image.manifest.v1+json",
      "application/vnd.oci.image.config.v1+json",
      "application/vnd.oci.image.layer.v1.tar+gzip");

  private final String indexType;
  private final String manifestType;
  private final String configType;
  private final String layerType;

  IndexFormat(String indexType, String manifestType, String configType, String layerType) {
    this.indexType = indexType;
    this.manifestType = manifestType;
    this.configType = configType;
    this.layerType = layerType;
  }

  public String indexMediaType() {
    return indexType;
  }

  public String manifestMediaType() {
    return manifestType;
  }

  public String configMediaType() {
    return configType;
  }

  public String layerMediaType() {
    return layerType;
  }
}
