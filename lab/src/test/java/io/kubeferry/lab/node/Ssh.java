package io.kubeferry.lab.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.IOUtils;
import net.schmizz.sshj.connection.channel.direct.Session;

/** A real SSH login with sshj and strict host key checking against a known_hosts file, for the node ITs. */
final class Ssh {
  private Ssh() {}

  /** Logs in as {@code user} and runs {@code command}; rejects a host whose key is not in {@code knownHosts}. */
  static ExecResult run(String address, Path knownHosts, Path key, String user, String command) throws IOException {
    try (SSHClient ssh = new SSHClient()) {
      ssh.loadKnownHosts(knownHosts.toFile()); // only the OpenSSHKnownHosts verifier: unknown or changed keys fail
      ssh.setConnectTimeout(10_000);
      ssh.connect(address, 22);
      ssh.authPublickey(user, ssh.loadKeys(key.toString()));
      try (Session session = ssh.startSession()) {
        Session.Command cmd = session.exec(command);
        String out = IOUtils.readFully(cmd.getInputStream()).toString(StandardCharsets.UTF_8);
        String err = IOUtils.readFully(cmd.getErrorStream()).toString(StandardCharsets.UTF_8);
        cmd.join(60, TimeUnit.SECONDS);
        return new ExecResult(cmd.getExitStatus() == null ? -1 : cmd.getExitStatus(), out, err);
      }
    }
  }
}
