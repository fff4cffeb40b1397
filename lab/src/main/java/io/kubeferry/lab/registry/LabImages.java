package io.kubeferry.lab.registry;

import io.kubeferry.core.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The fixture image set a Kubernetes 1.23.1 bundle needs, built in code (jib-core) and pushed to lab registries that
 * stand in for {@code k8s.gcr.io} and {@code docker.io}.
 *
 * <p>Images (all linux/amd64 + linux/arm64/v8): {@code k8s.gcr.io/}kube-apiserver, kube-controller-manager,
 * kube-scheduler, kube-proxy {@code :v1.23.1}, etcd {@code :3.5.1-0} (Docker manifest lists), pause {@code :3.6},
 * coredns/coredns {@code :v1.8.6} (OCI indexes); {@code docker.io/}calico/{cni,node,
 * kube-controllers} {@code :v3.24.6}, osixia/keepalived {@code :2.0.20} (Docker), library/haproxy {@code :2.8},
 * library/registry {@code :2} and {@code :2.8.3} (OCI). The lab repository path equals the upstream path.
 *
 * <p>Builds are deterministic (same inputs, same digests) and cached per image under {@link #defaultCacheDir()}.
 * Instances are thread-safe.
 */
public final class LabImages {
  /** Bump when the recipe changes so cached builds are not reused. */
  private static final String RECIPE = "kubeferry-lab-fixtures-1 jib-core-0.28.1";
  public static final String K8S_GCR = "k8s.gcr.io";
  public static final String DOCKER_IO = "docker.io";
  public static final String QUAY_IO = "quay.io";
  /** The add-on fixtures ({@link #addons()}): a Deployment's image on docker.io, a DaemonSet's on quay.io. */
  public static final String NGINX = "docker.io/library/nginx:1.25.3";
  public static final String NODE_EXPORTER = "quay.io/prometheus/node-exporter:v1.7.0";
  public static final String CALICO_TAG = "v3.24.6";

  private final List<FixtureImage> images;
  private final long fillerBytes;
  private final Path cacheDir;
  private final Map<String, LabRegistry> pushedTo = new HashMap<>();

  private LabImages(List<FixtureImage> images, long fillerBytes, Path cacheDir) {
    this.images = List.copyOf(images);
    this.fillerBytes = fillerBytes;
    this.cacheDir = cacheDir;
  }

  /** The 1.23.1 set, unscaled, cached in {@link #defaultCacheDir()}. */
  public static LabImages k8s1231() {
    return new LabImages(catalog(), 0, defaultCacheDir());
  }

  /**
   * Images an operator carries as add-ons beyond the cluster (issue 16): {@value #NGINX} (OCI index, for a
   * Deployment) and {@value #NODE_EXPORTER} (Docker manifest list, for a DaemonSet); both share the fixtures' base
   * layer, as real images share their distribution's.
   */
  public static LabImages addons() {
    return new LabImages(List.of(
        new FixtureImage(DOCKER_IO, "library/nginx", List.of("1.25.3"), IndexFormat.OCI,
            FixtureImage.Payload.TEST_DOUBLE),
        new FixtureImage(QUAY_IO, "prometheus/node-exporter", List.of("v1.7.0"), IndexFormat.DOCKER,
            FixtureImage.Payload.TEST_DOUBLE)), 0, defaultCacheDir());
  }

  /** {@code registry-fixtures} under {@code $KUBEFERRY_LAB_CACHE}, else under {@code ~/.cache/kubeferry-lab}. */
  public static Path defaultCacheDir() {
    String env = System.getenv("KUBEFERRY_LAB_CACHE");
    Path root = env != null && !env.isBlank() ? Path.of(env)
        : Path.of(System.getProperty("user.home"), ".cache", "kubeferry-lab");
    return root.resolve("registry-fixtures");
  }

  /**
   * The same set plus seeded incompressible filler layers totalling about {@code totalBytes} (one layer per image
   * and platform), e.g. {@code 1L << 30} for the images benchmark. 0 = none.
   */
  public LabImages withFiller(long totalBytes) {
    if (totalBytes < 0) {
      throw new IllegalArgumentException("filler bytes must be >= 0, got " + totalBytes);
    }
    return new LabImages(images, totalBytes, cacheDir);
  }

  /** The same set cached in another directory (a fresh one forces a cold build). */
  public LabImages withCacheDir(Path dir) {
    return new LabImages(images, fillerBytes, Objects.requireNonNull(dir));
  }

  public List<FixtureImage> images() {
    return images;
  }

  /** Every canonical reference → its fixture (an image with two tags appears twice). */
  public Map<String, FixtureImage> byCanonicalRef() {
    Map<String, FixtureImage> m = new LinkedHashMap<>();
    images.forEach(i -> i.canonicalRefs().forEach(r -> m.put(r, i)));
    return m;
  }

  /** Builds (or takes from the cache) every image; canonical ref → index digest. */
  public synchronized Map<String, Digest> build() throws IOException {
    Map<String, Digest> out = new LinkedHashMap<>();
    for (FixtureImage i : images) {
      Digest d = buildOne(i, 0).index();
      i.canonicalRefs().forEach(r -> out.put(r, d));
    }
    return out;
  }

  /** Sum of the sizes of the distinct blobs (layers, configs, manifests, indexes) of the built set. */
  public synchronized long totalBytes() throws IOException {
    BlobStore store = store();
    Set<Digest> seen = new LinkedHashSet<>();
    for (FixtureImage i : images) {
      seen.addAll(BlobWalk.closure(store, buildOne(i, 0).index()));
    }
    long total = 0;
    for (Digest d : seen) {
      total += store.size(d);
    }
    return total;
  }

  /**
   * Builds the set and puts k8s.gcr.io images into {@code k8sGcr} and docker.io images into {@code dockerIo} (may be
   * the same registry); returns canonical ref → what was pushed. The images are seeded into the registries' storage
   * directly (milliseconds, even for the 1 GiB set); {@link #repush} goes through the registry's HTTP API.
   */
  public synchronized Map<String, PushedImage> pushAll(LabRegistry k8sGcr, LabRegistry dockerIo) throws IOException {
    return pushAll(Map.of(K8S_GCR, k8sGcr, DOCKER_IO, dockerIo));
  }

  /** As {@link #pushAll(LabRegistry, LabRegistry)}, each image to the registry standing in for its upstream host. */
  public synchronized Map<String, PushedImage> pushAll(Map<String, LabRegistry> byHost) throws IOException {
    Map<FixtureImage, FixtureBuilder.Built> built = new LinkedHashMap<>();
    for (FixtureImage i : images) {
      if (!byHost.containsKey(i.upstreamHost())) {
        throw new IllegalArgumentException("no lab registry stands in for " + i.upstreamHost() + " (image "
            + i.canonicalRef() + ")");
      }
      built.put(i, buildOne(i, 0));
    }
    Map<String, PushedImage> out = new LinkedHashMap<>();
    for (FixtureImage i : images) {
      LabRegistry target = byHost.get(i.upstreamHost());
      Digest index = built.get(i).index();
      new StorageSeeder(target.storage(), store()).seed(i.repository(), i.tags(), index);
      Map<String, Digest> platforms = BlobWalk.platforms(store(), index);
      for (String tag : i.tags()) {
        out.put(i.canonicalRef(tag), pushed(i, tag, target, index, platforms));
        pushedTo.put(i.canonicalRef(tag), target);
      }
    }
    return out;
  }

  /**
   * Changes what one tag points at, for lock-drift tests: builds variant {@code variant} of the image (variant 0 is
   * the original, any other adds a small marker layer) and pushes it under {@code canonicalRef}'s tag to the
   * registry {@link #pushAll} used.
   */
  public synchronized PushedImage repush(String canonicalRef, int variant) throws IOException {
    FixtureImage image = byCanonicalRef().get(canonicalRef);
    LabRegistry target = pushedTo.get(canonicalRef);
    if (image == null || target == null) {
      throw new IllegalArgumentException("cannot repush " + canonicalRef + ": not a pushed fixture (known: "
          + byCanonicalRef().keySet() + ")");
    }
    String tag = canonicalRef.substring(canonicalRef.lastIndexOf(':') + 1);
    FixtureBuilder.Built b = buildOne(image, variant);
    Map<String, Digest> platforms = new RegistryPusher(target, store()).push(image.repository(), List.of(tag),
        b.index());
    return pushed(image, tag, target, b.index(), platforms);
  }

  private static PushedImage pushed(FixtureImage i, String tag, LabRegistry target, Digest index,
      Map<String, Digest> platforms) {
    return new PushedImage(i, i.canonicalRef(tag), target.endpoint() + "/" + i.repository() + ":" + tag, index,
        i.format().indexMediaType(), platforms);
  }

  private BlobStore store() {
    return new BlobStore(cacheDir);
  }

  /** Takes the image from the per-image cache entry, or builds it and records the entry atomically. */
  private FixtureBuilder.Built buildOne(FixtureImage image, int variant) throws IOException {
    long perPlatform = fillerBytes == 0 ? 0
        : (fillerBytes + images.size() * 2L - 1) / (images.size() * 2L);
    String key = cacheKey(image, variant, perPlatform);
    Path entry = cacheDir.resolve("images").resolve(key);
    BlobStore store = store();
    if (Files.isRegularFile(entry)) {
      Digest index = Digest.parse(Files.readString(entry, StandardCharsets.UTF_8).trim());
      if (store.has(index) && BlobWalk.closure(store, index).stream().allMatch(store::has)) {
        return new FixtureBuilder.Built(index, BlobWalk.platforms(store, index));
      }
    }
    FixtureBuilder.Built built = new FixtureBuilder(store, cacheDir.resolve("jib"), cacheDir.resolve("tmp"))
        .build(image, variant, perPlatform);
    Files.createDirectories(entry.getParent());
    Path tmp = Files.createTempFile(entry.getParent(), key, ".part");
    Files.writeString(tmp, built.index() + "\n", StandardCharsets.UTF_8);
    try {
      Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING);
    }
    return built;
  }

  private static String cacheKey(FixtureImage image, int variant, long perPlatform) throws IOException {
    StringBuilder b = new StringBuilder(RECIPE).append('\n').append(image).append('\n').append(variant)
        .append('\n').append(perPlatform).append('\n');
    // The real binaries are inputs too: a Debian package update must rebuild the images that carry them.
    for (Path p : switch (image.payload()) {
      case REGISTRY -> List.of(FixtureLayers.REGISTRY_BINARY, FixtureLayers.GLIBC.get(0), FixtureLayers.GLIBC.get(1));
      case ETCD -> List.of(FixtureLayers.ETCD_BINARY, FixtureLayers.ETCDCTL_BINARY, FixtureLayers.GLIBC.get(0),
          FixtureLayers.GLIBC.get(1));
      case TEST_DOUBLE -> List.<Path>of();
    }) {
      FixtureLayers.requireBinary(p);
      Path real = p.toRealPath();
      b.append(p).append(' ').append(real).append(' ').append(Files.size(real)).append(' ')
          .append(Files.getLastModifiedTime(real)).append('\n');
    }
    return Digest.sha256Of(b.toString().getBytes(StandardCharsets.UTF_8)).hex();
  }

  private static List<FixtureImage> catalog() {
    IndexFormat docker = IndexFormat.DOCKER;
    IndexFormat oci = IndexFormat.OCI;
    FixtureImage.Payload td = FixtureImage.Payload.TEST_DOUBLE;
    List<FixtureImage> l = new ArrayList<>();
    for (String c : List.of("kube-apiserver", "kube-controller-manager", "kube-scheduler", "kube-proxy")) {
      l.add(new FixtureImage(K8S_GCR, c, List.of("v1.23.1"), docker, td));
    }
    l.add(new FixtureImage(K8S_GCR, "pause", List.of("3.6"), oci, td));
    l.add(new FixtureImage(K8S_GCR, "etcd", List.of("3.5.1-0"), docker, FixtureImage.Payload.ETCD));
    l.add(new FixtureImage(K8S_GCR, "coredns/coredns", List.of("v1.8.6"), oci, td));
    for (String c : List.of("cni", "node", "kube-controllers")) {
      l.add(new FixtureImage(DOCKER_IO, "calico/" + c, List.of(CALICO_TAG), docker, td));
    }
    l.add(new FixtureImage(DOCKER_IO, "library/haproxy", List.of("2.8"), oci, td));
    l.add(new FixtureImage(DOCKER_IO, "osixia/keepalived", List.of("2.0.20"), docker, td));
    l.add(new FixtureImage(DOCKER_IO, "library/registry", List.of("2", "2.8.3"), oci,
        FixtureImage.Payload.REGISTRY));
    return l;
  }
}
