package io.kubeferry.lab.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeferry.core.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Puts a fixture straight into a registry's filesystem storage in distribution's on-disk layout (blob data under
 * {@code blobs/}, per-repository {@code _layers} and {@code _manifests} link files), hard-linking blob data from the
 * fixture cache when it is on the same filesystem. Pushing the set over HTTP took seconds (about 500 requests, and
 * ~20 s for the 1 GiB benchmark set); seeding takes milliseconds. The registry keeps no cache of this layout
 * (none is configured), so seeding a running registry is safe. {@link RegistryPusher} remains the HTTP path.
 */
final class StorageSeeder {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path v2;
  private final BlobStore store;

  StorageSeeder(Path storage, BlobStore store) {
    this.v2 = storage.resolve("docker/registry/v2");
    this.store = store;
  }

  void seed(String repository, List<String> tags, Digest index) throws IOException {
    Path repo = v2.resolve("repositories").resolve(repository);
    manifest(repo, index);
    for (JsonNode m : JSON.readTree(store.read(index)).get("manifests")) {
      Digest md = Digest.parse(m.get("digest").asText());
      manifest(repo, md);
      JsonNode manifest = JSON.readTree(store.read(md));
      layer(repo, Digest.parse(manifest.get("config").get("digest").asText()));
      for (JsonNode l : manifest.get("layers")) {
        layer(repo, Digest.parse(l.get("digest").asText()));
      }
    }
    for (String tag : tags) {
      Path t = repo.resolve("_manifests/tags").resolve(tag);
      link(t.resolve("index/sha256").resolve(index.hex()).resolve("link"), index);
      link(t.resolve("current/link"), index);
    }
  }

  private void manifest(Path repo, Digest d) throws IOException {
    data(d);
    link(repo.resolve("_manifests/revisions/sha256").resolve(d.hex()).resolve("link"), d);
  }

  private void layer(Path repo, Digest d) throws IOException {
    data(d);
    link(repo.resolve("_layers/sha256").resolve(d.hex()).resolve("link"), d);
  }

  private void data(Digest d) throws IOException {
    Path target = v2.resolve("blobs/sha256").resolve(d.hex().substring(0, 2)).resolve(d.hex()).resolve("data");
    if (Files.exists(target)) {
      return;
    }
    Files.createDirectories(target.getParent());
    try {
      Files.createLink(target, store.path(d));
    } catch (FileAlreadyExistsException e) {
      // seeded concurrently by another image sharing the blob
    } catch (IOException | UnsupportedOperationException e) {
      Path tmp = Files.createTempFile(target.getParent(), "data", ".part");
      Files.copy(store.path(d), tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  private static void link(Path file, Digest d) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), "link", ".part");
    Files.writeString(tmp, d.toString(), StandardCharsets.US_ASCII);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
