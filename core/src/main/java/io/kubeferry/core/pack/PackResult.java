package io.kubeferry.core.pack;

import io.kubeferry.core.Digest;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link TarPacker} wrote.
 *
 * @param files the tarball, or its parts in order
 * @param size total compressed size
 * @param sha256 digest of the whole compressed stream (all parts concatenated)
 * @param entries number of tar entries
 */
public record PackResult(List<Path> files, long size, Digest sha256, int entries) {
  public PackResult {
    files = List.copyOf(files);
  }
}
