package io.kubeferry.core.oci;

import io.kubeferry.core.Descriptor;
import io.kubeferry.core.Digest;
import io.kubeferry.core.MediaTypes;
import io.kubeferry.core.Platform;
import io.kubeferry.core.oci.RegistryException.Kind;
import io.kubeferry.core.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pulls images into an {@link OciLayout}: resolves each image's manifest (trying mirror endpoints in order),
 * selects platforms from an index, and downloads blobs on a bounded pool, each blob once across all images, via
 * the content-addressed cache when one is given (a blob in the cache is never downloaded again). An image enters
 * {@code index.json} only after all its blobs are stored. Thread-safe; close it to stop the pool.
 */
public final class PullSession implements AutoCloseable {
  private final RegistryClient client;
  private final OciLayout layout;
  private final BlobStore cache;
  private final PullListener listener;
  private final ExecutorService pool;
  private final Map<Digest, CompletableFuture<Boolean>> inflight = new ConcurrentHashMap<>();

  /**
   * @param cache download cache, or null to download straight into the layout
   * @param parallelism maximum simultaneous blob downloads
   */
  public PullSession(RegistryClient client, OciLayout layout, BlobStore cache, int parallelism, PullListener listener) {
    this.client = client;
    this.layout = layout;
    this.cache = cache;
    this.listener = listener == null ? PullListener.NONE : listener;
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(Math.max(1, parallelism), r -> {
      Thread t = new Thread(r, "kubeferry-blob-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Resolves an image's manifests now and schedules its blobs. The returned future completes when the image is
   * in {@code index.json}, or fails with a {@link CompletionException} wrapping a {@link RegistryException}.
   *
   * @param image canonical reference, used as the layout key and in errors
   * @param candidates endpoints to try in order (mirrors first, then the upstream)
   * @param reference tag or digest to ask for
   * @param platforms platforms to keep from an index; empty keeps all
   * @param refName the layout's {@code org.opencontainers.image.ref.name}
   */
  public CompletableFuture<PulledImage> pull(String image, List<Remote> candidates, String reference,
      Set<Platform> platforms, String refName) throws RegistryException, InterruptedException {
    Remote remote = null;
    Manifest top = null;
    List<RegistryException> failures = new ArrayList<>();
    for (Remote r : candidates) {
      try {
        top = client.manifest(r, reference, image);
        remote = r;
        break;
      } catch (RegistryException e) {
        if (e.isIntegrityFailure()) {
          throw e;
        }
        failures.add(e);
      }
    }
    if (top == null) {
      throw combined(image, failures);
    }
    Map<Platform, Manifest> images = selectPlatforms(image, remote, top, platforms);
    List<CompletableFuture<Boolean>> blobs = new ArrayList<>();
    AtomicLong bytes = new AtomicLong();
    AtomicInteger count = new AtomicInteger();
    long total = 0;
    Map<Platform, Digest> digests = new LinkedHashMap<>();
    for (Map.Entry<Platform, Manifest> e : images.entrySet()) {
      Manifest m = e.getValue();
      total += m.blobs().stream().mapToLong(Descriptor::size).sum();
      Platform actual = checkPlatform(image, remote, m, e.getKey(), platforms);
      digests.put(e.getKey() != null ? e.getKey() : actual, m.digest());
      for (Descriptor layer : m.layers()) {
        blobs.add(blob(image, remote, layer, bytes, count));
      }
    }
    listener.imageResolved(image, remote.toString(), total);
    // Every blob the image reaches in the layout: config and layers, each platform manifest, and the index itself.
    Map<Digest, Long> reached = new HashMap<>();
    reached.put(top.digest(), (long) top.raw().length);
    for (Manifest m : images.values()) {
      reached.put(m.digest(), (long) m.raw().length);
      m.blobs().forEach(b -> reached.put(b.digest(), b.size()));
    }
    long size = reached.values().stream().mapToLong(Long::longValue).sum();
    final Remote served = remote;
    final Manifest topFinal = top;
    return CompletableFuture.allOf(blobs.toArray(CompletableFuture[]::new)).thenApplyAsync(v -> {
      try {
        for (Manifest m : images.values()) {
          layout.putManifest(m);
        }
        layout.putManifest(topFinal);
        layout.addImage(image, refName, topFinal.descriptor());
      } catch (IOException ex) {
        throw new CompletionException(new RegistryException(Kind.LOCAL_STORAGE, image,
            "could not write image to " + layout.dir() + ": " + ex.getMessage(), ex));
      }
      PulledImage done = new PulledImage(image, served.toString(), topFinal.mediaType(), topFinal.digest(), digests,
          size, bytes.get(), count.get());
      listener.imageDone(done);
      return done;
    }, pool);
  }

  private Map<Platform, Manifest> selectPlatforms(String image, Remote r, Manifest top, Set<Platform> wanted)
      throws RegistryException, InterruptedException {
    Map<Platform, Manifest> out = new LinkedHashMap<>();
    if (!top.isIndex()) {
      out.put(null, top);
      return out;
    }
    List<Descriptor> children = top.children().stream()
        .filter(c -> MediaTypes.isImageManifest(c.mediaType()) && c.platform() != null
            && !c.platform().architecture().equals("unknown"))
        .toList();
    List<Descriptor> chosen = new ArrayList<>();
    if (wanted.isEmpty()) {
      chosen.addAll(children);
    } else {
      for (Platform p : wanted.stream().sorted().toList()) {
        Descriptor c = children.stream().filter(ch -> ch.platform().satisfies(p)).findFirst().orElseThrow(() ->
            new RegistryException(Kind.WRONG_PLATFORM, image, "could not pull: no " + p + " manifest in the index "
                + top.digest() + " (it has " + children.stream().map(ch -> ch.platform().toString()).toList() + ")"));
        chosen.add(c);
      }
    }
    for (Descriptor c : chosen) {
      Manifest m = client.manifest(r, c.digest().toString(), image);
      out.put(c.platform(), m);
    }
    return out;
  }

  /** Fetches the (small) config now and checks it describes the platform the index or the user asked for. */
  private Platform checkPlatform(String image, Remote r, Manifest m, Platform declared, Set<Platform> wanted)
      throws RegistryException, InterruptedException {
    Descriptor config = m.config();
    // Fetched on this thread, not queued behind other images' big layers in the pool: resolution stays fast.
    join(blobNow(image, r, config));
    Object doc;
    try {
      doc = Json.parse(Files.readAllBytes(layout.blobs().path(config.digest())));
    } catch (IOException | IllegalArgumentException e) {
      throw new RegistryException(Kind.PROTOCOL, image, "could not read image config " + config.digest() + ": "
          + e.getMessage());
    }
    if (!(doc instanceof Map<?, ?> c) || !(c.get("architecture") instanceof String arch)) {
      return declared != null ? declared : new Platform("unknown", "unknown", null);
    }
    Platform actual = new Platform(String.valueOf(c.get("os")), Platform.parse(arch).architecture(),
        c.get("variant") instanceof String v && !v.isEmpty() ? v : null);
    boolean ok = declared != null ? actual.architecture().equals(declared.architecture())
        : wanted.isEmpty() || wanted.stream().anyMatch(actual::satisfies);
    if (!ok) {
      throw new RegistryException(Kind.WRONG_PLATFORM, image, "could not pull: manifest " + m.digest() + " is for "
          + actual + " but " + (declared != null ? declared : wanted) + " was wanted");
    }
    return actual;
  }

  private CompletableFuture<Boolean> blob(String image, Remote r, Descriptor d, AtomicLong bytes, AtomicInteger count) {
    return inflight.computeIfAbsent(d.digest(), k -> CompletableFuture.supplyAsync(() -> {
      try {
        boolean downloaded = store(image, r, d);
        if (downloaded) {
          bytes.addAndGet(d.size());
          count.incrementAndGet();
        }
        listener.blobStored(image, d, downloaded);
        return downloaded;
      } catch (RegistryException e) {
        throw new CompletionException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CompletionException(e);
      }
    }, pool));
  }

  /** Like {@link #blob} but runs the download on the calling thread (still once per digest). */
  private CompletableFuture<Boolean> blobNow(String image, Remote r, Descriptor d) throws InterruptedException {
    CompletableFuture<Boolean> mine = new CompletableFuture<>();
    CompletableFuture<Boolean> existing = inflight.putIfAbsent(d.digest(), mine);
    if (existing != null) {
      return existing;
    }
    try {
      boolean downloaded = store(image, r, d);
      listener.blobStored(image, d, downloaded);
      mine.complete(downloaded);
    } catch (RegistryException e) {
      mine.completeExceptionally(e);
    }
    return mine;
  }

  private boolean store(String image, Remote r, Descriptor d) throws RegistryException, InterruptedException {
    try {
      if (layout.blobs().has(d)) {
        return false;
      }
      if (cache != null && cache.has(d)) {
        layout.blobs().importFrom(cache, d);
        return false;
      }
      BlobStore target = cache != null ? cache : layout.blobs();
      Path tmp = target.newTemp(d.digest());
      try {
        client.downloadBlob(r, d, tmp, image, n -> listener.bytesDownloaded(image, n));
        target.commit(tmp, d.digest());
      } finally {
        Files.deleteIfExists(tmp);
      }
      if (cache != null) {
        layout.blobs().importFrom(cache, d);
      }
      return true;
    } catch (IOException e) {
      throw new RegistryException(Kind.LOCAL_STORAGE, image, "could not store blob " + d.digest() + ": " + e.getMessage(), e);
    }
  }

  /** Waits for a future from {@link #pull}, unwrapping its {@link RegistryException}. */
  public static <T> T join(CompletableFuture<T> f) throws RegistryException, InterruptedException {
    try {
      return f.join();
    } catch (CompletionException e) {
      Throwable c = e.getCause();
      if (c instanceof RegistryException re) {
        throw re;
      }
      if (c instanceof InterruptedException ie) {
        throw ie;
      }
      throw e;
    }
  }

  private static RegistryException combined(String image, List<RegistryException> failures) {
    if (failures.isEmpty()) {
      return new RegistryException(Kind.NOT_FOUND, image, "could not pull: no endpoint configured for its registry"
          + " (add a mirror mapping or allow the upstream)");
    }
    if (failures.size() == 1) {
      return failures.get(0);
    }
    StringBuilder b = new StringBuilder("could not pull manifest from any source:");
    for (RegistryException e : failures) {
      b.append(' ').append(e.getMessage().replace(" (image " + image + ")", "")).append(';');
    }
    RegistryException out = new RegistryException(failures.get(failures.size() - 1).kind(), image,
        b.substring(0, b.length() - 1));
    failures.forEach(out::addSuppressed);
    return out;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
