package io.kubeferry.lab.yum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabHttpFileServerTest {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private HttpResponse<byte[]> get(URI uri, String range) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
    if (range != null) {
      b.header("Range", range);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void servesFilesRangesCountsAndFaults(@TempDir Path dir) throws Exception {
    byte[] data = new byte[100_000];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 31);
    }
    Files.createDirectories(dir.resolve("repo/Packages"));
    Files.write(dir.resolve("repo/Packages/a.rpm"), data);
    Files.writeString(dir.resolve("secret"), "x");
    try (LabHttpFileServer s = LabHttpFileServer.start(dir.resolve("repo"))) {
      URI u = s.baseUri().resolve("Packages/a.rpm");
      HttpResponse<byte[]> full = get(u, null);
      assertEquals(200, full.statusCode());
      assertEquals("100000", full.headers().firstValue("Content-Length").orElseThrow());
      assertArrayEquals(data, full.body());

      HttpResponse<byte[]> part = get(u, "bytes=40000-");
      assertEquals(206, part.statusCode());
      assertEquals("bytes 40000-99999/100000", part.headers().firstValue("Content-Range").orElseThrow());
      assertArrayEquals(Arrays.copyOfRange(data, 40000, 100000), part.body());
      assertEquals(416, get(u, "bytes=200000-").statusCode());

      assertEquals(404, get(s.baseUri().resolve("Packages/missing.rpm"), null).statusCode());
      assertEquals(404, get(URI.create(s.baseUri() + "..%2Fsecret"), null).statusCode());
      assertEquals(4, s.requestCount("/Packages/a.rpm") + s.requestCount("/Packages/missing.rpm"));

      s.failNextRequest("a.rpm", 503);
      assertEquals(503, get(u, null).statusCode());
      s.truncateNextResponse("a.rpm");
      HttpResponse<byte[]> truncated = get(u, null);
      assertEquals(200, truncated.statusCode());
      assertArrayEquals(Arrays.copyOf(data, 50_000), truncated.body());
      assertArrayEquals(data, get(u, null).body());
      assertEquals(6, s.requestCount("/Packages/a.rpm"));
    }
  }
}
