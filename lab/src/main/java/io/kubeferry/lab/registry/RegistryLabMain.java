package io.kubeferry.lab.registry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * {@code scripts/lab registry [--mode MODE[+MODE]] [--filler BYTES]}: starts a {@link LabUpstream}, prints endpoints,
 * credentials, mirror config and image digests, and runs until Ctrl-C. MODE is anonymous, basic, token, redirect
 * (for the k8s.gcr.io stand-in; docker.io is always token). Exit 2 on bad arguments, 1 when the lab cannot start.
 */
public final class RegistryLabMain {
  private RegistryLabMain() {
  }

  public static void main(String[] args) throws InterruptedException {
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
            System.out.println("usage: lab registry [--mode anonymous|basic|token|redirect[+redirect]] "
                + "[--filler BYTES]");
            return;
          }
          default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
        }
      }
      options = LabRegistry.Options.of(modes.toArray(Mode[]::new));
    } catch (RuntimeException e) {
      System.err.println("lab registry: error: " + e.getMessage()
          + " (usage: lab registry [--mode anonymous|basic|token|redirect[+redirect]] [--filler BYTES])");
      System.exit(2);
      return;
    }
    LabUpstream up;
    long t0 = System.nanoTime();
    try {
      up = LabUpstream.start(LabImages.k8s1231().withFiller(filler), options);
    } catch (IOException | RuntimeException e) {
      System.err.println("lab registry: error: " + e.getMessage());
      System.exit(1);
      return;
    }
    print(up, (System.nanoTime() - t0) / 1_000_000);
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      up.close();
      stop.countDown();
    }));
    stop.await();
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

  private static void print(LabUpstream up, long millis) {
    System.out.println("lab upstream ready in " + millis + " ms (Ctrl-C stops it)");
    describe("k8s.gcr.io", up.k8sGcr());
    describe("docker.io", up.dockerIo());
    System.out.println("mirror config:");
    System.out.print(up.mirrorConfig());
    System.out.println("images:");
    up.images().values().forEach(p -> System.out.println("  " + p.canonicalRef() + " -> " + p.labReference()
        + "@" + p.indexDigest()));
    System.out.flush();
  }

  private static void describe(String name, LabRegistry r) {
    System.out.println(name + " stand-in: " + r.baseUri() + " modes=" + r.options().modes()
        + (r.credentials() == null ? "" : " user=" + r.credentials().username() + " password="
        + r.credentials().password())
        + (r.tokenRealm() == null ? "" : " token-realm=" + r.tokenRealm())
        + (r.blobHostAuthority() == null ? "" : " blob-host=" + r.blobHostAuthority()));
  }
}
