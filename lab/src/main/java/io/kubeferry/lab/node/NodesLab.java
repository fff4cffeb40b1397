package io.kubeferry.lab.node;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/** {@code scripts/lab nodes [N]}: starts N lab nodes, prints how to reach them and waits for Ctrl-C. */
public final class NodesLab {
  private NodesLab() {}

  /** @return 2 on a bad argument, 1 when the nodes do not start; otherwise blocks until the JVM is stopped */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    int n;
    try {
      n = args.length == 0 ? 1 : Integer.parseInt(args[0]);
      if (args.length > 1 || n < 1 || n > 50) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      err.println("lab nodes: error: expected one node count 1..50, got " + String.join(" ", args));
      return 2;
    }
    LabNodes lab;
    try {
      lab = LabNodes.start(n);
    } catch (LabNodeException e) {
      err.println("lab nodes: error: " + e.getMessage());
      return 1;
    }
    // LabNodes' own shutdown hook removes the containers and network on Ctrl-C.
    out.printf("%d lab node(s) up in %.1f s on network %s (%s)%n", n, lab.startupTime().toMillis() / 1000.0,
        lab.network(), lab.subnet());
    for (LabNode node : lab.nodes()) {
      out.printf("  %-7s %-15s port %d%n", node.hostname(), node.address(), node.sshPort());
    }
    out.println("client key:  " + lab.clientKey());
    out.println("known_hosts: " + lab.knownHosts());
    out.println("users:       root, kube (passwordless sudo), nosudo");
    out.printf("try:         ssh -i %s -o UserKnownHostsFile=%s -o StrictHostKeyChecking=yes kube@%s%n",
        lab.clientKey(), lab.knownHosts(), lab.nodes().get(0).address());
    out.println("Ctrl-C stops and removes the nodes.");
    out.flush();
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    lab.close();
    return 0;
  }
}
