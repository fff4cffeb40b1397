package io.kubeferry.bundler.image;

import io.kubeferry.core.Descriptor;
import io.kubeferry.core.Digest;
import io.kubeferry.core.ImageRef;
import io.kubeferry.core.Platform;
import io.kubeferry.core.oci.Manifest;
import io.kubeferry.core.oci.RegistryClient;
import io.kubeferry.core.oci.RegistryException;
import io.kubeferry.core.oci.RegistryException.Kind;
import io.kubeferry.core.oci.Remote;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code bundle lock}: resolves every image's tag with manifest requests only (no blob is downloaded) and writes
 * the digests into {@code images.lock}, replacing the entries of that version and those architectures.
 */
public final class ImageLocker {
  /**
   * Resolves and writes the lock described by {@code o} (its lock policy gives file and version key; the mode is
   * ignored).
   *
   * @return the lock as written
   * @throws ImagePullException naming every image that could not be resolved or lacks a wanted platform
   */
  public ImagesLock lock(PullOptions o) throws ImagePullException, InterruptedException, IOException {
    if (o.lock().file() == null) {
      throw new IllegalArgumentException("bundle lock needs a lock file and a version key");
    }
    RegistryClient client = new RegistryClient(o.client());
    ImagesLock lock = ImagesLock.read(o.lock().file());
    List<RegistryException> failures = new ArrayList<>();
    Map<Platform, Map<String, ImagesLock.Entry>> fresh = new TreeMap<>();
    for (ImageRef ref : o.images()) {
      try {
        Manifest top = resolve(client, o, ref);
        for (Platform p : o.platforms()) {
          Map<String, Digest> platforms = new TreeMap<>();
          if (top.isIndex()) {
            Descriptor child = top.children().stream()
                .filter(c -> c.platform() != null && c.platform().satisfies(p)).findFirst()
                .orElseThrow(() -> new RegistryException(Kind.WRONG_PLATFORM, ref.toString(),
                    "could not lock: no " + p + " manifest in index " + top.digest()));
            platforms.put(child.platform().toString(), child.digest());
          } else {
            platforms.put(p.toString(), top.digest());
          }
          fresh.computeIfAbsent(p, k -> new TreeMap<>()).put(ref.toString(),
              new ImagesLock.Entry(top.digest(), platforms, null));
        }
      } catch (RegistryException e) {
        failures.add(e);
      }
    }
    if (!failures.isEmpty()) {
      throw ImagePullException.of("lock", o.images().size(), failures);
    }
    for (Platform p : o.platforms()) {
      lock.clear(o.lock().version(), p.architecture());
      fresh.getOrDefault(p, Map.of()).forEach((ref, e) -> lock.put(o.lock().version(), p.architecture(), ref, e));
    }
    lock.write(o.lock().file());
    return lock;
  }

  /** The manifest a tag resolves to, trying the endpoints in order. */
  static Manifest resolve(RegistryClient client, PullOptions o, ImageRef ref)
      throws RegistryException, InterruptedException {
    RegistryException last = null;
    for (Remote r : o.sources().candidates(ref, client)) {
      try {
        return client.manifest(r, ref.reference(), ref.toString());
      } catch (RegistryException e) {
        if (e.isIntegrityFailure()) {
          throw e;
        }
        last = e;
      }
    }
    throw last != null ? last
        : new RegistryException(Kind.NOT_FOUND, ref.toString(), "could not resolve: no endpoint for its registry");
  }
}
