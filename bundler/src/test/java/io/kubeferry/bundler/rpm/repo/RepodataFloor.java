package io.kubeferry.bundler.rpm.repo;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark driver (not a test): the least work any indexer must do, in a fresh JVM — list DIR's RPMs, read every
 * byte once and SHA-256 it on {@code threads} threads — and nothing else (no header parsing, no XML, no gzip, no
 * CLI). scripts/bench-repodata times this process end to end beside createrepo_c: when even it is slower, no JVM
 * command can reach createrepo_c's time on that set, whatever the indexer does. Usage:
 * {@code RepodataFloor DIR [threads]}.
 */
public final class RepodataFloor {
  private RepodataFloor() {}

  public static void main(String[] args) throws Exception {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of(args[0]), "*.rpm")) {
      dir.forEach(files::add);
    }
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    AtomicInteger next = new AtomicInteger();
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] = new Thread(() -> hashAll(files, next));
      workers[t].start();
    }
    for (Thread w : workers) {
      w.join();
    }
  }

  private static void hashAll(List<Path> files, AtomicInteger next) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 20];
      ByteBuffer bb = ByteBuffer.wrap(buf);
      for (int i; (i = next.getAndIncrement()) < files.size(); ) {
        try (FileChannel ch = FileChannel.open(files.get(i))) {
          for (int n; (n = ch.read(bb.clear())) > 0; ) {
            md.update(buf, 0, n);
          }
        }
        md.digest();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
