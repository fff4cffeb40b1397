package io.kubeferry.bundler.rpm.repo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;

/** A repository served over http(s); every request goes through the shared {@link HttpRepoClient}. */
final class HttpSource implements RepoSource {
  private final URI base;
  private final HttpRepoClient client;

  HttpSource(URI base, HttpRepoClient client) {
    this.base = base;
    this.client = client;
  }

  @Override
  public InputStream open(String relativePath) throws IOException {
    return client.get(base.resolve(RepoSource.checkRelative(relativePath)), 0)
        .orElseThrow(() -> new java.io.FileNotFoundException(base.resolve(relativePath).toString()));
  }

  @Override
  public InputStream open(String relativePath, long offset) throws IOException {
    return client.get(base.resolve(RepoSource.checkRelative(relativePath)), offset)
        .orElseThrow(() -> new java.io.FileNotFoundException(base.resolve(relativePath).toString()));
  }

  @Override
  public Optional<InputStream> openOptional(String relativePath) throws IOException {
    return client.get(base.resolve(RepoSource.checkRelative(relativePath)), 0);
  }

  @Override
  public String describe() {
    return base.toString();
  }

  URI base() {
    return base;
  }
}
