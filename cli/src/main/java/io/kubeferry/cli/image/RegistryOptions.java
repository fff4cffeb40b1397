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

  @Option(names = "--creds", paramLabel = "HOST=USER",
      description = "Log in to a registry host as USER; the password comes from $" + PASSWORD_ENV + " or a prompt"
          + " (never the command line). Repeatable. ~/.docker/config.json is read too.")
  List<String> creds = new ArrayList<>();

  @Option(names = "--creds-file", paramLabel = "FILE",
      description = "Registry credentials, one HOST=USER:PASSWORD per line (keep it mode 0600).")
  Path credsFile;

  @Option(names = "--cache", paramLabel = "DIR", description = "Blob cache (default: ~/.cache/kubeferry).")
  Path cache;

  @Option(names = "--no-cache", description = "Download straight into the destination, without a cache.")
  boolean noCache;

  @Option(names = "--parallel", defaultValue = "4", description = "Simultaneous blob downloads (default: ${DEFAULT-VALUE}).")
  public int parallel;

  /** Environment variable holding the password for {@code --creds HOST=USER}. */
  public static final String PASSWORD_ENV = "KUBEFERRY_REGISTRY_PASSWORD";

  /** The client options these flags describe; credentials from flags override the Docker config. */
  public RegistryClientOptions clientOptions() throws IOException {
    Map<String, Credentials> explicit = new HashMap<>();
    if (credsFile != null) {
      int n = 0;
      for (String line : java.nio.file.Files.readAllLines(credsFile)) {
        n++;
        if (line.isBlank() || line.strip().startsWith("#")) {
          continue;
        }
        int eq = line.indexOf('=');
        int colon = line.indexOf(':', eq + 1);
        if (eq <= 0 || colon < 0) {
          throw new IllegalArgumentException("invalid line " + n + " in " + credsFile + " (expected"
              + " HOST=USER:PASSWORD)");
        }
        explicit.put(line.substring(0, eq).strip(), new Credentials(line.substring(eq + 1, colon),
            line.substring(colon + 1).strip()));
      }
    }
    for (String c : creds) {
      int eq = c.indexOf('=');
      if (eq <= 0 || eq == c.length() - 1) {
        throw new IllegalArgumentException("invalid --creds value '" + (eq > 0 ? c.substring(0, eq) : "?")
            + "=...' (expected HOST=USER)");
      }
      if (c.indexOf(':', eq + 1) >= 0) {
        throw new IllegalArgumentException("refusing a password on the command line for " + c.substring(0, eq)
            + " (it would show in the process list): use --creds HOST=USER with $" + PASSWORD_ENV
            + " or the prompt, or --creds-file FILE");
      }
      explicit.put(c.substring(0, eq), new Credentials(c.substring(eq + 1), password(c.substring(0, eq))));
    }
    CredentialStore store = CredentialStore.fromDockerConfig(CredentialStore.defaultDockerConfig())
        .overriddenBy(CredentialStore.of(explicit));
    Set<String> hosts = new HashSet<>(insecure);
    return RegistryClientOptions.defaults().withCredentials(store).withInsecureHosts(hosts);
  }

  private static String password(String host) throws IOException {
    String env = System.getenv(PASSWORD_ENV);
    if (env != null && !env.isEmpty()) {
      return env;
    }
    java.io.Console console = System.console();
    if (console == null) {
      throw new IllegalArgumentException("no password for " + host + ": set $" + PASSWORD_ENV + " or use"
          + " --creds-file FILE (no terminal to prompt on)");
    }
    char[] typed = console.readPassword("password for %s: ", host);
    return typed == null ? "" : new String(typed);
  }

  /** The hosts named by {@code --insecure-registry}. */
  public Set<String> insecureHosts() {
    return new HashSet<>(insecure);
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
