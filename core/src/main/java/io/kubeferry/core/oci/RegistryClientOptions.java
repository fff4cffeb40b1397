package io.kubeferry.core.oci;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How a {@link RegistryClient} talks to registries. {@link #defaults()} gives anonymous access, TLS only (plus
 * loopback, which Docker also treats as insecure), five attempts with backoff, 10 s connect and 60 s response
 * timeouts.
 *
 * @param credentials credentials per host
 * @param insecureHosts hosts ({@code host:port}) reached over plain HTTP
 * @param retry retry policy
 * @param connectTimeout TCP connect timeout
 * @param responseTimeout time to wait for response headers, and for the next bytes of a body (a silent body is
 *     resumed like a cut one)
 * @param listener events
 */
public record RegistryClientOptions(CredentialStore credentials, Set<String> insecureHosts, RetryPolicy retry,
    Duration connectTimeout, Duration responseTimeout, RegistryListener listener) {
  public RegistryClientOptions {
    Objects.requireNonNull(credentials, "credentials");
    insecureHosts = Set.copyOf(insecureHosts);
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(responseTimeout, "responseTimeout");
    listener = listener == null ? RegistryListener.NONE : listener;
  }

  /** Anonymous, TLS, default retries and timeouts. */
  public static RegistryClientOptions defaults() {
    return new RegistryClientOptions(CredentialStore.anonymous(), Set.of(), RetryPolicy.defaults(),
        Duration.ofSeconds(10), Duration.ofSeconds(60), RegistryListener.NONE);
  }

  public RegistryClientOptions withCredentials(CredentialStore c) {
    return new RegistryClientOptions(c, insecureHosts, retry, connectTimeout, responseTimeout, listener);
  }

  public RegistryClientOptions withInsecureHosts(Set<String> hosts) {
    return new RegistryClientOptions(credentials, hosts, retry, connectTimeout, responseTimeout, listener);
  }

  public RegistryClientOptions withRetry(RetryPolicy r) {
    return new RegistryClientOptions(credentials, insecureHosts, r, connectTimeout, responseTimeout, listener);
  }

  public RegistryClientOptions withResponseTimeout(Duration t) {
    return new RegistryClientOptions(credentials, insecureHosts, retry, connectTimeout, t, listener);
  }

  public RegistryClientOptions withListener(RegistryListener l) {
    return new RegistryClientOptions(credentials, insecureHosts, retry, connectTimeout, responseTimeout, l);
  }

  /** Whether plain HTTP is allowed for this host: marked insecure, or a loopback address. */
  public boolean isInsecure(String host) {
    String h = host.replaceFirst(":[0-9]+$", "");
    return insecureHosts.contains(host) || insecureHosts.contains(h)
        || h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]");
  }
}
