package io.kubeferry.bundler.rpm;

import static io.kubeferry.bundler.rpm.HeaderTags.*;

import io.kubeferry.core.Digest;
import io.kubeferry.core.Nevra;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.redline_rpm.header.Format;

/**
 * Reads an RPM file in one pass with redline: header fields, file sha256 and size, header byte range, and — when a
 * keyring is given — verifies the header signature, the header SHA-256 and the payload digest, so a verified
 * package is intact end to end. Stateless and thread-safe.
 */
public final class RpmReader {
  private static final long MAX_HEADER_BYTES = 64L * 1024 * 1024;

  private RpmReader() {}

  /** Reads {@code rpm} without checking its signature. */
  public static RpmPackageFile read(Path rpm) throws RpmException {
    return read(rpm, null);
  }

  /**
   * Reads {@code rpm}; when {@code keyring} is non-null the package must carry a valid RSA/DSA header signature by
   * one of its keys and matching header and payload digests, else {@link RpmSignatureException}.
   */
  public static RpmPackageFile read(Path rpm, RpmKeyring keyring) throws RpmException {
    MessageDigest fileDigest = Digest.newSha256();
    try (InputStream raw = Files.newInputStream(rpm);
        TrackingInputStream in = new TrackingInputStream(new BufferedInputStream(raw, 128 * 1024), fileDigest)) {
      ReadableByteChannel ch = Channels.newChannel(in);
      Format format = new Format();
      format.getLead().read(ch);
      format.getSignature().read(ch);
      long start = in.count();
      format.getHeader().read(ch);
      long end = in.count();
      if (end > MAX_HEADER_BYTES) {
        throw new RpmException("could not read RPM: header larger than 64 MiB (input " + rpm + ")", rpm);
      }
      HeaderTags h = new HeaderTags(format.getHeader());
      HeaderTags sig = new HeaderTags(format.getSignature());
      RpmHeader header = header(h, sig, rpm);
      // the payload digest is only worth its cost when the signed header vouches for it
      MessageDigest payload = keyring == null ? null : payloadDigest(header.payloadDigestAlgo());
      in.startPayload(payload);
      String signer = null;
      if (keyring != null) {
        byte[] headerBytes = Arrays.copyOfRange(in.recorded(), (int) start, (int) end);
        signer = RpmSignatureVerifier.verifyHeader(rpm, sig, headerBytes, keyring);
      }
      in.drain();
      if (keyring != null && header.payloadDigest() != null && payload != null) {
        String actual = HexFormat.of().formatHex(payload.digest());
        if (!actual.equalsIgnoreCase(header.payloadDigest())) {
          throw new RpmSignatureException("could not verify RPM: payload digest mismatch, the file is corrupt or "
              + "tampered (input " + rpm + ")", rpm);
        }
      }
      return new RpmPackageFile(rpm, header, new Digest("sha256", HexFormat.of().formatHex(fileDigest.digest())),
          in.count(), start, end, signer);
    } catch (RpmException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new RpmException("could not read RPM: " + (e.getMessage() == null ? e.toString() : e.getMessage())
          + " — is it an RPM file? (input " + rpm + ")", rpm, e);
    }
  }

  private static MessageDigest payloadDigest(int algo) {
    String name = switch (algo) {
      case 1 -> "MD5";
      case 2 -> "SHA-1";
      case 8 -> "SHA-256";
      case 9 -> "SHA-384";
      case 10 -> "SHA-512";
      default -> null;
    };
    try {
      return name == null ? null : MessageDigest.getInstance(name);
    } catch (NoSuchAlgorithmException e) {
      return null;
    }
  }

  private static RpmHeader header(HeaderTags h, HeaderTags sig, Path rpm) throws RpmException {
    String name = h.string(NAME);
    if (name.isEmpty()) {
      throw new RpmException("could not read RPM: header has no name (input " + rpm + ")", rpm);
    }
    String arch = h.has(SOURCEPACKAGE) ? "src" : h.string(ARCH);
    Nevra nevra;
    try {
      nevra = new Nevra(name, (int) h.number(EPOCH, 0), h.string(VERSION), h.string(RELEASE), arch);
    } catch (IllegalArgumentException e) {
      throw new RpmException("could not read RPM: " + e.getMessage() + " (input " + rpm + ")", rpm);
    }
    long installed = h.has(LONGSIZE) ? h.number(LONGSIZE, 0) : h.number(SIZE, 0);
    long archive = h.has(ARCHIVESIZE) ? h.number(ARCHIVESIZE, 0)
        : sig.has(SIG_LONGARCHIVESIZE) ? sig.number(SIG_LONGARCHIVESIZE, 0) : sig.number(SIG_PAYLOADSIZE, 0);
    RpmDependencies deps = new RpmDependencies(
        h.deps(PROVIDENAME, PROVIDEFLAGS, PROVIDEVERSION),
        h.deps(REQUIRENAME, REQUIREFLAGS, REQUIREVERSION),
        h.deps(CONFLICTNAME, CONFLICTFLAGS, CONFLICTVERSION),
        h.deps(OBSOLETENAME, OBSOLETEFLAGS, OBSOLETEVERSION),
        h.deps(RECOMMENDNAME, RECOMMENDNAME + 2, RECOMMENDNAME + 1),
        h.deps(SUGGESTNAME, SUGGESTNAME + 2, SUGGESTNAME + 1),
        h.deps(SUPPLEMENTNAME, SUPPLEMENTNAME + 2, SUPPLEMENTNAME + 1),
        h.deps(ENHANCENAME, ENHANCENAME + 2, ENHANCENAME + 1),
        h.deps(OLDSUGGESTSNAME, OLDSUGGESTSNAME + 2, OLDSUGGESTSNAME + 1),
        h.deps(OLDENHANCESNAME, OLDENHANCESNAME + 2, OLDENHANCESNAME + 1));
    List<String> digests = h.strings(PAYLOADDIGEST);
    return new RpmHeader(nevra, h.string(SUMMARY), h.string(DESCRIPTION), h.string(URL), h.string(LICENSE),
        h.string(VENDOR), h.string(GROUP), h.string(BUILDHOST), h.string(SOURCERPM), h.string(PACKAGER),
        h.number(BUILDTIME, 0), installed, archive, deps, files(h), changelogs(h),
        digests.isEmpty() ? null : digests.get(0), (int) h.number(PAYLOADDIGESTALGO, 8));
  }

  private static List<RpmFileEntry> files(HeaderTags h) {
    List<String> dirs = h.strings(DIRNAMES);
    List<String> bases = h.strings(BASENAMES);
    long[] idx = h.longs(DIRINDEXES);
    long[] modes = h.longs(FILEMODES);
    long[] flags = h.longs(FILEFLAGS);
    List<RpmFileEntry> out = new ArrayList<>(bases.size());
    for (int i = 0; i < bases.size(); i++) {
      String dir = i < idx.length && idx[i] < dirs.size() ? dirs.get((int) idx[i]) : "";
      long mode = i < modes.length ? modes[i] : 0;
      long flag = i < flags.length ? flags[i] : 0;
      RpmFileEntry.Type type = (mode & 0170000) == 0040000 ? RpmFileEntry.Type.DIR
          : (flag & 64) != 0 ? RpmFileEntry.Type.GHOST : RpmFileEntry.Type.FILE;
      out.add(new RpmFileEntry(dir + bases.get(i), type));
    }
    return out;
  }

  private static List<RpmChangelog> changelogs(HeaderTags h) {
    long[] times = h.longs(CHANGELOGTIME);
    List<String> names = h.strings(CHANGELOGNAME);
    List<String> texts = h.strings(CHANGELOGTEXT);
    int n = Math.min(times.length, Math.min(names.size(), texts.size()));
    List<RpmChangelog> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new RpmChangelog(names.get(i), times[i], texts.get(i)));
    }
    return out;
  }
}
