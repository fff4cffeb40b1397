package io.kubeferry.core.template;

import io.kubeferry.core.ImageRef;
import java.util.Objects;

/**
 * One {@code image:} value of a Kubernetes manifest and where it is.
 *
 * @param file the file's name as given to the scanner
 * @param document 1-based document in the file (a {@code List}'s items share their document)
 * @param kind the workload's kind, e.g. {@code DaemonSet}
 * @param name the workload's {@code metadata.name}, empty when it has none
 * @param field path of the value, e.g. {@code spec.template.spec.initContainers[0].image} (with an
 *     {@code items[N].} prefix inside a {@code List})
 * @param image the value as written, e.g. {@code calico/node:v3.24.6}
 * @param ref the value parsed and normalised ({@code docker.io/calico/node:v3.24.6})
 */
public record ImageReference(String file, int document, String kind, String name, String field, String image,
    ImageRef ref) {
  public ImageReference {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(ref, "ref");
  }

  /** {@code calico.yaml document 12 (DaemonSet calico-node) spec.template.spec.containers[0].image}. */
  public String where() {
    return file + " document " + document + " (" + kind + (name.isEmpty() ? "" : " " + name) + ") " + field;
  }
}
