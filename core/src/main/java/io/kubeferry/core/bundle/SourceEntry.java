package io.kubeferry.core.bundle;

import java.util.List;
import java.util.Objects;

/**
 * Where the bundle's packages came from, for the operator's audit: a yum repository by id, the URL it was read
 * from (after any mapping) and the fingerprints of the keys its metadata and packages were checked against.
 */
public record SourceEntry(String id, String url, List<String> keyFingerprints) {
  public SourceEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(url, "url");
    keyFingerprints = List.copyOf(keyFingerprints);
  }
}
