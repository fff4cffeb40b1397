package io.kubeferry.lab.node;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Runs one command in a container with {@code docker exec} and collects its output and exit status. */
final class DockerExec {
  private DockerExec() {}

  static ExecResult run(DockerClient docker, String containerId, Duration timeout, String... command) {
    String execId = docker.execCreateCmd(containerId)
        .withCmd(command)
        .withAttachStdout(true)
        .withAttachStderr(true)
        .exec()
        .getId();
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    try (ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
      @Override
      public void onNext(Frame frame) {
        // Bytes, not strings, per frame: a UTF-8 character may be split between two frames.
        (frame.getStreamType() == StreamType.STDERR ? stderr : stdout).writeBytes(frame.getPayload());
      }
    }) {
      docker.execStartCmd(execId).exec(callback);
      if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new LabNodeException("could not run " + String.join(" ", command) + " in container "
            + containerId + ": no exit within " + timeout.toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LabNodeException("interrupted while running " + String.join(" ", command), e);
    } catch (java.io.IOException e) {
      throw new LabNodeException("could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
    }
    Long exit = docker.inspectExecCmd(execId).exec().getExitCodeLong();
    for (int i = 0; exit == null && i < 50; i++) { // the daemon may record the exit a moment after the stream ends
      sleep(Duration.ofMillis(20));
      exit = docker.inspectExecCmd(execId).exec().getExitCodeLong();
    }
    return new ExecResult(exit == null ? -1 : exit.intValue(),
        stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LabNodeException("interrupted while waiting for a lab node", e);
    }
  }
}
