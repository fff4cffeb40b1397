package io.kubeferry.installer.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubeferry.installer.ssh.CommandResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InstallPackagesStepTest {
  private static CommandResult dnf(String out) {
    return new CommandResult("node1", "dnf install", 1, out, "", Duration.ZERO);
  }

  @Test
  void namesTheMissingPackageOrTheSignatureProblem() {
    assertEquals("dnf: No match for argument: kubelet-1.23.9-0 (the bundle's repository lacks this package)",
        InstallPackagesStep.dnfError(dnf("Last metadata expiration check: 0:00:01 ago\n"
            + "No match for argument: kubelet-1.23.9-0\nError: Unable to find a match: kubelet-1.23.9-0\n")));
    assertEquals("dnf: Public key for kubeadm-1.23.1-0.x86_64.rpm is not installed. Failing package is: kubeadm (the bundle lacks the key that"
        + " signed it: rebuild the bundle with --repo-key for that repository)",
        InstallPackagesStep.dnfError(dnf("Importing GPG key 0x1234ABCD:\n Userid : \"kubeferry\"\n"
            + "Public key for kubeadm-1.23.1-0.x86_64.rpm is not installed. Failing package is: kubeadm\n"
            + "Error: GPG check FAILED\n")));
    assertEquals("dnf: Error: GPG check FAILED", InstallPackagesStep.dnfError(dnf("Importing GPG key 0x1234ABCD:\n"
        + "Error: GPG check FAILED\n")));
    assertEquals("dnf exit status 1: something odd", InstallPackagesStep.dnfError(dnf("something odd\n")));
  }
}
