package io.kubeferry.bundler.build;

import java.util.List;
import java.util.Objects;

/**
 * A yum repository `bundle build` reads, as the recipe names it (defaults from {@code sources.yaml}, or the
 * operator's {@code --repo}).
 *
 * @param id short name: messages, the bundle's {@code keys/rpm/<id>.asc}, the lock
 * @param url where it is read, after mirror and URL-map rewriting (http(s), {@code file:} or a directory)
 * @param keys where its signing keys come from: URLs (downloaded like yum's {@code gpgkey=}) or local files
 * @param signedMetadata whether {@code repodata/repomd.xml.asc} must verify against the keys
 * @param note why this source, when it needs saying (empty otherwise)
 * @param origin the URL the defaults name when a mirror or URL map rewrote it (empty otherwise)
 */
public record SourceRepo(String id, String url, List<String> keys, boolean signedMetadata, String note,
    String origin) {
  public SourceRepo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(url, "url");
    keys = List.copyOf(keys);
    note = note == null ? "" : note;
    origin = origin == null || origin.equals(url) ? "" : origin;
  }

  public SourceRepo(String id, String url, List<String> keys, boolean signedMetadata, String note) {
    this(id, url, keys, signedMetadata, note, "");
  }

  /** The same repository read from another URL (mirror or lab mapping); the original is kept as the origin. */
  public SourceRepo at(String newUrl, List<String> newKeys) {
    return new SourceRepo(id, newUrl, newKeys, signedMetadata, note, origin.isEmpty() ? url : origin);
  }
}
