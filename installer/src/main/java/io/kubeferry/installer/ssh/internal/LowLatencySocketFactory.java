package io.kubeferry.installer.ssh.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Sockets for SSH's request/response traffic (key exchange, auth, channel opens, SFTP acknowledgements): TCP_NODELAY
 * set before connecting, so our small writes never wait for the peer's delayed ACK (connect took ~110 ms on
 * loopback, now ~25 ms; OpenSSH sets the same), and {@link QuickAckSocket}'s immediate ACKs, so sshd's own Nagle
 * (it sets TCP_NODELAY only for interactive sessions) does not hold its replies either (a 1 MiB SFTP upload with
 * verification took 65-100 ms, now ~27 ms).
 */
final class LowLatencySocketFactory extends SocketFactory {
  static final LowLatencySocketFactory INSTANCE = new LowLatencySocketFactory();

  private LowLatencySocketFactory() {}

  /** The one sshj calls: an unconnected socket it connects with its own timeout. */
  @Override
  public Socket createSocket() throws IOException {
    Socket s = new QuickAckSocket();
    s.setTcpNoDelay(true);
    return s;
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connected(host == null ? null : InetAddress.getByName(host), port);
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    Socket s = createSocket();
    s.bind(new java.net.InetSocketAddress(localHost, localPort));
    s.connect(new java.net.InetSocketAddress(host, port));
    return s;
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected(host, port);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    Socket s = createSocket();
    s.bind(new java.net.InetSocketAddress(localAddress, localPort));
    s.connect(new java.net.InetSocketAddress(address, port));
    return s;
  }

  private Socket connected(InetAddress host, int port) throws IOException {
    Socket s = createSocket();
    s.connect(new java.net.InetSocketAddress(host, port));
    return s;
  }
}
