package io.kubeferry.installer.ssh.internal;

import io.kubeferry.core.Digest;
import io.kubeferry.installer.ssh.CommandResult;
import io.kubeferry.installer.ssh.RemoteCommand;
import io.kubeferry.installer.ssh.ShellQuote;
import io.kubeferry.installer.ssh.SshException;
import io.kubeferry.installer.ssh.SshException.Kind;
import io.kubeferry.installer.ssh.SshListener;
import io.kubeferry.installer.ssh.UploadResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import net.schmizz.sshj.sftp.FileAttributes;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.SFTPClient;

/**
 * Uploads one file so that it either ends complete and verified or not at all: data goes to {@code <path>.part}
 * (appended from its current size when an earlier upload was cut off), the far side's {@code sha256sum} must equal
 * the local digest, then the part file is renamed into place. A file already there with the right digest is skipped.
 */
public final class SftpUploader {
  private static final int BUFFER = 64 * 1024;
  private static final long PROGRESS_STEP = 4L * 1024 * 1024;

  private final HostConnection connection;
  private final String host;
  private final SshListener listener;

  public SftpUploader(HostConnection connection, String host, SshListener listener) {
    this.connection = connection;
    this.host = host;
    this.listener = listener;
  }

  public UploadResult upload(Path local, Digest digest, String remotePath) throws SshException {
    long size;
    try {
      size = Files.size(local);
    } catch (IOException e) {
      throw new SshException(host, Kind.TRANSFER, "could not upload " + local + " to " + host + ": "
          + e.getMessage());
    }
    String part = remotePath + ".part";
    long resumedFrom;
    try {
      // Closed quietly, not by try-with-resources: on a broken transport sshj's close() rethrows the write's own
      // exception, which try-with-resources cannot suppress into itself (see send()).
      SFTPClient sftp = connection.sftp();
      try {
        // Only a file of the right size can be the one we want: ask sha256sum only then (saves a command per host).
        FileAttributes existing = sftp.statExistence(remotePath);
        if (existing != null && existing.getSize() == size
            && digest.equals(remoteDigest(remotePath).orElse(null))) {
          connection.log().event("upload " + remotePath + ": already present with " + digest);
          return new UploadResult(host, remotePath, digest, size, true, 0, 0);
        }
        resumedFrom = send(sftp, local, size, part, remotePath);
        boolean ok = verifyAndMove(part, remotePath, digest);
        if (!ok && resumedFrom > 0) {
          // The kept prefix was not ours (or was corrupted): start over once from byte 0.
          connection.log().event("upload " + remotePath + ": resumed copy does not match " + digest
              + ", restarting");
          removeQuietly(part);
          resumedFrom = send(sftp, local, size, part, remotePath);
          ok = verifyAndMove(part, remotePath, digest);
        }
        if (!ok) {
          throw mismatch(local, remotePath, digest);
        }
      } finally {
        closeKeepingFirst(sftp, null);
      }
    } catch (IOException e) {
      connection.closeQuietly();
      throw new SshException(host, Kind.TRANSFER, "could not upload " + local + " to " + host + ":" + remotePath
          + ": " + HostConnection.describe(e) + " (re-run to resume)");
    }
    connection.log().event("upload " + remotePath + ": verified " + digest + " on the host");
    return new UploadResult(host, remotePath, digest, size, false, resumedFrom, size - resumedFrom);
  }

  /**
   * One command on the far side: the part file's sha256 must equal {@code digest}, then it is renamed into place.
   * A mismatching part file is removed.
   */
  private boolean verifyAndMove(String part, String remotePath, Digest digest) throws SshException {
    String q = ShellQuote.quote(part);
    CommandResult r = connection.exec(RemoteCommand.user("if [ \"$(sha256sum " + q + " | cut -c1-64)\" = "
        + digest.hex() + " ]; then mv -f " + q + " " + ShellQuote.quote(remotePath) + " && echo verified; else"
        + " sha256sum " + q + " | cut -c1-64; fi").withLabel("sha256sum " + part + " && mv into place"), false);
    boolean verified = r.ok() && r.stdout().strip().equals("verified");
    if (!verified) {
      connection.log().event("upload " + remotePath + ": far side has sha256:" + r.stdout().strip());
    }
    return verified;
  }

  private SshException mismatch(Path local, String remotePath, Digest digest) throws SshException {
    removeQuietly(remotePath + ".part");
    return new SshException(host, Kind.TRANSFER, "could not upload " + local + " to " + host + ":" + remotePath
        + ": the copy on the host does not have the file's " + digest);
  }

  /** Sends the missing tail of {@code local} to {@code part}; returns the offset it resumed from. */
  private long send(SFTPClient sftp, Path local, long size, String part, String remotePath) throws IOException {
    String dir = remotePath.contains("/") ? remotePath.substring(0, remotePath.lastIndexOf('/')) : ".";
    if (!dir.isEmpty()) {
      sftp.mkdirs(dir);
    }
    FileAttributes existing = sftp.statExistence(part);
    long offset = existing != null && existing.getSize() <= size ? existing.getSize() : 0;
    Set<OpenMode> modes = offset > 0 ? EnumSet.of(OpenMode.WRITE)
        : EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.TRUNC);
    connection.log().event("upload " + local.getFileName() + " -> " + remotePath + " (" + size + " bytes"
        + (offset > 0 ? ", resuming at " + offset : "") + ")");
    // Not try-with-resources: when the transport breaks, sshj's close() rethrows the very exception the write
    // threw, and Throwable.addSuppressed(itself) would replace the clear transport error with an
    // IllegalArgumentException. The first failure wins; a failing close after it is dropped.
    RemoteFile rf = sftp.open(part, modes);
    OutputStream out = rf.new RemoteFileOutputStream(offset, 16);
    IOException failure = null;
    try (InputStream in = Files.newInputStream(local)) {
      in.skipNBytes(offset);
      byte[] buf = new byte[BUFFER];
      long sent = offset;
      long nextReport = offset + PROGRESS_STEP;
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
        sent += n;
        if (sent >= nextReport || sent == size) {
          listener.uploadProgress(host, remotePath, sent, size);
          nextReport = sent + PROGRESS_STEP;
        }
      }
      if (size == 0) {
        listener.uploadProgress(host, remotePath, 0, 0);
      }
    } catch (IOException e) {
      failure = e;
    }
    failure = closeKeepingFirst(out, failure);
    failure = closeKeepingFirst(rf, failure);
    if (failure != null) {
      throw failure;
    }
    return offset;
  }

  private static IOException closeKeepingFirst(java.io.Closeable c, IOException first) {
    try {
      c.close();
      return first;
    } catch (IOException e) {
      return first != null ? first : e;
    }
  }

  private java.util.Optional<Digest> remoteDigest(String path) throws SshException {
    CommandResult r = connection.exec(RemoteCommand.user("sha256sum " + ShellQuote.quote(path) + " 2>/dev/null")
        .withLabel("sha256sum " + path), false);
    if (!r.ok() || r.stdout().length() < 64) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(Digest.sha256Hex(r.stdout().substring(0, 64)));
  }

  private void removeQuietly(String part) throws SshException {
    connection.exec(RemoteCommand.user("rm -f " + ShellQuote.quote(part)), false);
  }
}
