package io.kubeferry.core.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A bundle tarball on disk: one file {@code x.tgz}, or numbered parts {@code x.tgz.000}, {@code x.tgz.001}, ... */
public record BundleParts(Path tarball, List<Path> files) {
  public BundleParts {
    files = List.copyOf(files);
  }

  /** Finds {@code tarball} or its parts; throws {@link NoSuchFileException} naming it when neither exists. */
  public static BundleParts find(Path tarball) throws IOException {
    if (Files.isRegularFile(tarball)) {
      return new BundleParts(tarball, List.of(tarball));
    }
    List<Path> parts = new ArrayList<>();
    for (int i = 0; Files.isRegularFile(BundleLayout.part(tarball, i)); i++) {
      parts.add(BundleLayout.part(tarball, i));
    }
    if (parts.isEmpty()) {
      throw new NoSuchFileException(tarball.toString(), null, "no such bundle (nor parts " + tarball.getFileName()
          + ".000, ...)");
    }
    return new BundleParts(tarball, parts);
  }

  /** Whether the bundle is split. */
  public boolean split() {
    return !files.get(0).equals(tarball);
  }

  /** Total size of all parts. */
  public long size() throws IOException {
    long n = 0;
    for (Path p : files) {
      n += Files.size(p);
    }
    return n;
  }

  /** The parts concatenated, opened lazily one after the other. */
  public InputStream open() throws IOException {
    Iterator<Path> it = files.iterator();
    List<InputStream> first = new ArrayList<>();
    first.add(Files.newInputStream(it.next()));
    return new SequenceInputStream(new java.util.Enumeration<InputStream>() {
      private InputStream pending = first.get(0);

      @Override
      public boolean hasMoreElements() {
        return pending != null || it.hasNext();
      }

      @Override
      public InputStream nextElement() {
        if (pending != null) {
          InputStream p = pending;
          pending = null;
          return p;
        }
        try {
          return Files.newInputStream(it.next());
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    });
  }

  @Override
  public String toString() {
    return split() ? tarball + " (" + files.size() + " parts)" : tarball.toString();
  }

}
