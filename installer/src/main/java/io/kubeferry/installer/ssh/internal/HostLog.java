package io.kubeferry.installer.ssh.internal;

import io.kubeferry.installer.ssh.Redactor;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The full, redacted transcript of one host: {@code logs/<host>.log}. Appends across runs. Thread-safe. Failing to
 * log never fails the install; the first failure disables the log.
 */
public final class HostLog implements AutoCloseable {
  private final Redactor redactor;
  private BufferedWriter writer;

  public HostLog(Path dir, String host, Redactor redactor) {
    this.redactor = redactor;
    if (dir == null) {
      return;
    }
    try {
      Files.createDirectories(dir);
      writer = Files.newBufferedWriter(dir.resolve(host + ".log"), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      writer = null;
    }
  }

  /** A header line for a command or transfer. */
  public void event(String text) {
    write(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + text);
  }

  /** One line of output. */
  public void line(String line, boolean stderr) {
    write((stderr ? "  err| " : "  out| ") + line);
  }

  private synchronized void write(String text) {
    if (writer == null) {
      return;
    }
    try {
      writer.write(redactor.redact(text));
      writer.newLine();
      writer.flush();
    } catch (IOException e) {
      writer = null;
    }
  }

  @Override
  public synchronized void close() {
    if (writer != null) {
      try {
        writer.close();
      } catch (IOException ignored) {
        // best effort: the log is a diagnostic aid
      }
      writer = null;
    }
  }
}
