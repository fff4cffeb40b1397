package io.kubeferry.bundler.rpm.repo;

import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads modules.yaml and tells which RPMs belong to module streams that are not enabled. dnf hides those
 * packages; so do we, or the closure would differ from what dnf installs. Only default streams count as enabled
 * (nothing enables a module on an air-gapped target).
 */
final class ModuleFilter {
  private ModuleFilter() {}

  /** The NEVRAs (with explicit epoch, as modules.yaml lists them) of packages to hide. */
  @SuppressWarnings("unchecked")
  static Set<String> hiddenArtifacts(InputStream yaml) {
    LoadSettings settings = LoadSettings.builder().setSchema(new CoreSchema())
        .setAllowDuplicateKeys(true).setMaxAliasesForCollections(50).setCodePointLimit(Integer.MAX_VALUE).build();
    Map<String, String> defaults = new HashMap<>();
    Map<String, Set<String>> artifactsByStream = new HashMap<>();
    for (Object doc : new Load(settings).loadAllFromInputStream(yaml)) {
      if (!(doc instanceof Map<?, ?> m) || !(m.get("data") instanceof Map<?, ?> data)) {
        continue;
      }
      Object kind = m.get("document");
      if ("modulemd-defaults".equals(kind) && data.get("stream") != null) {
        defaults.put(String.valueOf(data.get("module")), String.valueOf(data.get("stream")));
      } else if ("modulemd".equals(kind) && data.get("artifacts") instanceof Map<?, ?> artifacts
          && artifacts.get("rpms") instanceof List<?> rpms) {
        String key = data.get("name") + ":" + data.get("stream");
        Set<String> set = artifactsByStream.computeIfAbsent(key, k -> new HashSet<>());
        for (Object rpm : (List<Object>) rpms) {
          set.add(String.valueOf(rpm));
        }
      }
    }
    Set<String> hidden = new HashSet<>();
    artifactsByStream.forEach((stream, rpms) -> {
      String module = stream.substring(0, stream.indexOf(':'));
      if (!stream.equals(module + ":" + defaults.get(module))) {
        hidden.addAll(rpms);
      }
    });
    return hidden;
  }

  /** The form modules.yaml uses: {@code name-epoch:version-release.arch}, epoch always present. */
  static String artifactName(RpmPackage p) {
    return p.name() + "-" + p.evr().epoch() + ":" + p.evr().version() + "-" + p.evr().release() + "." + p.arch();
  }
}
