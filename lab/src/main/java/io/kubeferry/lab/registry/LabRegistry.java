package io.kubeferry.lab.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A real distribution registry ({@code docker-registry} 2.8) on loopback for tests, behind a counting, fault-injecting
 * {@link LabFront}. Clients talk to {@link #endpoint()}; the registry process itself is never exposed.
 *
 * <pre>{@code
 * try (LabRegistry reg = LabRegistry.start(Mode.TOKEN, Mode.REDIRECT)) {
 *   String ep = reg.endpoint();                 // "127.0.0.1:41235"
 *   Credentials c = reg.credentials();          // push/pull user (null for ANONYMOUS)
 *   reg.front().inject(FaultRule.cutAfter(RequestKind.BLOB_GET, 1000, 1));
 *   long blobs = reg.front().count(RequestKind.BLOB_GET);
 * }
 * }</pre>
 *
 * Thread-safe. {@link #close()} stops every server and the process and deletes the temporary storage.
 */
public final class LabRegistry implements AutoCloseable {
  private static final Set<LabRegistry> OPEN = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(OPEN).forEach(LabRegistry::close),
        "lab-registry-cleanup"));
  }

  /**
   * How to start a registry.
   *
   * @param modes at most one of ANONYMOUS/BASIC/TOKEN (none = anonymous), optionally REDIRECT
   * @param anonymousPull in TOKEN mode, whether the token server gives pull tokens without credentials (docker.io
   *     does); ignored otherwise
   */
  public record Options(Set<Mode> modes, boolean anonymousPull) {
    public Options {
      modes = modes.isEmpty() ? EnumSet.of(Mode.ANONYMOUS) : EnumSet.copyOf(modes);
      long auth = modes.stream().filter(m -> m != Mode.REDIRECT).count();
      if (auth > 1) {
        throw new IllegalArgumentException("a lab registry takes at most one of ANONYMOUS, BASIC, TOKEN (got "
            + modes + ")");
      }
    }

    /** The given modes with anonymous pulls allowed. */
    public static Options of(Mode... modes) {
      return new Options(modes.length == 0 ? EnumSet.noneOf(Mode.class) : EnumSet.of(modes[0], modes), true);
    }

    public Options withAnonymousPull(boolean allowed) {
      return new Options(modes, allowed);
    }

    boolean has(Mode m) {
      return modes.contains(m);
    }
  }

  private final Options options;
  private final Path workDir;
  private final Path storage;
  private final Credentials credentials;
  private final RequestLog log = new RequestLog();
  private final FaultInjector faults = new FaultInjector();
  private final java.util.Map<String, CachedToken> adminTokens = new ConcurrentHashMap<>();
  private RegistryProcess process;
  private TokenServer tokenServer;
  private BlobHost blobHost;
  private LabFront front;

  private LabRegistry(Options options, Path workDir) {
    this.options = options;
    this.workDir = workDir;
    this.storage = workDir.resolve("storage");
    boolean auth = options.has(Mode.BASIC) || options.has(Mode.TOKEN);
    this.credentials = auth ? new Credentials("lab-" + randomHex(4), randomHex(16)) : null;
  }

  /** Starts a registry in the given modes (none = ANONYMOUS). */
  public static LabRegistry start(Mode... modes) throws IOException {
    return start(Options.of(modes));
  }

  /** Starts a registry; throws IOException naming the cause (e.g. missing docker-registry binary). */
  public static LabRegistry start(Options options) throws IOException {
    Objects.requireNonNull(options, "options");
    LabRegistry r = new LabRegistry(options, Files.createTempDirectory("kubeferry-lab-registry-"));
    OPEN.add(r);
    try {
      r.startAll();
      return r;
    } catch (IOException | RuntimeException e) {
      r.close();
      throw e;
    }
  }

  private void startAll() throws IOException {
    Files.createDirectories(storage);
    RegistryProcess.AuthConfig auth = RegistryProcess.AuthConfig.none();
    if (options.has(Mode.BASIC)) {
      Path file = workDir.resolve("htpasswd");
      Files.writeString(file, Htpasswd.line(credentials));
      auth = RegistryProcess.AuthConfig.htpasswd(file);
    } else if (options.has(Mode.TOKEN)) {
      TokenSigner signer = TokenSigner.shared();
      Path bundle = workDir.resolve("token-ca.pem");
      Files.writeString(bundle, signer.certificatePem());
      tokenServer = new TokenServer(signer, credentials, options.anonymousPull(), log);
      auth = RegistryProcess.AuthConfig.token(tokenServer.realm(), TokenServer.SERVICE, TokenSigner.ISSUER, bundle);
    }
    process = RegistryProcess.start(workDir, storage, auth);
    if (options.has(Mode.REDIRECT)) {
      blobHost = new BlobHost(storage, log, faults);
    }
    front = new LabFront(process.uri(), blobHost, log, faults);
  }

  /** {@code 127.0.0.1:port} of the front, what an image reference or mirror config names. */
  public String endpoint() {
    return "127.0.0.1:" + front.port();
  }

  /** {@code http://127.0.0.1:port}. */
  public URI baseUri() {
    return URI.create("http://" + endpoint());
  }

  /** The user that may pull and push (BASIC, TOKEN); null for an anonymous registry. */
  public Credentials credentials() {
    return credentials;
  }

  public Options options() {
    return options;
  }

  /** The front: counters, request log and fault injection. */
  public LabFront front() {
    return front;
  }

  /** Shorthand for {@code front().count(kind)}. */
  public long count(RequestKind kind) {
    return front.count(kind);
  }

  /** The token realm URL in TOKEN mode, else null. */
  public URI tokenRealm() {
    return tokenServer == null ? null : tokenServer.realm();
  }

  /** {@code host:port} of the blob host in REDIRECT mode (differs from {@link #endpoint()}), else null. */
  public String blobHostAuthority() {
    return blobHost == null ? null : blobHost.authority();
  }

  /** The registry process itself, bypassing the front: for the lab's own pushes only (not counted, no faults). */
  URI backendUri() {
    return process.uri();
  }

  /**
   * An Authorization header value allowing pull and push on the repositories at the backend; null if none. Tokens
   * are cached for a few minutes: signing one per request made pushing the fixture set several times slower.
   */
  String adminAuthorization(String... repositories) throws IOException {
    if (options.has(Mode.BASIC)) {
      return credentials.basicAuthorization();
    }
    if (!options.has(Mode.TOKEN)) {
      return null;
    }
    String key = String.join(" ", repositories);
    long now = System.nanoTime();
    CachedToken cached = adminTokens.get(key);
    if (cached != null && cached.expiresNanos() > now) {
      return cached.header();
    }
    String header = "Bearer " + TokenSigner.shared().sign(TokenServer.SERVICE, credentials.username(),
        java.util.Arrays.stream(repositories)
            .map(r -> new TokenSigner.Access("repository", r, List.of("pull", "push"))).toList(), 600);
    adminTokens.put(key, new CachedToken(header, now + java.util.concurrent.TimeUnit.MINUTES.toNanos(5)));
    return header;
  }

  private record CachedToken(String header, long expiresNanos) {
  }

  /**
   * Uploads {@code bytes} as a blob of {@code repository}, straight to the registry (not counted, no faults), for
   * tests that craft their own images (a manifest for the wrong platform, say). Returns its digest.
   */
  public io.kubeferry.core.Digest putBlob(String repository, byte[] bytes) throws IOException {
    return new RegistryPusher(this, null).pushBytes(repository, bytes);
  }

  /**
   * Stores {@code bytes} byte-exact as a manifest or index under {@code reference} (a tag or its digest), straight to
   * the registry; referenced blobs and manifests must be there already. Returns the sha256 of the bytes.
   */
  public io.kubeferry.core.Digest putManifest(String repository, String reference, String mediaType, byte[] bytes)
      throws IOException {
    new RegistryPusher(this, null).putManifest(repository, reference, mediaType, bytes);
    return io.kubeferry.core.Digest.sha256Of(bytes);
  }

  /** The registry process's log so far (for diagnosing a failed test). */
  public String registryLog() {
    return process == null ? "" : process.logTail();
  }

  @Override
  public synchronized void close() {
    if (!OPEN.remove(this)) {
      return;
    }
    if (front != null) {
      front.close();
    }
    if (blobHost != null) {
      blobHost.close();
    }
    if (tokenServer != null) {
      tokenServer.close();
    }
    if (process != null) {
      process.close();
    }
    deleteTree(workDir);
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete lab registry directory " + dir + ": " + e.getMessage(), e);
    }
  }

  private static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  @Override
  public String toString() {
    return "LabRegistry[" + options.modes() + " at " + (front == null ? "?" : endpoint()) + "]";
  }
}
