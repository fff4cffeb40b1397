package io.kubeferry.bundler.rpm.repo;

/**
 * Checks the detached OpenPGP signature {@code repomd.xml.asc} over {@code repomd.xml}. The reader calls it only
 * for repositories configured with a key; a repository with a key but no signature is refused.
 */
@FunctionalInterface
public interface RepomdVerifier {
  /** Throws with a message naming the repository when the signature is not a good one by the expected key. */
  void verify(byte[] repomd, byte[] signature, String repo) throws RepoException;
}
