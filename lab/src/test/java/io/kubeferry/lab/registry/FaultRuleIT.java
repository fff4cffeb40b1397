package io.kubeferry.lab.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubeferry.core.Digest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fault rules do what they say, on the proxied path and on the redirect path. */
class FaultRuleIT {
  private static LabRegistry plain;
  private static LabRegistry redirect;
  private static Digest etcdLayer;
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

  @BeforeAll
  static void start() throws Exception {
    plain = LabRegistry.start(Mode.ANONYMOUS);
    redirect = LabRegistry.start(Mode.REDIRECT);
    LabImages images = LabImages.k8s1231();
    images.pushAll(plain, plain);
    images.pushAll(redirect, redirect);
    // The largest blob of the set: the amd64 etcd layer with the real binaries (MiBs, so a cut is mid-body).
    BlobStore store = new BlobStore(LabImages.defaultCacheDir());
    Digest manifest = images.build().get("k8s.gcr.io/etcd:3.5.1-0");
    Digest largest = null;
    for (Digest d : BlobWalk.closure(store, manifest)) {
      if (largest == null || store.size(d) > store.size(largest)) {
        largest = d;
      }
    }
    etcdLayer = largest;
  }

  @AfterAll
  static void stop() {
    plain.close();
    redirect.close();
  }

  @AfterEach
  void clearFaults() {
    plain.front().clearFaults();
    redirect.front().clearFaults();
  }

  private static byte[] expected() throws IOException {
    return Files.readAllBytes(new BlobStore(LabImages.defaultCacheDir()).path(etcdLayer));
  }

  private static HttpResponse<byte[]> getBlob(LabRegistry r) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(r.baseUri() + "/v2/etcd/blobs/" + etcdLayer)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void frontPassesHeadersRangesAndHeadLengthsThrough() throws Exception {
    long size = expected().length;
    HttpResponse<Void> head = HTTP.send(HttpRequest.newBuilder(URI.create(plain.baseUri() + "/v2/etcd/blobs/"
        + etcdLayer)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.discarding());
    assertEquals(200, head.statusCode());
    assertEquals(size, head.headers().firstValueAsLong("Content-Length").orElse(-1));
    assertEquals(etcdLayer.toString(), head.headers().firstValue("Docker-Content-Digest").orElse(""));
    HttpResponse<byte[]> part = HTTP.send(HttpRequest.newBuilder(URI.create(plain.baseUri() + "/v2/etcd/blobs/"
        + etcdLayer)).header("Range", "bytes=1000-").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(206, part.statusCode());
    assertEquals(size - 1000, part.body().length);
  }

  @Test
  void statusRuleAnswersTheNextKRequestsThenStops() throws Exception {
    FaultRule rule = FaultRule.status(RequestKind.MANIFEST_GET, 500, 2);
    plain.front().inject(rule);
    URI manifest = URI.create(plain.baseUri() + "/v2/pause/manifests/3.6");
    HttpRequest get = HttpRequest.newBuilder(manifest).header("Accept", IndexFormat.OCI.indexMediaType()).build();
    assertEquals(500, HTTP.send(get, HttpResponse.BodyHandlers.ofString()).statusCode());
    assertEquals(500, HTTP.send(get, HttpResponse.BodyHandlers.ofString()).statusCode());
    assertEquals(200, HTTP.send(get, HttpResponse.BodyHandlers.ofString()).statusCode());
    assertEquals(2, rule.fired());
  }

  @Test
  void tooManyRequestsCarriesRetryAfter() throws Exception {
    plain.front().inject(FaultRule.tooManyRequests(RequestKind.BLOB_GET, 1, 1).onPathContaining("/etcd/"));
    HttpResponse<byte[]> r = getBlob(plain);
    assertEquals(429, r.statusCode());
    assertEquals("1", r.headers().firstValue("Retry-After").orElse(""));
    assertArrayEquals(expected(), getBlob(plain).body());
  }

  @Test
  void cutDropsTheConnectionMidBlobOnBothPaths() throws Exception {
    for (LabRegistry r : new LabRegistry[] {plain, redirect}) {
      FaultRule cut = FaultRule.cutAfter(RequestKind.BLOB_GET, 100_000, 1).onPathContaining(etcdLayer.hex());
      r.front().inject(cut);
      assertThrows(IOException.class, () -> getBlob(r), "truncated body must fail the client");
      assertEquals(1, cut.fired());
      assertArrayEquals(expected(), getBlob(r).body(), "the next request is whole again");
    }
  }

  @Test
  void flipChangesExactlyOneByteOnBothPaths() throws Exception {
    byte[] good = expected();
    for (LabRegistry r : new LabRegistry[] {plain, redirect}) {
      r.front().inject(FaultRule.flipByte(RequestKind.BLOB_GET, 12345, 1));
      byte[] bad = getBlob(r).body();
      assertEquals(good.length, bad.length);
      assertNotEquals(etcdLayer, Digest.sha256Of(bad));
      int diffs = 0;
      for (int i = 0; i < good.length; i++) {
        diffs += good[i] != bad[i] ? 1 : 0;
      }
      assertEquals(1, diffs);
      assertEquals(good[12345] ^ 0x01, bad[12345]);
    }
  }

  @Test
  void blobHostStatusFaultsAndCounters() throws Exception {
    redirect.front().resetCounters();
    redirect.front().inject(FaultRule.status(RequestKind.BLOB_HOST_GET, 503, 1));
    assertEquals(503, getBlob(redirect).statusCode());
    assertArrayEquals(expected(), getBlob(redirect).body());
    assertEquals(2, redirect.count(RequestKind.BLOB_GET));
    assertEquals(2, redirect.count(RequestKind.BLOB_HOST_GET));
  }
}
