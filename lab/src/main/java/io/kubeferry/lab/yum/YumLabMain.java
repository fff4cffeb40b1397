package io.kubeferry.lab.yum;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Serves the lab yum repositories until Ctrl-C and prints their URLs and a ready-to-use .repo file. */
public final class YumLabMain {
  private YumLabMain() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    LabYumRepos lab = LabYumRepos.start();
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
    stop.await();
  }
}
