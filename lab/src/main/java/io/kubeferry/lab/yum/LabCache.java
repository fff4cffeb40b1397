package io.kubeferry.lab.yum;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lab's build cache: {@code $KUBEFERRY_LAB_CACHE}, else {@code ~/.cache/kubeferry-lab}. Builds happen under an
 * exclusive lock (file lock across JVMs, plus an in-JVM lock) so parallel test runs never see a half-built entry.
 */
public final class LabCache {
  private static final ReentrantLock JVM_LOCK = new ReentrantLock();

  private LabCache() {}

  /** The cache root, created on demand. */
  public static Path root() throws IOException {
    String env = System.getenv("KUBEFERRY_LAB_CACHE");
    Path root = env != null && !env.isBlank()
        ? Path.of(env)
        : Path.of(System.getProperty("user.home"), ".cache", "kubeferry-lab");
    Files.createDirectories(root);
    return root;
  }

  /** Work that builds a cache entry. */
  @FunctionalInterface
  public interface Build<T> {
    T run() throws IOException;
  }

  /** Runs {@code build} while holding the cache lock (reentrant within a thread). */
  public static <T> T locked(Build<T> build) throws IOException {
    if (JVM_LOCK.isHeldByCurrentThread()) {
      return build.run(); // nested use (a build needing the key): the file lock is already ours
    }
    JVM_LOCK.lock();
    try (FileChannel ch = FileChannel.open(root().resolve(".lock"),
            StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock ignored = ch.lock()) {
      return build.run();
    } finally {
      JVM_LOCK.unlock();
    }
  }
}
