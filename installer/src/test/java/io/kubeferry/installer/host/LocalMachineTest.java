package io.kubeferry.installer.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.core.Digest;
import io.kubeferry.installer.ssh.CommandResult;
import io.kubeferry.installer.ssh.RemoteCommand;
import io.kubeferry.installer.ssh.SshListener;
import io.kubeferry.installer.ssh.SshOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code connection: local}: real processes on this machine, and the resource scripts that every machine shares
 * (write-file, read-file, read-checkpoints) run for real against a temp directory.
 */
class LocalMachineTest {
  @TempDir Path dir;
  final List<String> lines = new CopyOnWriteArrayList<>();

  LocalMachine machine(Duration timeout) {
    SshOptions o = SshOptions.defaults(dir.resolve("known_hosts")).withTimeouts(Duration.ofSeconds(5), timeout)
        .withLogDir(dir.resolve("logs")).withListener(new SshListener() {
          @Override
          public void output(String host, String line, boolean stderr) {
            lines.add(host + ": " + line);
          }
        });
    return new LocalMachine("cp1", o, true);
  }

  @Test
  void argumentsReachTheScriptVerbatimAndOutputIsRedactedEverywhere() throws Exception {
    try (LocalMachine m = machine(Duration.ofSeconds(30))) {
      String odd = "it's \"quoted\" $HOME `id` ; rm -rf /";
      CommandResult r = m.check(RemoteCommand.user("printf '%s|%s' \"$1\" \"$0\"").withName("echo")
          .withArgs(List.of(odd)));
      assertEquals(odd + "|kubeferry-echo", r.stdout().strip());

      SshOptions o = SshOptions.defaults(dir.resolve("kh"));
      o.redactor().add("s3cr3t-token");
      try (LocalMachine quiet = new LocalMachine("cp2", o.withLogDir(dir.resolve("logs")), true)) {
        CommandResult secret = quiet.check(RemoteCommand.user("cat").withStdin("token: s3cr3t-token\n"
            .getBytes(StandardCharsets.UTF_8)));
        assertEquals("token: ***\n", secret.stdout());
      }
      String log = Files.readString(dir.resolve("logs/cp2.log"));
      assertTrue(log.contains("out| token: ***"), log);
      assertFalse(log.contains("s3cr3t"), log);
    }
  }

  @Test
  void failuresTimeoutsAndCancelsHaveTheirKinds() throws Exception {
    try (LocalMachine m = machine(Duration.ofMillis(300))) {
      HostException failed = assertThrows(HostException.class,
          () -> m.check(RemoteCommand.root("echo 'disk full' >&2; exit 7").withLabel("fill")));
      assertEquals(HostException.Kind.COMMAND_FAILED, failed.kind());
      assertEquals("could not run 'fill' on cp1: exit status 7: disk full", failed.getMessage());

      long start = System.nanoTime();
      HostException timeout = assertThrows(HostException.class, () -> m.run(RemoteCommand.user("sleep 30")));
      assertEquals(HostException.Kind.TIMEOUT, timeout.kind());
      assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());

      Thread.currentThread().interrupt();
      HostException cancelled = assertThrows(HostException.class, () -> m.run(RemoteCommand.user("sleep 30")
          .withTimeout(Duration.ofSeconds(30))));
      assertEquals(HostException.Kind.CANCELLED, cancelled.kind());
      assertTrue(Thread.interrupted(), "the interrupt stays visible to the caller");
    }
  }

  @Test
  void writeFileIsAtomicIdempotentAndOwnerOnlyWhenAsked() throws Exception {
    try (LocalMachine m = machine(Duration.ofSeconds(30))) {
      String path = dir.resolve("etc/kubeferry/token").toString();
      assertTrue(m.write("secret\n", path, "0600"));
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(path))));
      long mtime = Files.getLastModifiedTime(Path.of(path)).toMillis();
      assertFalse(m.write("secret\n", path, "0600"), "same content and mode: unchanged");
      assertEquals(mtime, Files.getLastModifiedTime(Path.of(path)).toMillis());
      assertTrue(m.write("secret\n", path, "0644"), "a mode change is a change");
      assertEquals(Optional.of("secret\n"), m.read(path));
      assertEquals(Optional.empty(), m.read(dir.resolve("missing").toString()));
      try (var s = Files.list(Path.of(path).getParent())) {
        assertEquals(List.of("token"), s.map(p -> p.getFileName().toString()).toList(), "no temp file left");
      }
    }
  }

  @Test
  void checkpointsAreReadInOneCommand() throws Exception {
    try (LocalMachine m = machine(Duration.ofSeconds(30))) {
      Path cp = dir.resolve("checkpoints");
      assertEquals("", m.check(Script.named("read-checkpoints").root(cp.toString())).stdout(), "none yet");
      m.write("h1\n", cp.resolve("prepare.swap").toString(), "0644");
      m.write("h2\n", cp.resolve("prepare.kernel").toString(), "0644");
      String out = m.check(Script.named("read-checkpoints").root(cp.toString())).stdout();
      assertEquals("prepare.kernel h2\nprepare.swap h1\n", out);
    }
  }

  @Test
  void aLocalUploadIsVerifiedAndSkippedWhenPresent() throws Exception {
    try (LocalMachine m = machine(Duration.ofSeconds(30))) {
      Path src = Files.writeString(dir.resolve("repo.tar"), "archive");
      Digest d = Digest.sha256Of("archive".getBytes(StandardCharsets.UTF_8));
      String target = dir.resolve("staging/repo.tar").toString();
      assertFalse(m.upload(src, d, target).skipped());
      assertEquals("archive", Files.readString(Path.of(target)));
      assertTrue(m.upload(src, d, target).skipped());
      HostException bad = assertThrows(HostException.class, () -> m.upload(src,
          Digest.sha256Of(new byte[] {1}), dir.resolve("other.tar").toString()));
      assertEquals(HostException.Kind.TRANSFER, bad.kind());
    }
  }
}
