package io.kubeferry.installer.ssh.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import jdk.net.ExtendedSocketOptions;

/**
 * A socket that re-arms Linux's TCP_QUICKACK after every read, so each segment is acknowledged at once instead of
 * after the ~40 ms delayed-ACK timer (the kernel drops quick-ACK mode on its own, hence after every read). Where
 * the option does not exist (not Linux) it is a plain socket.
 */
final class QuickAckSocket extends Socket {
  private static final boolean SUPPORTED = supported();
  private InputStream in;

  @Override
  public synchronized InputStream getInputStream() throws IOException {
    if (!SUPPORTED) {
      return super.getInputStream();
    }
    if (in == null) {
      in = new FilterInputStream(super.getInputStream()) {
        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          int n = super.read(b, off, len);
          if (n > 0 && !isClosed()) {
            setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
          }
          return n;
        }
      };
    }
    return in;
  }

  private static boolean supported() {
    try (Socket probe = new Socket()) {
      return probe.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
