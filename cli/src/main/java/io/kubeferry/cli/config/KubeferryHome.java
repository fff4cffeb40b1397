package io.kubeferry.cli.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * The operator's own kubeferry directory: {@code $KUBEFERRY_HOME}, else {@code $XDG_CONFIG_HOME/kubeferry}, else
 * {@code ~/.config/kubeferry}. It holds {@code config.yaml} ({@link UserConfig}), the default signing key
 * ({@code signing-key.asc}, made by {@code kubeferry keygen}) and the keys trusted for installs
 * ({@code trusted-keys/}, managed by {@code kubeferry trust}).
 */
public record KubeferryHome(Path dir) {
  public static final String ENV = "KUBEFERRY_HOME";

  /** The directory the environment names. */
  public static KubeferryHome from(Map<String, String> env) {
    String home = env.get(ENV);
    if (home != null && !home.isBlank()) {
      return new KubeferryHome(Path.of(home));
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
    return new KubeferryHome(base.resolve("kubeferry"));
  }

  /** The directory of this process: the system property {@code kubeferry.home} (tests), else the environment. */
  public static KubeferryHome current() {
    String property = System.getProperty("kubeferry.home");
    return property != null && !property.isBlank() ? new KubeferryHome(Path.of(property)) : from(System.getenv());
  }

  public Path config() {
    return dir.resolve("config.yaml");
  }

  public Path signingKey() {
    return dir.resolve("signing-key.asc");
  }

  public Path trustedKeys() {
    return dir.resolve("trusted-keys");
  }
}
