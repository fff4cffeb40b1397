package io.kubeferry.bundler.rpm;

import io.kubeferry.core.Nevra;
import java.util.List;
import java.util.Objects;

/**
 * What kubeferry reads from an RPM's main header: identity, descriptive fields, sizes, dependencies, files and
 * changelog. Strings absent from the header are empty, never null. Immutable.
 *
 * @param payloadDigest hex digest of the compressed payload recorded in the header (sha256 on rpm ≥ 4.14), or
 *     null for old packages
 */
public record RpmHeader(
    Nevra nevra,
    String summary,
    String description,
    String url,
    String license,
    String vendor,
    String group,
    String buildHost,
    String sourceRpm,
    String packager,
    long buildTime,
    long installedSize,
    long archiveSize,
    RpmDependencies dependencies,
    List<RpmFileEntry> files,
    List<RpmChangelog> changelogs,
    String payloadDigest,
    int payloadDigestAlgo) {

  public RpmHeader {
    Objects.requireNonNull(nevra, "nevra");
    Objects.requireNonNull(dependencies, "dependencies");
    files = List.copyOf(files);
    changelogs = List.copyOf(changelogs);
  }
}
