package io.kubeferry.installer.bench;

import io.kubeferry.core.Digest;
import io.kubeferry.installer.ssh.FanOut;
import io.kubeferry.installer.ssh.RemoteCommand;
import io.kubeferry.installer.ssh.SshExecutor;
import io.kubeferry.installer.ssh.SshOptions;
import io.kubeferry.installer.ssh.SshTarget;
import io.kubeferry.installer.ssh.UploadResult;
import io.kubeferry.installer.testing.LocalSshd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fan-out benchmark: the light step (connect, upload 1 MiB with a sha256 check on the far side, run a command) on
 * 5 and on 50 sshd-only targets (real sshd processes on loopback, one port each), by kubeferry's executor and by
 * the OpenSSH client (scp + ssh, one process pair per host, run with the same parallelism through xargs -P).
 * Run with scripts/bench-fanout. Prints wall times, ratios, and the CPU floor: installer plus targets CPU per host
 * times the hosts over the cores, the least time the large run can take when the targets share this machine.
 */
public final class FanOutBench {
  public static void main(String[] args) throws Exception {
    int small = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int large = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    Path dir = Files.createTempDirectory("kubeferry-bench-fanout-");
    List<LocalSshd> servers = new ArrayList<>();
    try {
      Path first = dir.resolve("sshd-0");
      System.err.println("starting " + large + " sshd processes on 127.0.0.1 ...");
      for (int i = 0; i < large; i++) {
        Path d = dir.resolve("sshd-" + i);
        if (i > 0) {
          Files.createDirectories(d);
          Files.copy(first.resolve("client"), d.resolve("client"), StandardCopyOption.REPLACE_EXISTING);
          Files.copy(first.resolve("client.pub"), d.resolve("client.pub"), StandardCopyOption.REPLACE_EXISTING);
        }
        servers.add(LocalSshd.start(d));
      }
      Path kh = dir.resolve("known_hosts");
      StringBuilder lines = new StringBuilder();
      for (LocalSshd s : servers) {
        lines.append(s.knownHostsLine()).append('\n');
      }
      Files.writeString(kh, lines);
      Path payload = dir.resolve("payload.bin");
      byte[] data = new byte[1024 * 1024];
      new Random(7).nextBytes(data);
      Files.write(payload, data);
      Digest digest = Digest.sha256Of(data);
      Path key = first.resolve("client");

      // Warm-up (JIT, page cache) on a few hosts, not measured.
      kubeferry(servers.subList(0, 2), key, kh, payload, dir.resolve("warm"), 2, digest);

      long[] m0 = machineCpu();
      long c0 = cpuMillis();
      long k5 = kubeferry(servers.subList(0, small), key, kh, payload, dir.resolve("k-small"), small, digest);
      long c1 = cpuMillis();
      long t1 = targetsCpuMillis(servers);
      long k50 = kubeferry(servers, key, kh, payload, dir.resolve("k-large"), large, digest);
      long c2 = cpuMillis();
      long[] m2 = machineCpu();
      Thread.sleep(1000); // let every sshd reap its connection children, so their CPU time is counted
      long t2 = targetsCpuMillis(servers);
      long o5 = openssh(servers.subList(0, small), key, kh, payload, dir.resolve("o-small"), small, dir);
      long o50 = openssh(servers, key, kh, payload, dir.resolve("o-large"), large, dir);

      System.out.printf("fan-out light step (connect, upload 1 MiB + remote sha256sum, run a command)%n");
      System.out.printf("%-22s %10s %10s %14s%n", "tool", small + " hosts", large + " hosts", "ratio 50/5");
      System.out.printf("%-22s %8d ms %8d ms %13.2fx%n", "kubeferry (sshj)", k5, k50, (double) k50 / k5);
      System.out.printf("%-22s %8d ms %8d ms %13.2fx%n", "openssh scp+ssh", o5, o50, (double) o50 / o5);
      System.out.printf("kubeferry / openssh at %d hosts: %.2f; at %d hosts: %.2f%n", small, (double) k5 / o5, large,
          (double) k50 / o50);
      System.out.printf("installer-side CPU (this JVM): %d ms for %d hosts, %d ms for %d hosts (%.0f ms/host)%n",
          c1 - c0, small, c2 - c1, large, (double) (c2 - c1) / large);
      double perHost = (double) (c2 - c1 + t2 - t1) / large;
      int cores = Runtime.getRuntime().availableProcessors();
      System.out.printf("targets' CPU (sshd, shells, sha256sum) for %d hosts: %d ms (%.0f ms/host); installer +"
          + " targets = %.0f ms/host, so %d hosts need >= %.0f ms on %d cores (goal: <= %d ms)%n", large, t2 - t1,
          (double) (t2 - t1) / large, perHost, large, perHost * large / cores, cores, 2 * k5);
      System.out.printf("machine CPU busy during the kubeferry runs: %.0f%% (targets and other work share it)%n",
          100.0 * (1 - (double) (m2[1] - m0[1]) / (m2[0] - m0[0])));
      System.out.printf("machine: %d cores, load average at end %.1f (targets share this machine's CPUs)%n",
          Runtime.getRuntime().availableProcessors(),
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      System.out.printf("goal %dx hosts in <= 2x time: %s (%.2fx)%n", large / small,
          k50 <= 2 * k5 ? "met" : "NOT met", (double) k50 / k5);
    } finally {
      for (LocalSshd s : servers) {
        s.close();
      }
      try (var walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** {total jiffies, idle+iowait jiffies} from /proc/stat. */
  static long[] machineCpu() throws java.io.IOException {
    String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    long total = 0;
    for (int i = 1; i < f.length; i++) {
      total += Long.parseLong(f[i]);
    }
    return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
  }

  /** CPU time (ms) of the sshd listeners and their reaped children: every connection, shell and command. */
  static long targetsCpuMillis(List<LocalSshd> servers) throws java.io.IOException {
    long ticks = 0;
    for (LocalSshd s : servers) {
      String stat = Files.readString(Path.of("/proc/" + s.pid() + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // after the command name: field 14 utime is f[11], then stime, cutime, cstime
      for (int i = 11; i <= 14; i++) {
        ticks += Long.parseLong(f[i]);
      }
    }
    return ticks * 10; // USER_HZ is 100 on Linux
  }

  static long cpuMillis() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
  }

  static long kubeferry(List<LocalSshd> servers, Path key, Path kh, Path payload, Path out, int parallel,
      Digest digest) throws Exception {
    Files.createDirectories(out);
    List<SshTarget> targets = new ArrayList<>();
    for (int i = 0; i < servers.size(); i++) {
      targets.add(new SshTarget("h" + i, "127.0.0.1", servers.get(i).port(), "root", key, false));
    }
    long start = System.nanoTime();
    try (SshExecutor ssh = new SshExecutor(SshOptions.defaults(kh))) {
      var results = FanOut.run(targets, parallel, t -> {
        UploadResult up = ssh.upload(t, payload, digest, out.resolve(t.name() + ".bin").toString());
        ssh.check(t, RemoteCommand.user("uname -n >/dev/null && echo done"));
        return up;
      });
      for (var r : results) {
        if (!r.ok()) {
          throw new IllegalStateException("kubeferry fan-out failed on " + r.host().name() + ": "
              + r.error().orElseThrow().getMessage());
        }
      }
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** The same step with the OpenSSH client: scp, then ssh running sha256sum and the command, xargs -P wide. */
  static long openssh(List<LocalSshd> servers, Path key, Path kh, Path payload, Path out, int parallel, Path dir)
      throws Exception {
    Files.createDirectories(out);
    StringBuilder ports = new StringBuilder();
    servers.forEach(s -> ports.append(s.port()).append('\n'));
    Path list = dir.resolve("ports-" + servers.size());
    Files.writeString(list, ports);
    String expected = Digest.sha256Of(Files.readAllBytes(payload)).hex();
    String opts = "-q -o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile=" + kh + " -i " + key;
    String one = "p=$0; scp " + opts + " -P $p " + payload + " root@127.0.0.1:" + out + "/$p.bin && "
        + "ssh " + opts + " -p $p root@127.0.0.1 'sha256sum " + out + "/'$p'.bin && uname -n >/dev/null' | grep -q "
        + expected;
    long start = System.nanoTime();
    Process p = new ProcessBuilder("sh", "-c", "xargs -P " + parallel + " -n 1 sh -c '" + one.replace("'", "'\\''")
        + "' < " + list).redirectErrorStream(true).start();
    String o = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException("openssh fan-out failed: " + o);
    }
    return (System.nanoTime() - start) / 1_000_000;
  }
}
