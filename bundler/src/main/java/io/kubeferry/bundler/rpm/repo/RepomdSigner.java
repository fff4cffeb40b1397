package io.kubeferry.bundler.rpm.repo;

/**
 * Signs repomd.xml: returns an ASCII-armored detached OpenPGP signature that {@code gpg --verify} and dnf's
 * repo_gpgcheck accept (what {@code gpg --detach-sign --armor} writes). Implementations must be thread-safe.
 * Declared {@code throws Exception} so that {@code io.kubeferry.core.sign.Signer::signArmored} (which throws its
 * own checked SigningException) fits as a method reference; {@link RepodataWriter} reports any failure as an
 * {@code RpmException} naming the repo.
 */
@FunctionalInterface
public interface RepomdSigner {
  byte[] signArmored(byte[] repomd) throws Exception;
}
