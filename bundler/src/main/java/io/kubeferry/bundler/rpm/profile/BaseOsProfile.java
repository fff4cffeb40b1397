package io.kubeferry.bundler.rpm.profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a target OS already has after a minimal install, as data (resource files {@code profiles/<id>.txt}, one
 * package name per line). Packages named here are not bundled unless {@code --full-closure} is given. The same
 * names hold for x86_64 and aarch64.
 *
 * @param richDeps whether the target's package manager understands rich/boolean dependencies (EL8 and later)
 */
public record BaseOsProfile(String id, boolean richDeps, Set<String> packages) {
  /** The profiles shipped with kubeferry. */
  public static final List<String> IDS = List.of("el7", "el8", "el9", "openeuler22.03", "kylin-v10");

  public BaseOsProfile {
    packages = Set.copyOf(packages);
  }

  /** An empty target: nothing installed, rich dependencies allowed. */
  public static BaseOsProfile empty() {
    return new BaseOsProfile("none", true, Set.of());
  }

  /** Loads a shipped profile; throws IllegalArgumentException listing the known ids for an unknown one. */
  public static BaseOsProfile load(String id) {
    if (id.equals("none")) {
      return empty();
    }
    if (!IDS.contains(id)) {
      throw new IllegalArgumentException("unknown OS profile '" + id + "' (known: none, " + String.join(", ", IDS)
          + ")");
    }
    try (InputStream in = BaseOsProfile.class.getResourceAsStream("/io/kubeferry/bundler/rpm/profiles/" + id
        + ".txt")) {
      if (in == null) {
        throw new IllegalStateException("profile resource for " + id + " missing from the jar");
      }
      return parse(id, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BaseOsProfile parse(String id, InputStream in) throws IOException {
    Set<String> names = new TreeSet<>();
    boolean rich = true;
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      if (l.startsWith("family=")) {
        rich = !l.equals("family=el7");
        continue;
      }
      names.add(l);
    }
    return new BaseOsProfile(id, rich, names);
  }
}
