package io.kubeferry.bundler.rpm.repo;

import java.io.IOException;

/**
 * Signs repomd.xml: returns an ASCII-armored detached OpenPGP signature that {@code gpg --verify} and dnf's
 * repo_gpgcheck accept (what {@code gpg --detach-sign --armor} writes). Implementations must be thread-safe.
 */
@FunctionalInterface
public interface RepomdSigner {
  byte[] signArmored(byte[] repomd) throws IOException;
}
