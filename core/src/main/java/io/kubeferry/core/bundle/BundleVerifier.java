package io.kubeferry.core.bundle;

import io.kubeferry.core.Digest;
import io.kubeferry.core.IntegrityException;
import io.kubeferry.core.sign.SignatureVerifier;
import io.kubeferry.core.sign.VerifiedSignature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * Verifies a bundle tarball (single file or parts) in one streaming pass: the detached tarball signature
 * ({@code x.tgz.asc}) over the raw bytes, archive safety ({@link SafeTarReader}), the manifest's own signature,
 * the sha256 and size of every listed file, no unlisted and no missing file. Optionally extracts while verifying
 * into a staging directory that is renamed into place only when everything passed, so nothing unverified is ever
 * used. Thread-safe (stateless apart from its configuration).
 */
public final class BundleVerifier {
  private final SignatureVerifier trusted;
  private final ArchiveLimits limits;

  public BundleVerifier(SignatureVerifier trusted, ArchiveLimits limits) {
    this.trusted = trusted;
    this.limits = limits;
  }

  /** Verifies without extracting anything. */
  public VerificationResult verify(Path tarball)
      throws IOException, IntegrityException, BundleFormatException {
    return run(tarball, null);
  }

  /**
   * Verifies and extracts into {@code target}, which must not exist; on any failure nothing is left behind.
   * File modes come from the signed manifest (0755 for executables, 0644 otherwise), never from tar headers.
   */
  public VerificationResult extract(Path tarball, Path target)
      throws IOException, IntegrityException, BundleFormatException {
    if (Files.exists(target)) {
      throw new IOException("could not extract bundle: " + target + " already exists");
    }
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
    try {
      VerificationResult result = run(tarball, staging);
      Files.move(staging, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return result;
    } finally {
      if (Files.exists(staging)) {
        DirectoryVerifier.deleteTree(staging);
      }
    }
  }

  private VerificationResult run(Path tarball, Path staging)
      throws IOException, IntegrityException, BundleFormatException {
    BundleParts parts = BundleParts.find(tarball);
    Path sigFile = BundleLayout.tarballSignature(tarball);
    if (!Files.isRegularFile(sigFile)) {
      throw new IntegrityException(sigFile.toString(), "missing signature " + sigFile
          + ": a bundle is only trusted with its detached signature next to it");
    }
    SignatureVerifier.Check outer = trusted.start(Files.readAllBytes(sigFile), sigFile.getFileName().toString());
    ManifestCheck manifest = null;
    Checklist list = null;
    try (InputStream raw = new ReadAheadInputStream(parts.open(), outer::update)) {
      SafeTarReader reader = null;
      try {
        try {
          reader = new SafeTarReader(raw, parts.toString(), limits);
          manifest = readHead(reader, staging);
          list = new Checklist(manifest.manifest());
          readFiles(reader, list, staging);
          reader.drain();
        } catch (ReadAheadInputStream.SourceException e) {
          throw e; // the file could not be read: an I/O failure, not a verdict on its content
        } catch (IOException e) {
          // Any decoding error (gzip CRC, a tar header checksum, a short stream) means damaged bytes: depending
          // on where a flipped byte lands, the decompressor or the tar layer is first to notice.
          String problem = "bundle " + parts + " is truncated or corrupt (" + e.getMessage()
              + "): a part is missing, short or damaged";
          if (list == null) {
            throw new IntegrityException(parts.toString(), problem);
          }
          list.problem(parts.toString(), problem); // still report the files found damaged before this point
        }
        raw.transferTo(OutputStream.nullOutputStream()); // the outer signature covers every byte
      } finally {
        if (reader != null) {
          reader.close(); // after the drain: closing stops the read-ahead thread
        }
      }
    }
    list.finish();
    VerifiedSignature outerSig = null;
    try {
      outerSig = outer.verify();
    } catch (IntegrityException e) {
      list.problem(sigFile.toString(), e.getMessage());
    }
    list.throwIfFailed(parts.toString());
    return new VerificationResult(parts.toString(), outerSig, manifest.signature(), manifest.manifest(),
        list.matched(), list.bytes());
  }

  private ManifestCheck readHead(SafeTarReader reader, Path staging)
      throws IOException, IntegrityException, BundleFormatException {
    byte[] manifest = readSmall(reader, BundleLayout.MANIFEST);
    byte[] signature = readSmall(reader, BundleLayout.MANIFEST_SIGNATURE);
    ManifestCheck check = ManifestCheck.of(trusted, manifest, signature);
    if (staging != null) { // an unpacked bundle carries its root of trust, so it can be verified again later
      Files.write(staging.resolve(BundleLayout.MANIFEST), manifest);
      Files.write(staging.resolve(BundleLayout.MANIFEST_SIGNATURE), signature);
    }
    return check;
  }

  private static byte[] readSmall(SafeTarReader reader, String expected) throws IOException, IntegrityException {
    SafeTarReader.Entry e = reader.next();
    if (e == null || e.type() != SafeTarReader.Type.FILE || !e.path().equals(expected)) {
      throw new IntegrityException(expected, "not a kubeferry bundle: it must start with " + expected
          + (e == null ? "" : ", found '" + e.path() + "'"));
    }
    if (e.size() > ManifestCheck.MAX_SIZE) {
      throw new IntegrityException(expected, expected + " is larger than " + ManifestCheck.MAX_SIZE + " bytes");
    }
    return reader.content().readNBytes((int) e.size());
  }

  private static void readFiles(SafeTarReader reader, Checklist list, Path staging)
      throws IOException, IntegrityException {
    byte[] buf = new byte[1 << 16];
    for (SafeTarReader.Entry e; (e = reader.next()) != null; ) {
      if (e.type() == SafeTarReader.Type.DIRECTORY) {
        continue; // carries no content; files under it are checked one by one
      }
      if (e.type() != SafeTarReader.Type.FILE) {
        list.problem(e.path(), e.path() + ": links are not part of a bundle (unlisted " + e.type() + ")");
        continue;
      }
      FileEntry listed = list.expect(e.path());
      OutputStream out = listed != null && staging != null
          ? Files.newOutputStream(createParents(BundleLayout.resolve(staging, e.path())))
          : OutputStream.nullOutputStream();
      MessageDigest sha = Digest.newSha256();
      long n = 0;
      try (out) {
        InputStream in = reader.content();
        for (int r; (r = in.read(buf)) > 0; n += r) {
          sha.update(buf, 0, r);
          out.write(buf, 0, r);
        }
      }
      if (listed != null) {
        list.check(listed, n, sha.digest());
        if (staging != null) {
          DirectoryVerifier.setMode(BundleLayout.resolve(staging, e.path()), listed.executable());
        }
      }
    }
  }

  private static Path createParents(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    return file;
  }
}
