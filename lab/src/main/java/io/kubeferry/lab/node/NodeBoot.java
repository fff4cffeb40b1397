package io.kubeferry.lab.node;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a lab node to finish booting: systemd in state {@code running} (a {@code degraded} boot fails with
 * the list of failed units) and sshd sending its banner on the node's address. A container that exits while
 * booting fails at once with the last lines of its log.
 */
final class NodeBoot {
  private static final Duration EXEC_TIMEOUT = Duration.ofMinutes(1);

  private final DockerClient docker;
  private final String containerId;
  private final String containerName;
  private final String hostname;
  private final String address;
  private final int sshPort;

  NodeBoot(DockerClient docker, String containerId, String containerName, String hostname, String address,
      int sshPort) {
    this.docker = docker;
    this.containerId = containerId;
    this.containerName = containerName;
    this.hostname = hostname;
    this.address = address;
    this.sshPort = sshPort;
  }

  void await(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    String state = "";
    while (true) {
      requireRunning();
      ExecResult result = DockerExec.run(docker, containerId, timeout,
          "timeout", Long.toString(Math.max(1, timeout.toSeconds())), "systemctl", "is-system-running", "--wait");
      state = result.stdout().strip();
      if (state.equals("running")) {
        break;
      }
      if (state.equals("degraded") || state.equals("maintenance")) {
        String failed = DockerExec.run(docker, containerId, EXEC_TIMEOUT,
            "systemctl", "--failed", "--no-legend", "--plain").stdout().strip().replace('\n', ';');
        throw new LabNodeException("lab node " + hostname + " booted " + state + "; failed units: " + failed);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new LabNodeException("lab node " + hostname + " did not finish booting within "
            + timeout.toSeconds() + " s: systemctl is-system-running says '" + state + "' "
            + result.stderr().strip());
      }
      // Right after the container starts, systemd is not up yet and systemctl answers 'offline' at once.
      DockerExec.sleep(Duration.ofMillis(100));
    }
    awaitSshBanner(deadline);
  }

  private void awaitSshBanner(Instant deadline) {
    IOException last = null;
    while (!Instant.now().isAfter(deadline)) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(address, sshPort), 1000);
        socket.setSoTimeout(2000);
        if (readLine(socket.getInputStream()).startsWith("SSH-")) {
          return;
        }
      } catch (IOException e) {
        last = e;
      }
      DockerExec.sleep(Duration.ofMillis(100));
    }
    throw new LabNodeException("lab node " + hostname + ": sshd does not answer on " + address + ":" + sshPort
        + (last == null ? "" : " (" + last.getMessage() + ")"));
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c; (c = in.read()) >= 0 && c != '\n' && line.length() < 256; ) {
      line.append((char) c);
    }
    return line.toString();
  }

  private void requireRunning() {
    Boolean running = docker.inspectContainerCmd(containerId).exec().getState().getRunning();
    if (!Boolean.TRUE.equals(running)) {
      throw new LabNodeException("lab node " + hostname + " (container " + containerName
          + ") exited while booting; last log lines: " + logTail());
    }
  }

  private String logTail() {
    StringBuilder log = new StringBuilder();
    try (ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
      @Override
      public void onNext(Frame frame) {
        log.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
      }
    }) {
      docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withTail(15).exec(callback);
      callback.awaitCompletion(10, TimeUnit.SECONDS);
    } catch (IOException | RuntimeException e) {
      return "(no logs: " + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return log.toString().strip().replace('\n', '|');
  }
}
