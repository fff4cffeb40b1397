package io.kubeferry.lab.yum;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Serves the lab yum repositories until Ctrl-C and prints their URLs and a ready-to-use .repo file. */
public final class YumLabMain {
  private YumLabMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** {@code scripts/lab yum}: blocks until the JVM is stopped; 1 when the repos cannot start, 2 on arguments. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length > 0) {
      err.println("lab yum: error: takes no arguments, got " + String.join(" ", args));
      return 2;
    }
    LabYumRepos lab;
    try {
      lab = LabYumRepos.start();
    } catch (IOException | RuntimeException e) {
      err.println("lab yum: error: could not start the lab yum repositories: " + e.getMessage());
      return 1;
    }
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      lab.close();
      stop.countDown();
    }));
    out.println("kubernetes " + lab.kubernetesUrl());
    out.println("docker-ce  " + lab.dockerCeUrl());
    out.println("base       " + lab.baseUrl());
    out.println("gpg key    " + lab.gpgPublicKey().path() + " (" + lab.gpgKey().fingerprint() + ")");
    out.println("repos dir  " + lab.repos().root());
    out.println();
    out.println("# .repo file:");
    out.print(lab.repoFile(List.of(LabRepo.values())));
    out.println("# serving until Ctrl-C");
    out.flush();
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
