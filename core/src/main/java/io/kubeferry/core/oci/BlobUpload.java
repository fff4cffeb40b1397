package io.kubeferry.core.oci;

import io.kubeferry.core.Descriptor;
import io.kubeferry.core.oci.RegistryException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * One blob upload: an optional cross-repository mount, then either a monolithic PUT or PATCH chunks (each read into
 * a buffer of at most the chunk size, so memory stays bounded) closed by a PUT with the digest, which the registry
 * verifies.
 */
final class BlobUpload {
  private final RegistryClient client;
  private final Remote remote;
  private final Descriptor d;
  private final Path file;
  private final String image;

  BlobUpload(RegistryClient client, Remote remote, Descriptor d, Path file, String image) {
    this.client = client;
    this.remote = remote;
    this.d = d;
    this.file = file;
    this.image = image;
  }

  boolean run(String mountFrom, long chunkSize) throws RegistryException, InterruptedException {
    HttpResponse<InputStream> resp;
    if (mountFrom != null && !mountFrom.equals(remote.repository())) {
      resp = client.startUpload(remote, "?mount=" + d.digest() + "&from=" + mountFrom,
          RegistryClient.pushScope(remote) + " repository:" + mountFrom + ":pull", image);
      if (resp.statusCode() == 201) {
        RegistryClient.drain(resp);
        return false;
      }
    } else {
      resp = client.startUpload(remote, "", RegistryClient.pushScope(remote), image);
    }
    RegistryClient.expect(resp, 202, "start blob upload to " + remote, image);
    URI location = location(resp, URI.create(remote.apiBase()));
    RegistryClient.drain(resp);
    if (chunkSize > 0 && d.size() > chunkSize) {
      location = patchChunks(location, chunkSize);
      finish(location, HttpRequest.BodyPublishers::noBody);
    } else {
      finish(location, () -> {
        try {
          return HttpRequest.BodyPublishers.ofFile(file);
        } catch (java.io.FileNotFoundException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
    return true;
  }

  private URI patchChunks(URI location, long chunkSize) throws RegistryException, InterruptedException {
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buf = ByteBuffer.allocate((int) Math.min(chunkSize, Integer.MAX_VALUE - 64));
      long offset = 0;
      while (offset < d.size()) {
        buf.clear();
        while (buf.hasRemaining() && in.read(buf, offset + buf.position()) > 0) {
          // fill the chunk
        }
        int n = buf.position();
        byte[] chunk = java.util.Arrays.copyOf(buf.array(), n);
        HttpResponse<InputStream> r = client.send(remote, "PATCH", location, Map.of(
                "Content-Type", "application/octet-stream", "Content-Range", offset + "-" + (offset + n - 1)),
            () -> HttpRequest.BodyPublishers.ofByteArray(chunk), RegistryClient.pushScope(remote), image);
        RegistryClient.expect(r, 202, "upload chunk at " + offset + " of blob " + d.digest() + " to " + remote, image);
        location = location(r, location);
        RegistryClient.drain(r);
        offset += n;
      }
      return location;
    } catch (IOException e) {
      throw new RegistryException(Kind.LOCAL_STORAGE, image, "could not read blob " + file + ": " + e.getMessage(), e);
    }
  }

  private void finish(URI location, java.util.function.Supplier<HttpRequest.BodyPublisher> body)
      throws RegistryException, InterruptedException {
    URI put = URI.create(location + (location.getRawQuery() == null ? "?" : "&") + "digest=" + d.digest());
    HttpResponse<InputStream> done = client.send(remote, "PUT", put,
        Map.of("Content-Type", "application/octet-stream"), body, RegistryClient.pushScope(remote), image);
    RegistryClient.expect(done, 201, "upload blob " + d.digest() + " to " + remote, image);
  }

  private URI location(HttpResponse<InputStream> resp, URI base) throws RegistryException {
    String loc = resp.headers().firstValue("Location").orElseThrow(() ->
        new RegistryException(Kind.PROTOCOL, image, "could not upload blob: no Location from " + remote));
    return base.resolve(loc);
  }
}
