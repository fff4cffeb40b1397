package io.kubeferry.lab;

import io.kubeferry.lab.node.LabNodeException;
import io.kubeferry.lab.node.LabNodes;
import io.kubeferry.lab.registry.LabImages;
import io.kubeferry.lab.registry.LabRegistry;
import io.kubeferry.lab.registry.LabUpstream;
import io.kubeferry.lab.registry.Mode;
import io.kubeferry.lab.yum.LabYumRepos;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code scripts/lab up --state DIR [--nodes N]}: the whole embedded lab the demo needs, in one JVM — the
 * k8s.gcr.io stand-in (TOKEN + REDIRECT, like registry.k8s.io), the docker.io stand-in (TOKEN), the three fixture
 * yum repos and N lab nodes. Writes {@code DIR/lab.env} and {@code DIR/hosts.yaml} (see {@link LabStateFiles}),
 * then {@code DIR/ready}; {@link #close()} (or SIGTERM/Ctrl-C through the shutdown hook) stops everything and
 * removes {@code ready}. Not thread-safe.
 */
public final class UpLab implements AutoCloseable {
  static final String USAGE = "usage: lab up --state DIR [--nodes N]   (N 1..50, default 3)";

  private final Path state;
  private final LabUpstream upstream;
  private final LabYumRepos yum;
  private final LabNodes nodes;

  private UpLab(Path state, LabUpstream upstream, LabYumRepos yum, LabNodes nodes) {
    this.state = state;
    this.upstream = upstream;
    this.yum = yum;
    this.nodes = nodes;
  }

  /**
   * Starts every part, writes the state files, and last {@code ready}. On failure stops what started.
   *
   * @throws IOException or {@link LabNodeException} naming the part that could not start
   */
  public static UpLab start(Path state, int nodeCount, PrintStream progress) throws IOException {
    Files.createDirectories(state);
    Files.deleteIfExists(state.resolve(LabStateFiles.READY));
    LabUpstream upstream = null;
    LabYumRepos yum = null;
    LabNodes nodes = null;
    try {
      long t = System.nanoTime();
      upstream = LabUpstream.start(LabImages.k8s1231(), LabRegistry.Options.of(Mode.TOKEN, Mode.REDIRECT));
      progress.printf("lab up: registries ready (%d images) in %.1f s%n", upstream.images().size(), secs(t));
      t = System.nanoTime();
      yum = LabYumRepos.start();
      progress.printf("lab up: yum repos ready in %.1f s%n", secs(t));
      t = System.nanoTime();
      nodes = LabNodes.start(nodeCount);
      progress.printf("lab up: %d node(s) ready in %.1f s%n", nodeCount, secs(t));
      UpLab lab = new UpLab(state, upstream, yum, nodes);
      LabStateFiles.write(state, upstream, yum, nodes);
      return lab;
    } catch (IOException | RuntimeException e) {
      closeAll(nodes, yum, upstream);
      throw e;
    }
  }

  /** The directory holding lab.env, hosts.yaml and ready. */
  public Path state() {
    return state;
  }

  public LabUpstream upstream() {
    return upstream;
  }

  public LabYumRepos yum() {
    return yum;
  }

  public LabNodes nodes() {
    return nodes;
  }

  /** Removes {@code ready}, then stops the nodes, the yum server and the registries. Idempotent. */
  @Override
  public void close() {
    try {
      Files.deleteIfExists(state.resolve(LabStateFiles.READY));
    } catch (IOException e) {
      // the state directory is gone already: nothing to un-announce
    }
    closeAll(nodes, yum, upstream);
  }

  private static void closeAll(AutoCloseable... parts) {
    for (AutoCloseable p : parts) {
      if (p != null) {
        try {
          p.close();
        } catch (Exception e) {
          // keep stopping the other parts; each part's close is best effort by contract
        }
      }
    }
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  /** @return 0 after a clean stop, 1 when the lab cannot start, 2 on bad arguments */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Path state = null;
    int n = 3;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--state" -> state = Path.of(value(args, ++i));
          case "--nodes" -> n = Integer.parseInt(value(args, ++i));
          case "-h", "--help" -> {
            out.println(USAGE);
            return 0;
          }
          default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
        }
      }
      if (state == null) {
        throw new IllegalArgumentException("--state DIR is required");
      }
      if (n < 1 || n > 50) {
        throw new IllegalArgumentException("--nodes must be 1..50, got " + n);
      }
    } catch (NumberFormatException e) {
      err.println("lab up: error: --nodes needs a number 1..50\n" + USAGE);
      return 2;
    } catch (IllegalArgumentException e) {
      err.println("lab up: error: " + e.getMessage() + "\n" + USAGE);
      return 2;
    }
    UpLab lab;
    try {
      lab = start(state.toAbsolutePath(), n, out);
    } catch (IOException | RuntimeException e) {
      err.println("lab up: error: could not start the lab: " + e.getMessage());
      return 1;
    }
    out.println("lab up: ready; source " + lab.state().resolve(LabStateFiles.ENV) + " (SIGTERM/Ctrl-C stops it)");
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      lab.close();
      stopped.countDown();
    }, "lab-up-stop"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      lab.close();
    }
    return 0;
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException("option '" + args[i - 1] + "' needs a value");
    }
    return args[i];
  }
}
