package io.kubeferry.cli.image;

import io.kubeferry.core.oci.CredentialStore;
import io.kubeferry.core.oci.Credentials;
import io.kubeferry.core.oci.MirrorRule;
import io.kubeferry.core.oci.RegistryClientOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/** Registry access options shared by the image commands: insecure endpoints, mirror mappings, credentials, cache. */
public final class RegistryOptions {
  @Option(names = "--insecure-registry", paramLabel = "HOST:PORT", split = ",",
      description = "Registry reached over plain HTTP (lab or loopback only). Repeatable.")
  List<String> insecure = new ArrayList<>();

  @Option(names = "--mirror-map", paramLabel = "CANONICAL=ENDPOINT[/PREFIX]",
      description = "Pull images of CANONICAL registry from ENDPOINT instead (tried before the upstream). Repeatable.")
  List<String> mirrorMaps = new ArrayList<>();

  @Option(names = "--mirrors-only", description = "Never fall back to the upstream registries.")
  boolean mirrorsOnly;

  @Option(names = "--creds", paramLabel = "HOST=USER:PASSWORD",
      description = "Credentials for a registry host (also read from ~/.docker/config.json). Repeatable.")
  List<String> creds = new ArrayList<>();

  @Option(names = "--cache", paramLabel = "DIR", description = "Blob cache (default: ~/.cache/kubeferry).")
  Path cache;

  @Option(names = "--no-cache", description = "Download straight into the destination, without a cache.")
  boolean noCache;

  @Option(names = "--parallel", defaultValue = "4", description = "Simultaneous blob downloads (default: ${DEFAULT-VALUE}).")
  public int parallel;

  /** The client options these flags describe; credentials from flags override the Docker config. */
  public RegistryClientOptions clientOptions() throws IOException {
    Map<String, Credentials> explicit = new HashMap<>();
    for (String c : creds) {
      int eq = c.indexOf('=');
      int colon = c.indexOf(':', eq + 1);
      if (eq <= 0 || colon < 0) {
        throw new IllegalArgumentException("invalid --creds value for '" + (eq > 0 ? c.substring(0, eq) : "?")
            + "' (expected HOST=USER:PASSWORD)");
      }
      explicit.put(c.substring(0, eq), new Credentials(c.substring(eq + 1, colon), c.substring(colon + 1)));
    }
    CredentialStore store = CredentialStore.fromDockerConfig(CredentialStore.defaultDockerConfig())
        .overriddenBy(CredentialStore.of(explicit));
    Set<String> hosts = new HashSet<>(insecure);
    return RegistryClientOptions.defaults().withCredentials(store).withInsecureHosts(hosts);
  }

  /** The explicit mirror rules. */
  public List<MirrorRule> mirrorRules() {
    return mirrorMaps.stream().map(MirrorRule::parse).toList();
  }

  public boolean mirrorsOnly() {
    return mirrorsOnly;
  }

  /** The cache directory, or null with {@code --no-cache}. */
  public Path cacheDir() {
    if (noCache) {
      return null;
    }
    if (cache != null) {
      return cache;
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    return (xdg != null ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache")).resolve("kubeferry");
  }
}
