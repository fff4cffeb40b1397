package io.kubeferry.bundler.image;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real {@code /usr/bin/docker-registry} (anonymous, plain HTTP) on a loopback port, for tests that need a registry
 * and nothing else: a push-back target, or a source before the lab registry is available.
 */
final class PlainRegistry implements AutoCloseable {
  private final Process process;
  private final Path dir;
  private final int port;

  private PlainRegistry(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  static PlainRegistry start() throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("kubeferry-plain-registry-");
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path cfg = dir.resolve("config.yml");
    Files.writeString(cfg, "version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: "
        + dir.resolve("data") + "\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:" + port + "\n");
    Process p = new ProcessBuilder("/usr/bin/docker-registry", "serve", cfg.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
    PlainRegistry r = new PlainRegistry(p, dir, port);
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < 100; i++) {
      try {
        HttpResponse<Void> resp = http.send(HttpRequest.newBuilder(URI.create("http://" + r.endpoint() + "/v2/")).build(),
            HttpResponse.BodyHandlers.discarding());
        if (resp.statusCode() == 200) {
          return r;
        }
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    r.close();
    throw new IOException("docker-registry did not start; log: " + Files.readString(dir.resolve("registry.log")));
  }

  String endpoint() {
    return "127.0.0.1:" + port;
  }

  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
