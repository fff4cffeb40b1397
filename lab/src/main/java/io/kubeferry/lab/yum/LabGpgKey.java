package io.kubeferry.lab.yum;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A test OpenPGP key (RSA 3072, no passphrase) living in its own GNUPGHOME under the lab cache, made once with real
 * {@code gpg --batch} and reused. Signatures use a faked system time so the same input gives the same bytes.
 * {@link #lab()} signs the lab repos; {@link #named(String)} gives independent keys ("other" for wrong-key tests).
 */
public final class LabGpgKey {
  /** Fixed creation and signing time: 2022-01-01T00:00:00Z. */
  public static final String FIXED_TIME = "20220101T000000";

  private final String name;
  private final Path home;
  private final String fingerprint;

  private LabGpgKey(String name, Path home, String fingerprint) {
    this.name = name;
    this.home = home;
    this.fingerprint = fingerprint;
  }

  /** The key that signs the lab repositories and their RPMs. */
  public static LabGpgKey lab() throws IOException {
    return named("lab");
  }

  /** A key with the given name ([a-z0-9-]+), generated on first use and cached. */
  public static LabGpgKey named(String name) throws IOException {
    if (!name.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("invalid lab key name '" + name + "'");
    }
    Path home = LabCache.root().resolve("gnupg-" + name);
    return LabCache.locked(() -> {
      Path ready = home.resolve("kubeferry-ready");
      if (!Files.exists(ready)) {
        generate(name, home);
        Files.writeString(ready, "ok\n");
      }
      LabGpgKey key = new LabGpgKey(name, home, readFingerprint(home));
      key.stopAgent();
      return key;
    });
  }

  private static void generate(String name, Path home) throws IOException {
    LabFiles.deleteTree(home);
    // gpg refuses a group/world-accessible home
    Files.createDirectories(home,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Path params = home.resolve("keyparams");
    Files.writeString(params, String.join("\n",
        "%no-protection",
        "Key-Type: RSA",
        "Key-Length: 3072",
        "Key-Usage: sign",
        "Name-Real: kubeferry lab " + name + " key (TEST ONLY)",
        "Name-Email: " + name + "@lab.kubeferry.invalid",
        "Expire-Date: 0",
        "Creation-Date: " + FIXED_TIME,
        "%commit", ""));
    Processes.check(List.of("gpg", "--batch", "--gen-key", params.toString()), env(home), null, 300);
  }

  private static String readFingerprint(Path home) throws IOException {
    String out = Processes.check(List.of("gpg", "--batch", "--with-colons", "--list-secret-keys"), env(home), null, 60);
    for (String line : out.split("\n")) {
      if (line.startsWith("fpr:")) {
        return line.split(":")[9];
      }
    }
    throw new IOException("could not read the lab key fingerprint: no fpr line (GNUPGHOME " + home + ")");
  }

  static Map<String, String> env(Path home) {
    return Map.of("GNUPGHOME", home.toString());
  }

  /** The GNUPGHOME holding the secret key. */
  public Path gnupgHome() {
    return home;
  }

  /** The key's name, e.g. "lab". */
  public String name() {
    return name;
  }

  /** The user id e-mail, usable as {@code -u} / {@code _gpg_name}. */
  public String userId() {
    return name + "@lab.kubeferry.invalid";
  }

  /** The v4 fingerprint, 40 upper-case hex digits. */
  public String fingerprint() {
    return fingerprint;
  }

  /** The long key id (last 16 hex digits of the fingerprint). */
  public String keyId() {
    return fingerprint.substring(24);
  }

  /** The ASCII-armored public key. */
  public String publicKeyArmored() throws IOException {
    return Processes.check(List.of("gpg", "--batch", "--armor", "--export", fingerprint), env(home), null, 60);
  }

  /** {@code gpg --detach-sign --armor} over {@code data}, at the fixed time, SHA-256. */
  public byte[] detachSignArmored(byte[] data) throws IOException {
    Path in = Files.createTempFile("kubeferry-lab-sign", ".in");
    try {
      Files.write(in, data);
      Path out = in.resolveSibling(in.getFileName() + ".asc");
      Processes.check(List.of("gpg", "--batch", "--yes", "--faked-system-time", FIXED_TIME + "!",
          "--digest-algo", "SHA256", "-u", fingerprint, "--detach-sign", "--armor", "-o", out.toString(),
          in.toString()), env(home), null, 120);
      byte[] sig = Files.readAllBytes(out);
      Files.delete(out);
      return sig;
    } finally {
      Files.deleteIfExists(in);
    }
  }

  /** Signs RPM files in place with real {@code rpmsign --addsign} (header signature, SHA-256, fixed time). */
  public void rpmSign(List<Path> rpms) throws IOException {
    if (rpms.isEmpty()) {
      return;
    }
    List<String> cmd = new ArrayList<>(List.of("rpmsign", "--addsign",
        "--define", "__gpg /usr/bin/gpg",
        "--define", "_gpg_path " + home,
        "--define", "_gpg_name " + fingerprint,
        "--define", "_gpg_digest_algo sha256",
        "--define", "_gpg_sign_cmd_extra_args --faked-system-time " + FIXED_TIME + "!"));
    rpms.forEach(p -> cmd.add(p.toString()));
    Processes.check(cmd, env(home), null, 600);
  }

  /** Stops the gpg-agent this key's home started (only that home's agent). */
  public void stopAgent() {
    try {
      Processes.run(List.of("gpgconf", "--kill", "gpg-agent"), env(home), null, 30);
    } catch (IOException e) {
      // best effort: an agent left running only costs memory
    }
  }

  @Override
  public String toString() {
    return "LabGpgKey[" + name + " " + fingerprint + "]";
  }
}
