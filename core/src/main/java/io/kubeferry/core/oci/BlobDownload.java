package io.kubeferry.core.oci;

import io.kubeferry.core.Descriptor;
import io.kubeferry.core.Digest;
import io.kubeferry.core.io.StallTimeoutInputStream;
import io.kubeferry.core.oci.RegistryException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One blob download: streams to a file while hashing, resumes with {@code Range} after a cut connection or a
 * short body, restarts from zero when the server ignores the range, and retries a digest mismatch once from
 * scratch (a corrupting hop may be transient) before failing. Never holds the blob in memory.
 */
final class BlobDownload {
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
  private final RegistryClient client;
  private final Remote remote;
  private final Descriptor d;
  private final Path target;
  private final String image;
  private final LongConsumer progress;
  private MessageDigest md;
  private long have;

  BlobDownload(RegistryClient client, Remote remote, Descriptor d, Path target, String image, LongConsumer progress) {
    this.client = client;
    this.remote = remote;
    this.d = d;
    this.target = target;
    this.image = image;
    this.progress = progress == null ? n -> { } : progress;
  }

  void run() throws RegistryException, InterruptedException {
    int attempts = client.options().retry().attempts();
    boolean mismatchRetried = false;
    String lastFailure = "no attempt";
    Kind lastKind = Kind.NETWORK;
    try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      restart(out);
      for (int attempt = 1; attempt <= attempts; attempt++) {
        if (have > 0) {
          client.options().listener().resuming(image + " " + d.digest(), have);
        }
        HttpResponse<InputStream> resp = client.openBlob(remote, d.digest(), have, image);
        int code = resp.statusCode();
        if (code == 404) {
          RegistryClient.drain(resp);
          throw new RegistryException(Kind.NOT_FOUND, image, "could not pull blob " + d.digest() + ": not found in "
              + remote);
        }
        if (code == 200 && have > 0) {
          restart(out);
        } else if (code == 206 && !rangeStartsAt(resp, have)) {
          RegistryClient.drain(resp);
          restart(out);
          lastFailure = "server answered a different range";
          continue;
        } else if (code != 200 && code != 206) {
          lastFailure = "HTTP " + code + RegistryClient.errorDetail(resp);
          lastKind = Kind.PROTOCOL;
          continue;
        }
        try {
          copy(resp, out);
        } catch (DiskException e) {
          throw new RegistryException(Kind.LOCAL_STORAGE, image, "could not write blob " + d.digest() + " to "
              + target.getParent() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (IOException e) {
          lastFailure = "connection broke after " + have + " of " + d.size() + " bytes: " + e.getMessage();
          lastKind = Kind.TRUNCATED;
          pause(attempt, lastFailure);
          continue;
        }
        if (have < d.size()) {
          lastFailure = "body ended after " + have + " of " + d.size() + " bytes";
          lastKind = Kind.TRUNCATED;
          pause(attempt, lastFailure);
          continue;
        }
        Digest got = Digest.sha256Hex(HexFormat.of().formatHex(md.digest()));
        if (got.equals(d.digest())) {
          // No fsync: it cost more than the download on loaded machines, and a blob torn by a power cut is caught
          // by digest verification when the bundle is verified (a cached blob is re-hashed when copied).
          return;
        }
        lastFailure = "content hashes to " + got;
        lastKind = Kind.DIGEST_MISMATCH;
        if (mismatchRetried) {
          break;
        }
        mismatchRetried = true;
        restart(out);
      }
    } catch (IOException e) {
      throw new RegistryException(Kind.LOCAL_STORAGE, image, "could not write blob " + d.digest() + " to " + target
          + ": " + e.getMessage(), e);
    }
    String verb = lastKind == Kind.DIGEST_MISMATCH ? "verify" : "pull";
    throw new RegistryException(lastKind, image, "could not " + verb + " blob " + d.digest() + " (" + d.size()
        + " bytes) from " + remote + ": " + lastFailure);
  }

  private void restart(FileChannel out) throws IOException {
    out.truncate(0);
    out.position(0);
    md = d.digest().newMessageDigest();
    have = 0;
  }

  private void pause(int attempt, String why) throws InterruptedException {
    Duration delay = client.options().retry().delay(attempt, null);
    client.options().listener().retrying("GET blob " + d.digest(), attempt, delay, why);
    Thread.sleep(delay.toMillis());
  }

  private static boolean rangeStartsAt(HttpResponse<?> resp, long offset) {
    Matcher m = CONTENT_RANGE.matcher(resp.headers().firstValue("Content-Range").orElse(""));
    return m.matches() && Long.parseLong(m.group(1)) == offset;
  }

  /** Streams the body; read failures are IOException, write failures DiskException (not retried). */
  private void copy(HttpResponse<InputStream> resp, FileChannel out) throws IOException {
    byte[] buf = new byte[256 * 1024];
    // A body that goes silent for the response timeout is treated like a cut connection: resumed with Range.
    try (InputStream in = new StallTimeoutInputStream(resp.body(), client.options().responseTimeout())) {
      int n;
      while ((n = in.read(buf)) > 0) {
        if (have + n > d.size()) {
          throw new IOException("more bytes than the " + d.size() + " promised");
        }
        md.update(buf, 0, n);
        ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
        try {
          while (bb.hasRemaining()) {
            out.write(bb);
          }
        } catch (IOException e) {
          throw new DiskException(e);
        }
        have += n;
        progress.accept(n);
      }
    }
  }

  /** A write to the local disk failed (full, read-only): retrying the network does not help. */
  private static final class DiskException extends IOException {
    private static final long serialVersionUID = 1L;

    DiskException(IOException cause) {
      super(cause);
    }
  }
}
