/**
 * Templates and manifests that become files on cluster hosts (docs/adr/0009-templates-and-rendering.md): a small
 * strict renderer ({@link io.kubeferry.core.template.Template}), the image references of Kubernetes manifests and
 * their rewrite ({@link io.kubeferry.core.template.ManifestImages},
 * {@link io.kubeferry.core.template.ImageRewriter}), and which shipped file a cluster uses
 * ({@link io.kubeferry.core.template.ClusterManifests}, {@link io.kubeferry.core.template.UpstreamManifests}).
 * Shared by the bundler (checks at build time) and the installer (renders at install time).
 */
package io.kubeferry.core.template;
