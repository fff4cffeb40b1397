package io.kubeferry.lab.registry;

import io.kubeferry.core.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code skopeo} for the lab ITs. */
final class Skopeo {
  record Result(int exit, String output) {
  }

  private Skopeo() {
  }

  static Result run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("skopeo", "--insecure-policy"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("skopeo timed out: " + cmd);
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  static Result ok(String... args) throws IOException, InterruptedException {
    Result r = run(args);
    if (r.exit() != 0) {
      throw new AssertionError("skopeo " + String.join(" ", args) + " failed (" + r.exit() + "): " + r.output());
    }
    return r;
  }

  /** sha256 of {@code skopeo inspect --raw docker://ref} (the manifest/index digest as served). */
  static Digest rawDigest(String dockerRef, String... extra) throws IOException, InterruptedException {
    List<String> a = new ArrayList<>(List.of("inspect", "--raw", "--tls-verify=false"));
    a.addAll(List.of(extra));
    a.add("docker://" + dockerRef);
    Process p = new ProcessBuilder(prefix(a)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] raw = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError("skopeo inspect --raw " + dockerRef + " failed");
    }
    return Digest.sha256Of(raw);
  }

  private static List<String> prefix(List<String> args) {
    List<String> cmd = new ArrayList<>(List.of("skopeo", "--insecure-policy"));
    cmd.addAll(args);
    return cmd;
  }
}
