package io.kubeferry.installer.preflight;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What preflight knows about one host, gathered by one command ({@link FactsScript}) or built by tests. Sizes are
 * in kibibytes; {@code clockOffsetMillis} is the host clock minus the installer's clock at gathering time.
 *
 * @param osId {@code ID} from os-release, e.g. {@code centos}
 * @param osVersionId {@code VERSION_ID}, e.g. {@code 7}
 * @param productUuid empty when the host exposes none (containers)
 * @param missingBinaries required binaries not on the PATH
 * @param listeningPorts TCP ports in LISTEN state
 * @param selinux {@code enforcing}, {@code permissive}, {@code disabled} or {@code absent}
 * @param firewalld {@code active} or anything else
 */
public record HostFacts(
    String hostname,
    String osId,
    String osVersionId,
    String arch,
    String kernel,
    int cpus,
    long memoryKib,
    long swapKib,
    List<String> macs,
    String productUuid,
    long clockOffsetMillis,
    long varFreeKib,
    List<String> missingBinaries,
    Set<Integer> listeningPorts,
    String selinux,
    String firewalld) {

  public HostFacts {
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(osId, "osId");
    Objects.requireNonNull(osVersionId, "osVersionId");
    Objects.requireNonNull(arch, "arch");
    Objects.requireNonNull(kernel, "kernel");
    Objects.requireNonNull(productUuid, "productUuid");
    Objects.requireNonNull(selinux, "selinux");
    Objects.requireNonNull(firewalld, "firewalld");
    macs = List.copyOf(macs);
    missingBinaries = List.copyOf(missingBinaries);
    listeningPorts = Set.copyOf(listeningPorts);
  }

  public long memoryMib() {
    return memoryKib / 1024;
  }

  /** A copy with other listening ports; tests use the {@code with*} methods to simulate a host. */
  public HostFacts withListeningPorts(Set<Integer> ports) {
    return new HostFacts(hostname, osId, osVersionId, arch, kernel, cpus, memoryKib, swapKib, macs, productUuid,
        clockOffsetMillis, varFreeKib, missingBinaries, ports, selinux, firewalld);
  }

  public HostFacts withSwapKib(long swap) {
    return new HostFacts(hostname, osId, osVersionId, arch, kernel, cpus, memoryKib, swap, macs, productUuid,
        clockOffsetMillis, varFreeKib, missingBinaries, listeningPorts, selinux, firewalld);
  }

  public HostFacts withHostname(String name) {
    return new HostFacts(name, osId, osVersionId, arch, kernel, cpus, memoryKib, swapKib, macs, productUuid,
        clockOffsetMillis, varFreeKib, missingBinaries, listeningPorts, selinux, firewalld);
  }

  public HostFacts withMemoryKib(long mem) {
    return new HostFacts(hostname, osId, osVersionId, arch, kernel, cpus, mem, swapKib, macs, productUuid,
        clockOffsetMillis, varFreeKib, missingBinaries, listeningPorts, selinux, firewalld);
  }

  public HostFacts withClockOffsetMillis(long offset) {
    return new HostFacts(hostname, osId, osVersionId, arch, kernel, cpus, memoryKib, swapKib, macs, productUuid,
        offset, varFreeKib, missingBinaries, listeningPorts, selinux, firewalld);
  }
}
