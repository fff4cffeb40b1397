package io.kubeferry.bundler.rpm.repo;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Benchmark driver (not a test): indexes DIR {@code runs} times in one JVM and prints the cold (first) time and the
 * median of the second half in ms, the steady state a long-lived JVM such as {@code bundle build} reaches (the
 * first few warm runs still wait for the JIT). Used by scripts/bench-repodata. Usage:
 * {@code RepodataBench DIR [runs]}.
 */
public final class RepodataBench {
  private RepodataBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    long[] ms = new long[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      RepodataWriter.write(RepodataOptions.of(dir));
      ms[i] = (System.nanoTime() - t) / 1_000_000;
    }
    long cold = ms[0];
    long[] warm = Arrays.copyOfRange(ms, Math.max(1, runs / 2), runs);
    Arrays.sort(warm);
    System.out.println(cold + " " + warm[warm.length / 2]);
  }
}
