package io.kubeferry.installer.ssh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.installer.testing.LocalSshd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SSH executor against a real OpenSSH server on loopback (root login with a generated key). */
class SshExecutorIT {
  @TempDir static Path shared;
  static LocalSshd sshd;

  @BeforeAll
  static void start() throws Exception {
    sshd = LocalSshd.start(shared.resolve("sshd"));
  }

  @AfterAll
  static void stop() throws Exception {
    sshd.close();
  }

  private static SshTarget target() {
    return new SshTarget("node1", "127.0.0.1", sshd.port(), "root", sshd.clientKey(), false);
  }

  private static Path knownHosts(Path dir) throws Exception {
    Path kh = dir.resolve("known_hosts");
    Files.writeString(kh, sshd.knownHostsLine() + "\n");
    return kh;
  }

  @Test
  void unknownHostKeyIsRefusedByDefault(@TempDir Path dir) {
    try (SshExecutor ssh = new SshExecutor(SshOptions.defaults(dir.resolve("known_hosts")))) {
      SshException e = assertThrows(SshException.class, () -> ssh.run(target(), RemoteCommand.user("true")));
      assertEquals(SshException.Kind.HOST_KEY_UNKNOWN, e.kind());
      assertTrue(e.getMessage().contains("refusing to connect to node1") && e.getMessage().contains("SHA256:")
          && e.getMessage().contains("--accept-new-host-keys"), e.getMessage());
      assertFalse(Files.exists(dir.resolve("known_hosts")), "nothing recorded without --accept-new-host-keys");
    }
  }

  @Test
  void acceptNewRecordsTheKeyAndStrictModeThenTrustsIt(@TempDir Path dir) throws Exception {
    Path kh = dir.resolve("ssh/known_hosts");
    List<String> notices = new CopyOnWriteArrayList<>();
    SshListener l = new SshListener() {
      @Override
      public void notice(String host, String message) {
        notices.add(host + ": " + message);
      }
    };
    try (SshExecutor ssh = new SshExecutor(SshOptions.defaults(kh).withAcceptNewHostKeys(true).withListener(l))) {
      assertEquals("hi\n", ssh.check(target(), RemoteCommand.user("echo hi")).stdout());
    }
    String recorded = Files.readString(kh);
    assertTrue(recorded.contains("[127.0.0.1]:" + sshd.port() + " ssh-ed25519 "
        + sshd.hostKeyLine().split(" ")[1]), recorded);
    assertTrue(notices.get(0).startsWith("node1: recorded new host key SHA256:"), notices.toString());
    try (SshExecutor strict = new SshExecutor(SshOptions.defaults(kh))) {
      assertEquals("root\n", strict.check(target(), RemoteCommand.user("id -un")).stdout());
    }
  }

  @Test
  void changedHostKeyIsRefusedEvenWhenAcceptingNewKeys(@TempDir Path dir) throws Exception {
    Path sdir = dir.resolve("other");
    try (LocalSshd other = LocalSshd.start(sdir)) {
      Path kh = dir.resolve("known_hosts");
      Files.writeString(kh, other.knownHostsLine() + "\n");
      SshTarget t = new SshTarget("cp2", "127.0.0.1", other.port(), "root", other.clientKey(), false);
      try (SshExecutor ssh = new SshExecutor(SshOptions.defaults(kh))) {
        ssh.check(t, RemoteCommand.user("true"));
      }
      other.newHostKey("ed25519");
      other.restart();
      String before = Files.readString(kh);
      try (SshExecutor ssh = new SshExecutor(SshOptions.defaults(kh).withAcceptNewHostKeys(true))) {
        SshException e = assertThrows(SshException.class, () -> ssh.check(t, RemoteCommand.user("true")));
        assertEquals(SshException.Kind.HOST_KEY_CHANGED, e.kind());
        assertTrue(e.getMessage().startsWith("refusing to connect to cp2 (127.0.0.1:" + other.port()
            + "): its host key CHANGED"), e.getMessage());
      }
      assertEquals(before, Files.readString(kh), "a changed key is never recorded");
    }
  }

  @Test
  void rsaClientKeysWork(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("id_rsa");
    new ProcessBuilder("ssh-keygen", "-q", "-t", "rsa", "-b", "3072", "-N", "", "-f", key.toString())
        .start().waitFor();
    Path auth = shared.resolve("sshd/auth/authorized_keys");
    String original = Files.readString(auth);
    Files.writeString(auth, original + Files.readString(dir.resolve("id_rsa.pub")));
    try (SshExecutor ssh = new SshExecutor(SshOptions.defaults(knownHosts(dir)))) {
      SshTarget t = new SshTarget("rsa", "127.0.0.1", sshd.port(), "root", key, false);
      assertEquals("ok\n", ssh.check(t, RemoteCommand.user("echo ok")).stdout());
    } finally {
      Files.writeString(auth, original);
    }
  }

  @Test
  void wrongKeyAndUnreachableHostAreClearLines(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("stranger");
    new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()).start().waitFor();
    try (SshExecutor ssh = new SshExecutor(SshOptions.defaults(knownHosts(dir)).withConnectAttempts(1))) {
      SshTarget wrong = new SshTarget("w1", "127.0.0.1", sshd.port(), "root", key, false);
      SshException e = assertThrows(SshException.class, () -> ssh.run(wrong, RemoteCommand.user("true")));
      assertEquals(SshException.Kind.AUTHENTICATION, e.kind());
      assertTrue(e.getMessage().contains("the server refused key " + key + " for user 'root'"), e.getMessage());
      SshTarget down = new SshTarget("w2", "127.0.0.1", LocalSshd.freePort(), "root", sshd.clientKey(), false);
      SshException u = assertThrows(SshException.class, () -> ssh.run(down, RemoteCommand.user("true")));
      assertEquals(SshException.Kind.UNREACHABLE, u.kind());
      assertTrue(u.getMessage().startsWith("could not connect to w2 (127.0.0.1:"), u.getMessage());
      assertTrue(u.getMessage().contains("Connection refused"), u.getMessage());
    }
  }

  @Test
  void perCommandTimeoutStopsTheCommandAndTheConnectionStaysUsable(@TempDir Path dir) throws Exception {
    try (SshExecutor ssh = new SshExecutor(SshOptions.defaults(knownHosts(dir)))) {
      long start = System.nanoTime();
      SshException e = assertThrows(SshException.class,
          () -> ssh.run(target(), RemoteCommand.user("sleep 30").withTimeout(Duration.ofSeconds(1))));
      assertEquals(SshException.Kind.TIMEOUT, e.kind());
      assertEquals("could not run 'sleep 30' on node1: timed out after 1 s", e.getMessage());
      assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10);
      assertEquals("after\n", ssh.check(target(), RemoteCommand.user("echo after")).stdout());
    }
  }

  @Test
  void outputGoesToTheListenerAndTheHostLogAndSecretsAreRedacted(@TempDir Path dir) throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    SshListener l = new SshListener() {
      @Override
      public void output(String host, String line, boolean stderr) {
        lines.add(host + (stderr ? " err " : " out ") + line);
      }
    };
    SshOptions o = SshOptions.defaults(knownHosts(dir)).withLogDir(dir.resolve("logs")).withListener(l);
    o.redactor().add("s3cr3t-t0ken");
    try (SshExecutor ssh = new SshExecutor(o)) {
      CommandResult r = ssh.run(target(), RemoteCommand.user("echo token=s3cr3t-t0ken; echo oops >&2; exit 3"));
      assertEquals(3, r.exitStatus());
      assertEquals("token=***\n", r.stdout());
      SshException e = assertThrows(SshException.class, () -> ssh.check(target(), RemoteCommand.user("exit 4")));
      assertEquals("could not run 'exit 4' on node1: exit status 4: no output", e.getMessage());
    }
    assertTrue(lines.contains("node1 out token=***") && lines.contains("node1 err oops"), lines.toString());
    String log = Files.readString(dir.resolve("logs/node1.log"));
    assertFalse(log.contains("s3cr3t-t0ken"), log);
    assertTrue(log.contains("$ echo token=***") && log.contains("err| oops") && log.contains("exit 3"), log);
  }

  @Test
  void uploadResumesAVerifiedPartialCopyAndRestartsACorruptOne(@TempDir Path dir) throws Exception {
    byte[] data = new byte[3 * 1024 * 1024 + 123];
    new Random(42).nextBytes(data);
    Path local = dir.resolve("repo.tar");
    Files.write(local, data);
    Path remote = dir.resolve("remote/repo.tar");
    Files.createDirectories(remote.getParent());
    Files.write(Path.of(remote + ".part"), java.util.Arrays.copyOf(data, 1024 * 1024)); // a cut-off upload
    List<Long> progress = new CopyOnWriteArrayList<>();
    SshListener l = new SshListener() {
      @Override
      public void uploadProgress(String host, String path, long sent, long total) {
        progress.add(sent);
      }
    };
    try (SshExecutor ssh = new SshExecutor(SshOptions.defaults(knownHosts(dir)).withListener(l))) {
      UploadResult r = ssh.upload(target(), local, remote.toString());
      assertEquals(1024 * 1024, r.resumedFrom());
      assertEquals(data.length - 1024 * 1024, r.sent());
      assertArrayEquals(data, Files.readAllBytes(remote));
      assertFalse(Files.exists(Path.of(remote + ".part")));
      assertEquals(data.length, progress.get(progress.size() - 1));

      UploadResult again = ssh.upload(target(), local, remote.toString());
      assertTrue(again.skipped(), "same digest already there: nothing sent");

      Files.delete(remote);
      byte[] junk = new byte[500_000];
      Files.write(Path.of(remote + ".part"), junk); // a prefix that is not ours
      UploadResult restarted = ssh.upload(target(), local, remote.toString());
      assertEquals(0, restarted.resumedFrom());
      assertEquals(data.length, restarted.sent());
      assertArrayEquals(data, Files.readAllBytes(remote));
    }
  }

  @Test
  void manyConnectionsToOneHostStayUnderSshdsMaxStartups(@TempDir Path dir) throws Exception {
    try (LocalSshd strict = LocalSshd.start(dir.resolve("strict"), "127.0.0.1", LocalSshd.freePort(), false)) {
      Path kh = dir.resolve("known_hosts");
      Files.writeString(kh, strict.knownHostsLine() + "\n");
      List<SshTarget> targets = new java.util.ArrayList<>();
      for (int i = 0; i < 24; i++) {
        targets.add(new SshTarget("c" + i, "127.0.0.1", strict.port(), "root", strict.clientKey(), false));
      }
      try (SshExecutor ssh = new SshExecutor(SshOptions.defaults(kh).withConnectAttempts(1))) {
        var outcomes = FanOut.run(targets, 24, t -> ssh.check(t, RemoteCommand.user("echo ok")).stdout());
        for (var o : outcomes) {
          assertTrue(o.ok(), o.host().name() + ": " + o.error().map(Exception::getMessage).orElse(""));
          assertEquals("ok\n", o.value().orElseThrow());
        }
      }
    }
  }

  @Test
  void aConnectionDroppedMidUploadFailsClearlyAndTheNextUploadResumes(@TempDir Path dir) throws Exception {
    try (LocalSshd own = LocalSshd.start(dir.resolve("own"))) {
      Path kh = dir.resolve("known_hosts");
      Files.writeString(kh, own.knownHostsLine() + "\n");
      SshTarget t = new SshTarget("n9", "127.0.0.1", own.port(), "root", own.clientKey(), false);
      byte[] data = new byte[48 * 1024 * 1024];
      new Random(9).nextBytes(data);
      Path local = dir.resolve("big.bin");
      Files.write(local, data);
      Path remote = dir.resolve("remote/big.bin");
      SshListener dropper = new SshListener() {
        @Override
        public void uploadProgress(String host, String path, long sent, long total) {
          if (sent >= 12L * 1024 * 1024 && sent < total) {
            try {
              own.stop(); // the host goes away: listener and session processes are killed
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        }
      };
      try (SshExecutor ssh = new SshExecutor(SshOptions.defaults(kh).withListener(dropper).withConnectAttempts(1))) {
        SshException e = assertThrows(SshException.class, () -> ssh.upload(t, local, remote.toString()));
        assertTrue(e.getMessage().startsWith("could not upload " + local + " to n9:" + remote)
            && e.getMessage().endsWith("(re-run to resume)"), e.getMessage());
      }
      long kept = Files.size(Path.of(remote + ".part"));
      assertTrue(kept > 0 && kept < data.length, "a partial copy stays for resuming: " + kept);
      own.restart();
      try (SshExecutor ssh = new SshExecutor(SshOptions.defaults(kh))) {
        UploadResult r = ssh.upload(t, local, remote.toString());
        assertEquals(kept, r.resumedFrom());
        assertArrayEquals(data, Files.readAllBytes(remote));
      }
    }
  }
}
