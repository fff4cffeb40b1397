package io.kubeferry.bundler.rpm.repo;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/** Opens repodata files compressed with gzip, xz, zstd or bzip2 (chosen by file name, as dnf does). */
final class Compression {
  private Compression() {}

  static InputStream decompress(InputStream raw, String location) throws IOException {
    InputStream in = new BufferedInputStream(raw, 65536);
    if (location.endsWith(".gz")) {
      return new GzipCompressorInputStream(in, true);
    }
    if (location.endsWith(".xz")) {
      return new XZCompressorInputStream(in, true);
    }
    if (location.endsWith(".zst") || location.endsWith(".zstd")) {
      return new ZstdInputStream(in);
    }
    if (location.endsWith(".bz2")) {
      return new BZip2CompressorInputStream(in, true);
    }
    return in;
  }
}
