package io.kubeferry.lab.registry;

/**
 * Add-on manifests as an operator would carry them, using the add-on fixtures ({@link LabImages#addons()}): what
 * {@code bundle build --addons} reads in the tests. Images are written the way manifests usually write them (Docker
 * Hub's short form for nginx).
 */
public final class LabAddons {
  /** A Namespace and a Deployment running {@value LabImages#NGINX} (document 2). */
  public static final String WEB = """
      apiVersion: v1
      kind: Namespace
      metadata: {name: web}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: web}
      spec:
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
            - {name: nginx, image: "nginx:1.25.3"}
      """;

  /** A DaemonSet running {@value LabImages#NODE_EXPORTER} (document 1). */
  public static final String NODE_EXPORTER = """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: node-exporter, namespace: kube-system}
      spec:
        selector: {matchLabels: {app: node-exporter}}
        template:
          metadata: {labels: {app: node-exporter}}
          spec:
            hostNetwork: true
            containers:
            - {name: node-exporter, image: quay.io/prometheus/node-exporter:v1.7.0}
      """;

  private LabAddons() {}
}
