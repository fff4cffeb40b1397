package io.kubeferry.bundler.build;

import io.kubeferry.bundler.image.ImagePullException;
import io.kubeferry.core.oci.RegistryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Points a pull failure of an operator's image at where it was named: an add-on's file, document and field, an
 * image list's line, or {@code --image}. The registry's own words follow, so the operator sees both what to fix and
 * why. Stateless.
 */
final class OperatorImageFailures {
  private OperatorImageFailures() {}

  /** {@code e} with each failure of an operator image led by its origin; {@code e} itself when none is one. */
  static ImagePullException located(ImagePullException e, OperatorImages operator) {
    Map<String, List<String>> origins = operator.origins();
    if (e.failures().stream().noneMatch(f -> origins.containsKey(f.image()))) {
      return e;
    }
    List<String> clauses = new ArrayList<>();
    for (RegistryException f : e.failures()) {
      List<String> where = origins.get(f.image());
      clauses.add(where == null ? f.getMessage() : String.join(", ", where) + ": " + f.getMessage());
    }
    return new ImagePullException("could not build: " + String.join("; ", clauses), e.failures());
  }
}
