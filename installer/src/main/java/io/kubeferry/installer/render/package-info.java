/**
 * Everything that becomes a file on a host, rendered from the bundle's {@code manifests/} (ADR 0009): a
 * {@link io.kubeferry.installer.render.ClusterModel} and a {@link io.kubeferry.installer.render.NodeModel} in, a
 * {@link io.kubeferry.installer.render.RenderedFile} out. Templates go through the core renderer, Kubernetes
 * manifests through the image rewriter (their images renamed with {@code ImageNaming} at the registry location).
 * Nothing here touches a host; the install steps write the files.
 */
package io.kubeferry.installer.render;
