package io.kubeferry.bundler.image;

import io.kubeferry.bundler.image.PullOptions.LockPolicy;
import io.kubeferry.core.Digest;
import io.kubeferry.core.ImageRef;
import io.kubeferry.core.Platform;
import io.kubeferry.core.oci.BlobStore;
import io.kubeferry.core.oci.OciLayout;
import io.kubeferry.core.oci.PullSession;
import io.kubeferry.core.oci.PulledImage;
import io.kubeferry.core.oci.RegistryClient;
import io.kubeferry.core.oci.RegistryException;
import io.kubeferry.core.oci.RegistryException.Kind;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The image part of {@code bundle build}: pulls a set of images by canonical name into an OCI layout (through the
 * cache, trying mirrors in order), checking or updating {@code images.lock}. All failures are reported together.
 * Stateless; each call is independent.
 */
public final class ImagePuller {
  /**
   * Pulls every image of {@code o}.
   *
   * @throws ImagePullException naming each image that failed or drifted from the lock
   */
  public PullResult pull(PullOptions o) throws ImagePullException, InterruptedException, IOException {
    long start = System.nanoTime();
    RegistryClient client = new RegistryClient(o.client());
    Map<ImageRef, String> references = new LinkedHashMap<>();
    o.images().forEach(i -> references.put(i, i.reference()));
    ImagesLock lock = o.lock().mode() == LockPolicy.Mode.NONE ? null : ImagesLock.read(o.lock().file());
    if (o.lock().mode() == LockPolicy.Mode.VERIFY) {
      verifyLock(client, o, lock, references);
    }
    OciLayout layout = OciLayout.open(o.layout());
    BlobStore cache = o.cache() == null ? null : new BlobStore(o.cache());
    List<RegistryException> failures = new ArrayList<>();
    Map<ImageRef, CompletableFuture<PulledImage>> pending = new LinkedHashMap<>();
    try (PullSession session = new PullSession(client, layout, cache, o.parallelism(), o.listener())) {
      for (ImageRef ref : o.images()) {
        try {
          pending.put(ref, session.pull(ref.toString(), o.sources().candidates(ref, client), references.get(ref),
              o.platforms(), ref.toString()));
        } catch (RegistryException e) {
          failures.add(e);
        }
      }
      List<PulledImage> done = new ArrayList<>();
      for (CompletableFuture<PulledImage> f : pending.values()) {
        try {
          done.add(PullSession.join(f));
        } catch (RegistryException e) {
          failures.add(e);
        }
      }
      if (!failures.isEmpty()) {
        throw ImagePullException.of("pull", o.images().size(), failures);
      }
      if (o.lock().mode() == LockPolicy.Mode.UPDATE) {
        update(lock, o, done);
        lock.write(o.lock().file());
      }
      return new PullResult(o.layout(), done, done.stream().mapToLong(PulledImage::bytesDownloaded).sum(),
          done.stream().mapToInt(PulledImage::blobsDownloaded).sum(), Duration.ofNanos(System.nanoTime() - start));
    }
  }

  /**
   * Resolves every tag (manifest requests only, no blob) and compares with the lock; on success the pull uses the
   * locked digests so a tag moving mid-build cannot slip in.
   */
  private static void verifyLock(RegistryClient client, PullOptions o, ImagesLock lock, Map<ImageRef, String> refs)
      throws ImagePullException, InterruptedException {
    List<RegistryException> drift = new ArrayList<>();
    for (ImageRef ref : o.images()) {
      Digest locked = null;
      for (Platform p : o.platforms()) {
        ImagesLock.Entry e = lock.entries(o.lock().version(), p.architecture()).get(ref.toString());
        if (e == null || e.digest() == null) {
          drift.add(new RegistryException(Kind.LOCK_DRIFT, ref.toString(), "could not verify against "
              + o.lock().file() + ": no locked digest for " + o.lock().version() + "/" + p.architecture()
              + " (run with --update-lock)"));
          locked = null;
          break;
        }
        locked = e.digest();
      }
      if (locked == null) {
        continue;
      }
      try {
        Digest served = ImageLocker.resolve(client, o, ref).digest();
        if (!served.equals(locked)) {
          drift.add(new RegistryException(Kind.LOCK_DRIFT, ref.toString(), "image drifted from the lock: "
              + ref.reference() + " now resolves to " + served + ", locked " + locked));
        } else {
          refs.put(ref, locked.toString());
        }
      } catch (RegistryException e) {
        drift.add(e);
      }
    }
    if (!drift.isEmpty()) {
      throw ImagePullException.of("verify", o.images().size(), drift);
    }
  }

  private static void update(ImagesLock lock, PullOptions o, List<PulledImage> done) {
    for (Platform p : o.platforms()) {
      lock.clear(o.lock().version(), p.architecture());
      for (PulledImage img : done) {
        Map<String, Digest> platforms = new TreeMap<>();
        img.platforms().forEach((pl, d) -> {
          if (pl.satisfies(p) || pl.architecture().equals(p.architecture())) {
            platforms.put(pl.toString(), d);
          }
        });
        lock.put(o.lock().version(), p.architecture(), img.image(), new ImagesLock.Entry(img.digest(), platforms, null));
      }
    }
  }
}
