package io.kubeferry.core.oci;

import io.kubeferry.core.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials per registry host: explicit ones (flags) first, then {@code ~/.docker/config.json} {@code auths}
 * entries with a base64 {@code auth} field. Credential helpers are not run. Immutable, thread-safe.
 */
public final class CredentialStore {
  private final Map<String, Credentials> byHost;

  private CredentialStore(Map<String, Credentials> byHost) {
    this.byHost = Map.copyOf(byHost);
  }

  /** No credentials: anonymous access only. */
  public static CredentialStore anonymous() {
    return new CredentialStore(Map.of());
  }

  /** Explicit credentials by registry host ({@code host[:port]}). */
  public static CredentialStore of(Map<String, Credentials> byHost) {
    return new CredentialStore(byHost);
  }

  /**
   * Reads a Docker {@code config.json}; a missing file gives an empty store.
   *
   * @throws IOException when the file exists but cannot be read or parsed (the message names the file)
   */
  public static CredentialStore fromDockerConfig(Path configJson) throws IOException {
    Map<String, Credentials> out = new LinkedHashMap<>();
    if (!Files.isRegularFile(configJson)) {
      return new CredentialStore(out);
    }
    try {
      Object doc = Json.parse(Files.readAllBytes(configJson));
      if (doc instanceof Map<?, ?> m && m.get("auths") instanceof Map<?, ?> auths) {
        for (Map.Entry<?, ?> e : auths.entrySet()) {
          if (e.getValue() instanceof Map<?, ?> entry && entry.get("auth") instanceof String auth) {
            String plain = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            if (colon > 0) {
              out.put(hostOf(String.valueOf(e.getKey())),
                  new Credentials(plain.substring(0, colon), plain.substring(colon + 1)));
            }
          }
        }
      }
    } catch (IllegalArgumentException e) {
      throw new IOException("could not read registry credentials: " + e.getMessage() + " (file " + configJson + ")");
    }
    return new CredentialStore(out);
  }

  /** The default Docker config: {@code $DOCKER_CONFIG/config.json} or {@code ~/.docker/config.json}. */
  public static Path defaultDockerConfig() {
    String dir = System.getenv("DOCKER_CONFIG");
    return dir != null ? Path.of(dir, "config.json") : Path.of(System.getProperty("user.home"), ".docker", "config.json");
  }

  /** This store with {@code other}'s entries taking precedence. */
  public CredentialStore overriddenBy(CredentialStore other) {
    Map<String, Credentials> all = new LinkedHashMap<>(byHost);
    all.putAll(other.byHost);
    return new CredentialStore(all);
  }

  /** Credentials for a registry host, if any. */
  public Optional<Credentials> forHost(String host) {
    Credentials c = byHost.get(host);
    if (c == null && host.equals("docker.io")) {
      c = byHost.get("index.docker.io");
    }
    if (c == null && (host.equals("registry-1.docker.io") || host.equals("index.docker.io"))) {
      c = byHost.get("docker.io");
    }
    return Optional.ofNullable(c);
  }

  private static String hostOf(String key) {
    String k = key.replaceFirst("^https?://", "");
    int slash = k.indexOf('/');
    return slash >= 0 ? k.substring(0, slash) : k;
  }
}
