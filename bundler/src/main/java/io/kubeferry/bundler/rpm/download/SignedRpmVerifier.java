package io.kubeferry.bundler.rpm.download;

import io.kubeferry.bundler.rpm.RpmException;
import io.kubeferry.bundler.rpm.RpmKeyring;
import io.kubeferry.bundler.rpm.RpmPackageFile;
import io.kubeferry.bundler.rpm.RpmReader;
import io.kubeferry.bundler.rpm.repo.RpmPackage;
import java.nio.file.Path;
import java.util.Map;

/**
 * Checks a downloaded RPM's header signature (and header/payload digests) against its repository's keys with
 * {@link RpmReader}, and that the header names the same package as primary.xml. Repositories without a keyring
 * are refused unless explicitly allowed. Thread-safe.
 */
public final class SignedRpmVerifier implements RpmVerifier {
  private final Map<String, RpmKeyring> keyrings;
  private final boolean allowUnsigned;

  /**
   * @param keyrings repository id to the keys its packages must be signed with
   * @param allowUnsigned accept packages of repositories that have no keyring (no signature check)
   */
  public SignedRpmVerifier(Map<String, RpmKeyring> keyrings, boolean allowUnsigned) {
    this.keyrings = Map.copyOf(keyrings);
    this.allowUnsigned = allowUnsigned;
  }

  @Override
  public void verify(Path file, RpmPackage pkg) throws RpmDownloadException {
    RpmKeyring keyring = keyrings.get(pkg.repoId());
    if (keyring == null && !allowUnsigned) {
      throw new RpmDownloadException("could not verify " + pkg.nevra() + ": repository " + pkg.repoId()
          + " has no key configured (give its RPM-GPG-KEY)");
    }
    RpmPackageFile read;
    try {
      read = RpmReader.read(file, keyring);
    } catch (RpmException e) {
      throw new RpmDownloadException("could not verify " + pkg.nevra() + " from repository " + pkg.repoId() + ": "
          + e.getMessage());
    }
    if (!read.header().nevra().equals(pkg.nevra())) {
      throw new RpmDownloadException("could not verify " + pkg.nevra() + ": the file is "
          + read.header().nevra() + " (repository metadata and package disagree)");
    }
  }
}
