package io.kubeferry.core.bundle;

import io.kubeferry.core.Digest;
import io.kubeferry.core.IntegrityException;
import io.kubeferry.core.sign.SignatureVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Verifies an unpacked bundle directory: the manifest's signature, every listed file's sha256 and size (hashed on
 * all cores), no unlisted file, no symlink, nothing missing. Used by the installer before it uses anything.
 */
public final class DirectoryVerifier {
  private final SignatureVerifier trusted;

  public DirectoryVerifier(SignatureVerifier trusted) {
    this.trusted = trusted;
  }

  /** Verifies {@code dir}; throws {@link IntegrityException} naming the first file at fault and listing all. */
  public VerificationResult verify(Path dir) throws IOException, IntegrityException, BundleFormatException {
    Path manifestFile = dir.resolve(BundleLayout.MANIFEST);
    Path sigFile = dir.resolve(BundleLayout.MANIFEST_SIGNATURE);
    if (!Files.isRegularFile(sigFile, LinkOption.NOFOLLOW_LINKS)) {
      throw new IntegrityException(BundleLayout.MANIFEST_SIGNATURE, "missing signature " + sigFile);
    }
    ManifestCheck manifest = ManifestCheck.of(trusted, Files.readAllBytes(manifestFile), Files.readAllBytes(sigFile));
    Checklist list = new Checklist(manifest.manifest());
    List<FileEntry> toHash = new ArrayList<>();
    for (String path : walk(dir, list)) {
      FileEntry e = list.expect(path);
      if (e != null) {
        toHash.add(e);
      }
    }
    int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "kubeferry-verify");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<byte[]>> hashes = new ArrayList<>();
      for (FileEntry e : toHash) {
        hashes.add(pool.submit(() -> sha256(BundleLayout.resolve(dir, e.path()))));
      }
      for (int i = 0; i < toHash.size(); i++) {
        list.check(toHash.get(i), Files.size(BundleLayout.resolve(dir, toHash.get(i).path())), hashes.get(i).get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("verification interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    list.finish();
    list.throwIfFailed(dir.toString());
    return new VerificationResult(dir.toString(), null, manifest.signature(), manifest.manifest(), list.matched(),
        list.bytes());
  }

  private static List<String> walk(Path dir, Checklist list) throws IOException {
    List<String> files = new ArrayList<>();
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        String rel = dir.relativize(file).toString().replace('\\', '/');
        if (rel.equals(BundleLayout.MANIFEST) || rel.equals(BundleLayout.MANIFEST_SIGNATURE)) {
          return FileVisitResult.CONTINUE;
        }
        if (attrs.isRegularFile()) {
          files.add(rel);
        } else {
          list.problem(rel, rel + ": not a regular file (links and devices are not part of a bundle)");
        }
        return FileVisitResult.CONTINUE;
      }
    });
    files.sort(null);
    return files;
  }

  private static byte[] sha256(Path file) throws IOException {
    MessageDigest sha = Digest.newSha256();
    byte[] buf = new byte[1 << 17];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        sha.update(buf, 0, n);
      }
    }
    return sha.digest();
  }

  /** Sets 0755 or 0644, as the signed manifest says. */
  static void setMode(Path file, boolean executable) throws IOException {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
  }

  /** Deletes a directory tree without following links. */
  static void deleteTree(Path root) throws IOException {
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
