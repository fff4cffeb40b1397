package io.kubeferry.lab.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;

/**
 * The lab's SSH client key: a fresh ed25519 key pair written in OpenSSH format (private key mode 0600, as
 * OpenSSH requires), so both sshj and the {@code ssh} command can use it.
 *
 * @param privateKey path of the private key file ({@code openssh-key-v1}, unencrypted)
 * @param publicKey  the public key as one authorized_keys line ({@code ssh-ed25519 AAAA... comment})
 */
public record ClientKey(Path privateKey, String publicKey) {

  /**
   * Generates a key pair and writes {@code id_ed25519} and {@code id_ed25519.pub} into {@code dir}.
   *
   * @param dir     an existing directory only this process writes to
   * @param comment the comment of the public key line
   */
  public static ClientKey generate(Path dir, String comment) {
    Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
    generator.init(new Ed25519KeyGenerationParameters(new SecureRandom()));
    AsymmetricCipherKeyPair pair = generator.generateKeyPair();
    Path privateKey = dir.resolve("id_ed25519");
    try {
      String pem = "-----BEGIN OPENSSH PRIVATE KEY-----\n"
          + Base64.getMimeEncoder(70, new byte[] {'\n'})
              .encodeToString(OpenSSHPrivateKeyUtil.encodePrivateKey(pair.getPrivate()))
          + "\n-----END OPENSSH PRIVATE KEY-----\n";
      String publicLine = "ssh-ed25519 "
          + Base64.getEncoder().encodeToString(OpenSSHPublicKeyUtil.encodePublicKey(pair.getPublic()))
          + " " + comment;
      Files.createFile(privateKey, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(privateKey, pem, StandardCharsets.US_ASCII);
      Files.writeString(dir.resolve("id_ed25519.pub"), publicLine + "\n", StandardCharsets.US_ASCII);
      return new ClientKey(privateKey, publicLine);
    } catch (IOException e) {
      throw new LabNodeException("could not write the lab SSH client key: " + e + " (input " + dir + ")", e);
    }
  }
}
