package io.kubeferry.installer.plan;

import io.kubeferry.core.io.AtomicFiles;
import io.kubeferry.installer.ssh.Redactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The install's memory on the installer machine ({@code --state-dir}), which a resumed run picks up: step
 * outputs in {@code outputs/<name>} and checkpoints in {@code checkpoints/} (see {@link Checkpoints}). Outputs
 * are written atomically (temp file and rename), so a killed run leaves the old value or the new one. The
 * {@code outputs/} directory is 0700; secret values are 0600 from their first byte and registered with the
 * {@link Redactor} on write and read, so they are masked wherever host output is logged or shown. Thread-safe.
 */
public final class InstallState {
  private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

  private final Path dir;
  private final Redactor redactor;

  public InstallState(Path dir, Redactor redactor) {
    this.dir = Objects.requireNonNull(dir, "dir");
    this.redactor = Objects.requireNonNull(redactor, "redactor");
  }

  public Path dir() {
    return dir;
  }

  public Redactor redactor() {
    return redactor;
  }

  Path outputFile(Output<?> o) {
    return dir.resolve("outputs").resolve(o.name());
  }

  /** Stores {@code value} for later steps and runs; replaces an earlier value. */
  public synchronized <T> void put(Output<T> o, T value) throws StepException {
    byte[] bytes = o.encode().apply(value);
    if (o.secret()) {
      redactor.add(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    }
    Path file = outputFile(o);
    try {
      Path outputs = file.getParent();
      Files.createDirectories(outputs, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
      Files.setPosixFilePermissions(outputs, OWNER_ONLY_DIR); // an existing directory too
      if (o.secret()) {
        AtomicFiles.writePrivate(file, bytes);
      } else {
        AtomicFiles.write(file, bytes);
      }
    } catch (IOException e) {
      throw new StepException(StepException.Kind.HOST, "could not store output " + o.name() + " in " + file + ": "
          + e.getMessage(), e);
    }
  }

  /** The stored value, or empty when no run has produced it yet. */
  public synchronized <T> Optional<T> get(Output<T> o) throws StepException {
    Path file = outputFile(o);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StepException(StepException.Kind.HOST, "could not read output " + o.name() + " from " + file + ": "
          + e.getMessage(), e);
    }
    if (o.secret()) {
      redactor.add(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    }
    return Optional.of(o.decode().apply(bytes));
  }

  /** True when a value for {@code o} is stored. */
  public boolean has(Output<?> o) {
    return Files.isRegularFile(outputFile(o));
  }
}
