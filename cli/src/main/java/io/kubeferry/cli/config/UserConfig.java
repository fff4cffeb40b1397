package io.kubeferry.cli.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * The operator's standing choices, so the mission's commands work as typed ({@code kubeferry bundle build --k8s
 * 1.23.1}) in a place that needs them: registry mirrors and URL rewrites to an internal mirror, registries reached
 * over plain HTTP, the signing key, the JDK for the bundled runtime. Read from {@link KubeferryHome#config()};
 * a missing file means no choices. Command-line options always win. Immutable.
 *
 * <pre>
 * apiVersion: kubeferry.io/v1alpha1
 * kind: Config
 * registryMirrors: ["k8s.gcr.io=mirror.example:5000"]   # as --mirror-map
 * mirrorsOnly: true                                      # as --mirrors-only
 * insecureRegistries: ["mirror.example:5000"]            # as --insecure-registry
 * urlMap: ["https://pkgs.k8s.io/=https://repo.example/pkgs.k8s.io/"]   # as --url-map
 * signingKey: /secure/signing-key.asc                    # as --sign-key
 * runtimeJdk: /usr/lib/jvm/temurin-17-jdk-amd64          # as --jdk
 * </pre>
 */
public record UserConfig(List<String> registryMirrors, boolean mirrorsOnly, List<String> insecureRegistries,
    List<String> urlMap, Path signingKey, Path runtimeJdk) {
  private static final Set<String> KEYS = Set.of("apiVersion", "kind", "registryMirrors", "mirrorsOnly",
      "insecureRegistries", "urlMap", "signingKey", "runtimeJdk");

  public UserConfig {
    registryMirrors = List.copyOf(registryMirrors);
    insecureRegistries = List.copyOf(insecureRegistries);
    urlMap = List.copyOf(urlMap);
  }

  public static UserConfig none() {
    return new UserConfig(List.of(), false, List.of(), List.of(), null, null);
  }

  /** Reads {@code file}; a missing file is {@link #none()}; anything malformed is one line naming the file. */
  public static UserConfig read(Path file) throws IOException {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      return none();
    }
    Object doc;
    try {
      doc = new Load(LoadSettings.builder().setSchema(new CoreSchema()).setAllowDuplicateKeys(false).build())
          .loadFromString(text);
    } catch (YamlEngineException e) {
      throw new IOException("could not read " + file + ": invalid YAML: " + e.getMessage().lines().findFirst()
          .orElse(""));
    }
    if (doc == null) {
      return none();
    }
    if (!(doc instanceof Map<?, ?> m)) {
      throw new IOException("could not read " + file + ": not a YAML mapping");
    }
    for (Object k : m.keySet()) {
      if (!KEYS.contains(String.valueOf(k))) {
        throw new IOException("could not read " + file + ": unknown key '" + k + "' (known: "
            + String.join(", ", KEYS.stream().sorted().toList()) + ")");
      }
    }
    try {
      return new UserConfig(strings(m, "registryMirrors"), Boolean.TRUE.equals(m.get("mirrorsOnly")),
          strings(m, "insecureRegistries"), strings(m, "urlMap"), path(m, "signingKey"), path(m, "runtimeJdk"));
    } catch (ClassCastException e) {
      throw new IOException("could not read " + file + ": a value has the wrong type (lists of strings, paths as"
          + " strings, mirrorsOnly true/false)");
    }
  }

  private static List<String> strings(Map<?, ?> m, String key) {
    List<String> out = new ArrayList<>();
    for (Object o : m.get(key) == null ? List.of() : (List<?>) m.get(key)) {
      out.add((String) o);
    }
    return out;
  }

  private static Path path(Map<?, ?> m, String key) {
    return m.get(key) == null ? null : Path.of((String) m.get(key));
  }
}
