package io.kubeferry.bundler.rpm.repo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Indexes packages on its own thread while the parser is still reading primary.xml: indexing hashes every string
 * and dependency once more (~100 ms for a 17k-package repository), and a cold resolve waits for the parser of the
 * largest repository. Packages travel in batches through a small bounded queue. One producer thread.
 */
final class BackgroundIndexer implements AutoCloseable {
  private static final int BATCH = 64;
  private static final List<RpmPackage> END = List.of();
  private final BlockingQueue<List<RpmPackage>> queue = new ArrayBlockingQueue<>(4);
  private final PackageIndexBuilder builder = new PackageIndexBuilder();
  private final Thread thread;
  private List<RpmPackage> batch = new ArrayList<>(BATCH);
  private volatile RuntimeException failure;

  BackgroundIndexer(String name) {
    thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      for (List<RpmPackage> b = queue.take(); b != END; b = queue.take()) {
        for (RpmPackage p : b) {
          builder.add(p);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // closed: the index is not wanted
    } catch (RuntimeException e) {
      failure = e;
      queue.clear(); // unblock the producer; finish() reports the failure
    }
  }

  /** Hands over the next package. */
  void add(RpmPackage p) throws InterruptedException {
    batch.add(p);
    if (batch.size() == BATCH) {
      flush();
    }
  }

  private void flush() throws InterruptedException {
    while (failure == null && !queue.offer(batch, 10, java.util.concurrent.TimeUnit.MILLISECONDS)) {
      // the indexer is behind; wait, unless it failed
    }
    batch = new ArrayList<>(BATCH);
  }

  /** Waits for the packages handed over so far to be indexed and returns the index. */
  PackageIndex finish(String repoId) throws InterruptedException {
    flush();
    queue.put(END);
    thread.join();
    if (failure != null) {
      throw failure;
    }
    return builder.finish(repoId);
  }

  /** Stops the indexer (after a parse failure); harmless after {@link #finish}. */
  @Override
  public void close() {
    thread.interrupt();
  }
}
