package io.kubeferry.lab.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP gate before the front's JDK HTTP server that answers TLS handshakes at once with a plain-HTTP 400, as Go's
 * own server does. Clients told a registry is "insecure" (skopeo {@code --tls-verify=false}, containerd) try HTTPS
 * first; the JDK server would wait for a request line that never comes and the client would give up only after its
 * 10 s TLS handshake timeout, for every new client. Everything else is pumped both ways to the HTTP server unchanged.
 */
final class PlainHttpGate implements AutoCloseable {
  private static final byte TLS_HANDSHAKE = 0x16;
  private static final byte[] TLS_ANSWER = ("HTTP/1.0 400 Bad Request\r\n\r\n"
      + "Client sent an HTTPS request to an HTTP server.\n").getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket listener;
  private final int targetPort;
  private final ExecutorService pool;
  private volatile boolean closed;

  PlainHttpGate(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.listener = new ServerSocket();
    listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 128);
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "lab-gate-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    pool.execute(this::acceptLoop);
  }

  int port() {
    return listener.getLocalPort();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = listener.accept();
        pool.execute(() -> serve(client));
      } catch (IOException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      client.setTcpNoDelay(true);
      InputStream in = client.getInputStream();
      int first = in.read();
      if (first < 0) {
        return;
      }
      if (first == TLS_HANDSHAKE) {
        client.getOutputStream().write(TLS_ANSWER);
        client.getOutputStream().flush();
        return;
      }
      try (Socket server = new Socket(InetAddress.getByName("127.0.0.1"), targetPort)) {
        server.setTcpNoDelay(true);
        OutputStream toServer = server.getOutputStream();
        toServer.write(first);
        pool.execute(() -> pump(in, toServer, server));
        pump(server.getInputStream(), client.getOutputStream(), null);
      }
    } catch (IOException e) {
      // the peer went away (or a fault cut the connection): nothing to report
    }
  }

  /** Copies until EOF; then half-closes {@code halfClose} so the other side sees the end of the request stream. */
  private static void pump(InputStream in, OutputStream out, Socket halfClose) {
    byte[] buf = new byte[64 * 1024];
    try {
      int n;
      while ((n = in.read(buf)) >= 0) {
        out.write(buf, 0, n);
        out.flush();
      }
      if (halfClose != null) {
        halfClose.shutdownOutput();
      }
    } catch (IOException e) {
      // connection closed from the other side
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException e) {
      // already closed
    }
    pool.shutdownNow();
  }
}
