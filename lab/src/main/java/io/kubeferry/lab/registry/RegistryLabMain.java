package io.kubeferry.lab.registry;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * {@code scripts/lab registry [--mode MODE[+MODE]] [--filler BYTES]}: starts a {@link LabUpstream}, prints endpoints,
 * credentials (throw-away lab users), the mirror config and image digests, and runs until Ctrl-C. MODE (anonymous,
 * basic, token, redirect) applies to the k8s.gcr.io stand-in; the docker.io stand-in is always token.
 */
public final class RegistryLabMain {
  static final String USAGE = "usage: lab registry [--mode anonymous|basic|token|redirect[+redirect]] "
      + "[--filler BYTES]";

  private RegistryLabMain() {
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs until interrupted (Ctrl-C); returns 0 ok, 1 when the lab cannot start, 2 on bad arguments. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    List<Mode> modes = new ArrayList<>();
    long filler = 0;
    LabRegistry.Options options;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--mode" -> {
            for (String m : value(args, ++i).split("\\+")) {
              modes.add(mode(m));
            }
          }
          case "--filler" -> filler = Long.parseLong(value(args, ++i));
          case "-h", "--help" -> {
            out.println(USAGE);
            return 0;
          }
          default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
        }
      }
      options = LabRegistry.Options.of(modes.toArray(Mode[]::new));
    } catch (RuntimeException e) {
      err.println("lab registry: error: " + e.getMessage() + "\n" + USAGE);
      return 2;
    }
    long t0 = System.nanoTime();
    LabUpstream up;
    try {
      up = LabUpstream.start(LabImages.k8s1231().withFiller(filler), options);
    } catch (IOException | RuntimeException e) {
      err.println("lab registry: error: " + e.getMessage());
      return 1;
    }
    print(up, (System.nanoTime() - t0) / 1_000_000, out);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      up.close();
      stopped.countDown();
    }, "lab-registry-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      Runtime.getRuntime().removeShutdownHook(hook);
      up.close();
    }
    return 0;
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException("option '" + args[i - 1] + "' needs a value");
    }
    return args[i];
  }

  private static Mode mode(String name) {
    try {
      return Mode.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown mode '" + name + "' (expected anonymous, basic, token, redirect)");
    }
  }

  private static void print(LabUpstream up, long millis, PrintStream out) {
    out.println("lab upstream ready in " + millis + " ms (Ctrl-C stops it)");
    describe("k8s.gcr.io", up.k8sGcr(), out);
    describe("docker.io", up.dockerIo(), out);
    describe("quay.io", up.quayIo(), out);
    out.println("mirror config:");
    out.print(up.mirrorConfig());
    out.println("images:");
    up.images().values().forEach(p -> out.println("  " + p.canonicalRef() + " -> " + p.labReference()
        + "@" + p.indexDigest()));
    out.flush();
  }

  private static void describe(String name, LabRegistry r, PrintStream out) {
    out.println(name + " stand-in: " + r.baseUri() + " modes=" + r.options().modes()
        + (r.credentials() == null ? "" : " user=" + r.credentials().username() + " password="
        + r.credentials().password())
        + (r.tokenRealm() == null ? "" : " token-realm=" + r.tokenRealm())
        + (r.blobHostAuthority() == null ? "" : " blob-host=" + r.blobHostAuthority()));
  }
}
