package io.kubeferry.lab.registry;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code docker-registry} (distribution 2.8) child process on 127.0.0.1, configured by a generated config.yml
 * in its working directory. The binary is {@code /usr/bin/docker-registry} unless {@code KUBEFERRY_LAB_REGISTRY_BIN}
 * names another.
 */
final class RegistryProcess implements AutoCloseable {
  private static final String DEFAULT_BINARY = "/usr/bin/docker-registry";

  private final Process process;
  private final int port;
  private final Path logFile;

  private RegistryProcess(Process process, int port, Path logFile) {
    this.process = process;
    this.port = port;
    this.logFile = logFile;
  }

  /** The {@code auth:} section of the config, already indented under {@code auth:}; empty for none. */
  record AuthConfig(String yaml) {
    static AuthConfig none() {
      return new AuthConfig("");
    }

    static AuthConfig htpasswd(Path file) {
      return new AuthConfig("auth:\n  htpasswd:\n    realm: kubeferry-lab\n    path: " + file + "\n");
    }

    static AuthConfig token(URI realm, String service, String issuer, Path rootCertBundle) {
      return new AuthConfig("auth:\n  token:\n    realm: " + realm + "\n    service: " + service
          + "\n    issuer: " + issuer + "\n    rootcertbundle: " + rootCertBundle + "\n");
    }
  }

  static Path binary() throws IOException {
    String env = System.getenv("KUBEFERRY_LAB_REGISTRY_BIN");
    Path bin = Path.of(env != null && !env.isBlank() ? env : DEFAULT_BINARY);
    if (!Files.isExecutable(bin)) {
      throw new IOException("could not start the lab registry: " + bin + " is not an executable file "
          + "(install the Debian package docker-registry; scripts/setup-test-env does)");
    }
    return bin;
  }

  /** Starts the registry on a free port with storage under {@code storage}, waiting until it answers. */
  static RegistryProcess start(Path workDir, Path storage, AuthConfig auth) throws IOException {
    Path bin = binary();
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = freePort();
      Path config = workDir.resolve("config.yml");
      Files.writeString(config, config(storage, port, auth), StandardCharsets.UTF_8);
      Path log = workDir.resolve("registry.log");
      ProcessBuilder pb = new ProcessBuilder(List.of(bin.toString(), "serve", config.toString()))
          .directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
      // REGISTRY_* variables override config.yml; the lab's config must be the only input.
      pb.environment().keySet().removeIf(k -> k.startsWith("REGISTRY_"));
      RegistryProcess rp = new RegistryProcess(pb.start(), port, log);
      try {
        rp.awaitReady();
        return rp;
      } catch (IOException e) {
        rp.close();
        last = e;
      }
    }
    throw last;
  }

  private static String config(Path storage, int port, AuthConfig auth) {
    return "version: 0.1\n"
        + "log:\n  level: warn\n  accesslog:\n    disabled: true\n"
        + "storage:\n  filesystem:\n    rootdirectory: " + storage + "\n  delete:\n    enabled: true\n"
        + "  maintenance:\n    uploadpurging:\n      enabled: false\n"
        + "http:\n  addr: 127.0.0.1:" + port + "\n  secret: kubeferry-lab-" + Long.toHexString(System.nanoTime())
        + "\n  relativeurls: true\n"
        + "health:\n  storagedriver:\n    enabled: false\n"
        + auth.yaml();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  /** Waits until the port accepts connections (the registry listens only once fully configured). */
  private void awaitReady() throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("could not start the lab registry: it exited with " + process.exitValue()
            + ": " + logTail());
      }
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while starting the lab registry", e);
        }
      }
    }
    throw new IOException("could not start the lab registry: port " + port + " not open after 15 s: " + logTail());
  }

  String logTail() {
    try {
      String s = Files.readString(logFile, StandardCharsets.UTF_8);
      return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  int port() {
    return port;
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(3, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
