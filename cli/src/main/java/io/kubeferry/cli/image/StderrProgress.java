package io.kubeferry.cli.image;

import io.kubeferry.core.oci.PullListener;
import io.kubeferry.core.oci.PulledImage;
import io.kubeferry.core.oci.RegistryListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Renders pull progress as plain lines on stderr: one per resolved and finished image, retries, totals. */
public final class StderrProgress implements PullListener, RegistryListener {
  private final PrintWriter err;
  private final AtomicLong total = new AtomicLong();

  public StderrProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void imageResolved(String image, String servedBy, long bytes) {
    line("resolving " + image + " via " + servedBy + " (" + human(bytes) + ")");
  }

  @Override
  public void bytesDownloaded(String image, long n) {
    total.addAndGet(n);
  }

  @Override
  public void imageDone(PulledImage image) {
    line("stored " + image.image() + "@" + image.digest() + " " + image.platforms().keySet() + ", downloaded "
        + human(image.bytesDownloaded()) + " (total " + human(total.get()) + "), digests verified");
  }

  @Override
  public void retrying(String what, int attempt, Duration delay, String reason) {
    line("retry " + attempt + " of " + what + " in " + delay.toMillis() + " ms: " + reason);
  }

  @Override
  public void resuming(String what, long offset) {
    line("resuming " + what + " at byte " + offset);
  }

  private synchronized void line(String s) {
    err.println(s);
    err.flush();
  }

  /** Bytes as B, KiB, MiB or GiB with one decimal. */
  public static String human(long b) {
    if (b < 1024) {
      return b + " B";
    }
    String[] u = {"KiB", "MiB", "GiB", "TiB"};
    double v = b;
    int i = -1;
    while (v >= 1024 && i < u.length - 1) {
      v /= 1024;
      i++;
    }
    return String.format(java.util.Locale.ROOT, "%.1f %s", v, u[i]);
  }
}
