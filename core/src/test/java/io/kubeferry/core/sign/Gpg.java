package io.kubeferry.core.sign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real gpg in a private GNUPGHOME (test support). */
final class Gpg {
  record Result(int exit, String output) {}

  private final Path home;

  Gpg(Path dir) throws IOException {
    home = Files.createDirectories(dir.resolve("gnupg"));
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
  }

  Result run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch", "--no-tty",
        "--pinentry-mode", "loopback", "--passphrase", ""));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("gpg timed out: " + cmd);
    }
    return new Result(p.exitValue(), out);
  }

  Result ok(String... args) throws IOException, InterruptedException {
    Result r = run(args);
    if (r.exit() != 0) {
      throw new AssertionError("gpg " + String.join(" ", args) + " failed: " + r.output());
    }
    return r;
  }

  void close() throws IOException, InterruptedException {
    new ProcessBuilder("gpgconf", "--homedir", home.toString(), "--kill", "all").start().waitFor(20, TimeUnit.SECONDS);
  }
}
