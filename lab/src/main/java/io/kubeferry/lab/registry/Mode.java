package io.kubeferry.lab.registry;

/**
 * How a {@link LabRegistry} behaves towards clients. {@link #ANONYMOUS}, {@link #BASIC} and {@link #TOKEN} choose the
 * authentication (at most one of them; none means anonymous); {@link #REDIRECT} can be added to any of them.
 */
public enum Mode {
  /** No authentication at all. */
  ANONYMOUS,
  /** HTTP basic authentication checked by the registry against a generated bcrypt htpasswd file. */
  BASIC,
  /**
   * The docker.io bearer token flow: the registry answers 401 with {@code WWW-Authenticate: Bearer realm=...}, a lab
   * token server issues ES256 JWTs the registry trusts. Anonymous pulls get a pull-only token unless disabled in
   * {@link LabRegistry.Options}; {@link LabRegistry#credentials()} get pull and push.
   */
  TOKEN,
  /**
   * Blob GETs are answered by the front with a 307 or a 302 (alternating) to a second listener
   * on another host:port that serves the bytes and refuses any request carrying {@code Authorization}, like
   * registry.k8s.io redirecting to object storage.
   */
  REDIRECT
}
