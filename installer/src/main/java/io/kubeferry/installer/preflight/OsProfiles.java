package io.kubeferry.installer.preflight;

import java.util.Locale;
import java.util.Set;

/**
 * Which running operating systems a bundle's OS profile fits, by {@code /etc/os-release} {@code ID} and
 * {@code VERSION_ID}: {@code elN} is any Enterprise-Linux rebuild of major N, {@code openeuler22.03} is openEuler
 * 22.03 (any LTS service pack), {@code kylin-v10} is Kylin Server V10 (any service pack).
 */
final class OsProfiles {
  private static final Set<String> EL = Set.of("centos", "rhel", "rocky", "almalinux", "ol", "fedora", "anolis");

  private OsProfiles() {}

  static boolean matches(String profile, String osId, String versionId) {
    String id = osId.toLowerCase(Locale.ROOT);
    String version = versionId.toLowerCase(Locale.ROOT);
    if (profile.matches("el\\d+")) {
      return EL.contains(id) && version.split("\\.")[0].equals(profile.substring(2));
    }
    if (profile.startsWith("openeuler")) {
      return id.equals("openeuler") && version.startsWith(profile.substring("openeuler".length()));
    }
    if (profile.equals("kylin-v10")) {
      return id.equals("kylin") && version.startsWith("v10");
    }
    return false;
  }
}
