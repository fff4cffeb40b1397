package io.kubeferry.lab.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Docker labels on every container and network of a lab instance. They record the owning process (pid and
 * start time, so a reused pid is not mistaken for the owner) and let a later run remove what a crashed run
 * left behind without touching the labs of processes that are still running.
 */
final class LabLabels {
  static final String KIND = "io.kubeferry.lab";
  static final String KIND_NODES = "nodes";
  static final String INSTANCE = "io.kubeferry.lab.instance";
  static final String HOST = "io.kubeferry.lab.host";
  static final String PID = "io.kubeferry.lab.pid";
  static final String PID_START = "io.kubeferry.lab.pid-start";

  private LabLabels() {}

  static Map<String, String> forInstance(String instance) {
    ProcessHandle self = ProcessHandle.current();
    return Map.of(KIND, KIND_NODES, INSTANCE, instance, HOST, hostName(),
        PID, Long.toString(self.pid()), PID_START, startMillis(self).map(String::valueOf).orElse("unknown"));
  }

  /** True when the labels name an owner process on this machine that no longer exists. */
  static boolean isStale(Map<String, String> labels) {
    if (labels == null || !hostName().equals(labels.get(HOST)) || labels.get(PID) == null) {
      return false;
    }
    Optional<ProcessHandle> owner;
    try {
      owner = ProcessHandle.of(Long.parseLong(labels.get(PID)));
    } catch (NumberFormatException e) {
      return false;
    }
    if (owner.isEmpty() || !owner.get().isAlive()) {
      return true;
    }
    String recorded = labels.get(PID_START);
    Optional<Long> actual = startMillis(owner.get());
    return actual.isPresent() && recorded != null && !recorded.equals(actual.get().toString());
  }

  private static Optional<Long> startMillis(ProcessHandle process) {
    return process.info().startInstant().map(java.time.Instant::toEpochMilli);
  }

  /** The kernel's host name: no DNS lookup (InetAddress.getLocalHost() can stall on a bad resolver). */
  static String hostName() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    } catch (IOException e) {
      return System.getenv().getOrDefault("HOSTNAME", "unknown");
    }
  }
}
