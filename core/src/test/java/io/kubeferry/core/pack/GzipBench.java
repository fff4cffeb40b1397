package io.kubeferry.core.pack;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.anarres.parallelgzip.ParallelGZIPOutputStream;

/**
 * Measurement behind the gzip writer choice (not a test): compresses one file with the JDK's GZIPOutputStream
 * (level 6), parallelgzip, and kubeferry's AdaptiveGzipOutputStream in compress mode; pigz is timed by
 * scripts/bench-bundle's caller. Usage: {@code GzipBench INPUT OUTDIR}.
 */
public final class GzipBench {
  private GzipBench() {}

  interface Factory {
    OutputStream wrap(OutputStream out) throws IOException;
  }

  public static void main(String[] args) throws Exception {
    Path in = Path.of(args[0]);
    Path dir = Path.of(args[1]);
    int threads = Runtime.getRuntime().availableProcessors();
    run("jdk-deflater-6", in, dir.resolve("jdk.gz"), o -> new GZIPOutputStream(o, 1 << 16));
    run("parallelgzip", in, dir.resolve("pgz.gz"), o -> new ParallelGZIPOutputStream(o));
    run("kubeferry-adaptive", in, dir.resolve("kf.gz"), o -> new AdaptiveGzipOutputStream(o, 6, threads));
  }

  private static void run(String name, Path in, Path out, Factory f) throws Exception {
    long start = System.nanoTime();
    try (InputStream src = Files.newInputStream(in);
        OutputStream dst = f.wrap(new BufferedOutputStream(Files.newOutputStream(out), 1 << 16))) {
      src.transferTo(dst);
    }
    System.out.printf("%-20s %7.2f s %,14d bytes%n", name, (System.nanoTime() - start) / 1e9, Files.size(out));
  }
}
