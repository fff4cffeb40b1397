package io.kubeferry.lab;

import io.kubeferry.core.io.AtomicFiles;
import io.kubeferry.lab.registry.LabUpstream;
import io.kubeferry.lab.yum.LabYumRepos;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A kubeferry home for the lab's world: its {@code config.yaml} maps the upstream registries and yum hosts onto the
 * lab's stand-ins, as an operator's config maps them onto an internal mirror, so the mission's commands work as
 * typed ({@code bundle build --k8s 1.23.1}) with {@code KUBEFERRY_HOME} pointing here.
 */
public final class LabKubeferryHome {
  private LabKubeferryHome() {}

  /** Writes {@code home/config.yaml} (the directory mode 0700: the signing key will live there too). */
  public static Path write(Path home, LabUpstream up, LabYumRepos yum) throws IOException {
    Files.createDirectories(home, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Path config = home.resolve("config.yaml");
    AtomicFiles.writePrivate(config, config(up, yum).getBytes(StandardCharsets.UTF_8));
    return config;
  }

  static String config(LabUpstream up, LabYumRepos yum) {
    StringBuilder y = new StringBuilder("# written by the lab: the upstream hosts are the lab's stand-ins\n"
        + "apiVersion: kubeferry.io/v1alpha1\nkind: Config\nregistryMirrors:\n");
    up.mirrors().forEach((host, uri) -> y.append("  - ").append(LabStateFiles.yamlQuote(host + "=" + uri.getAuthority()))
        .append('\n'));
    y.append("mirrorsOnly: true\ninsecureRegistries:\n");
    LabStateFiles.insecure(up).forEach(h -> y.append("  - ").append(LabStateFiles.yamlQuote(h)).append('\n'));
    y.append("urlMap:\n");
    yum.urlMap().forEach(m -> y.append("  - ").append(LabStateFiles.yamlQuote(m)).append('\n'));
    return y.toString();
  }
}
