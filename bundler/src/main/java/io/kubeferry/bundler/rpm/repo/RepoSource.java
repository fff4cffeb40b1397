package io.kubeferry.bundler.rpm.repo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a yum repository lives: a local directory or an http(s) URL. Paths are relative to the repository root
 * (the directory holding {@code repodata/}).
 */
public interface RepoSource {
  /** Opens a file of the repository; throws {@link java.io.FileNotFoundException} when it does not exist. */
  InputStream open(String relativePath) throws IOException;

  /**
   * Opens a file from byte {@code offset} on, to resume a partial download. The default reads and skips; HTTP
   * sources ask the server for a range.
   */
  default InputStream open(String relativePath, long offset) throws IOException {
    InputStream in = open(relativePath);
    in.skipNBytes(offset);
    return in;
  }

  /** Opens a file if present, else empty (for optional files such as {@code repomd.xml.asc}). */
  Optional<InputStream> openOptional(String relativePath) throws IOException;

  /** The location as the user gave it, for messages. */
  String describe();

  /** A source for {@code file:}, {@code http(s)://} or a plain directory path. */
  static RepoSource of(String location, HttpRepoClient http) {
    if (location.startsWith("http://") || location.startsWith("https://")) {
      return new HttpSource(URI.create(location.endsWith("/") ? location : location + "/"), http);
    }
    if (location.startsWith("file:")) {
      return new DirectorySource(Path.of(URI.create(location)));
    }
    return new DirectorySource(Path.of(location));
  }

  /** Rejects absolute paths and {@code ..} segments taken from (untrusted) metadata. */
  static String checkRelative(String relativePath) throws IOException {
    if (relativePath.startsWith("/") || relativePath.contains("\\") || relativePath.contains("://")
        || ("/" + relativePath + "/").contains("/../")) {
      throw new IOException("refusing unsafe path '" + relativePath + "' from repository metadata");
    }
    return relativePath;
  }
}
