package io.kubeferry.lab.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientKeyTest {
  @Test
  void opensshDerivesTheSamePublicKeyFromThePrivateKeyFile(@TempDir Path dir) throws Exception {
    ClientKey key = ClientKey.generate(dir, "lab-test");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key.privateKey())));
    Process keygen = new ProcessBuilder("ssh-keygen", "-y", "-f", key.privateKey().toString()).start();
    String derived = new String(keygen.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertEquals(0, keygen.waitFor());
    String[] expected = key.publicKey().split(" ");
    assertTrue(derived.startsWith(expected[0] + " " + expected[1]), derived + " vs " + key.publicKey());
    assertEquals(key.publicKey() + "\n", Files.readString(dir.resolve("id_ed25519.pub")));
  }

  @Test
  void sshjLoadsThePrivateKey(@TempDir Path dir) throws Exception {
    ClientKey key = ClientKey.generate(dir, "lab-test");
    try (SSHClient ssh = new SSHClient()) {
      KeyProvider provider = ssh.loadKeys(key.privateKey().toString());
      byte[] blob = new Buffer.PlainBuffer().putPublicKey(provider.getPublic()).getCompactData();
      assertEquals(key.publicKey().split(" ")[1], Base64.getEncoder().encodeToString(blob));
    }
  }
}
