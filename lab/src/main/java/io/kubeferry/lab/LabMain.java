package io.kubeferry.lab;

import io.kubeferry.lab.node.NodesLab;
import io.kubeferry.lab.registry.RegistryLabMain;
import io.kubeferry.lab.yum.YumLabMain;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * Entry point of {@code scripts/lab}: starts one part of the lab by hand and keeps it up until Ctrl-C.
 * A small dispatcher on the first argument; each sub-lab is its own class with
 * {@code static int run(String[] args, PrintStream out, PrintStream err)}.
 */
public final class LabMain {
  private static final String USAGE = String.join("\n",
      "usage: scripts/lab <part> [args]",
      "  nodes [N]    start N lab nodes (default 1) and print how to reach them; Ctrl-C stops them",
      "  registry [--mode M[+redirect]] [--filler BYTES]",
      "               start the image registry stand-ins (k8s.gcr.io, docker.io) with the 1.23.1 fixture images",
      "  yum          serve the kubernetes, docker-ce and base fixture yum repositories",
      "  up --state DIR [--nodes N]",
      "               the whole lab the demo needs in one JVM: registries, yum repos, N nodes (default 3);",
      "               writes DIR/lab.env, DIR/hosts.yaml, then DIR/ready; SIGTERM/Ctrl-C stops everything");

  private LabMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** @return the exit code: 0 ok, 1 failure, 2 usage */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
      (args.length == 0 ? err : out).println(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "nodes":
        return NodesLab.run(rest, out, err);
      case "registry":
        return RegistryLabMain.run(rest, out, err);
      case "yum":
        return YumLabMain.run(rest, out, err);
      case "up":
        return UpLab.run(rest, out, err);
      default:
        err.println("lab: error: unknown part '" + args[0] + "'\n" + USAGE);
        return 2;
    }
  }
}
