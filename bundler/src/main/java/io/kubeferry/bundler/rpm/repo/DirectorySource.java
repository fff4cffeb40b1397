package io.kubeferry.bundler.rpm.repo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** A repository in a local directory. */
public final class DirectorySource implements RepoSource {
  private final Path root;

  public DirectorySource(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public InputStream open(String relativePath) throws IOException {
    Path p = root.resolve(RepoSource.checkRelative(relativePath)).normalize();
    if (!p.startsWith(root)) {
      throw new IOException("refusing path '" + relativePath + "' outside " + root);
    }
    try {
      return Files.newInputStream(p);
    } catch (NoSuchFileException e) {
      throw new java.io.FileNotFoundException(p.toString());
    }
  }

  @Override
  public Optional<InputStream> openOptional(String relativePath) throws IOException {
    try {
      return Optional.of(open(relativePath));
    } catch (java.io.FileNotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public String describe() {
    return root.toString();
  }
}
