package testdata.resourceleak;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;

/** A tiny line-protocol server: accept loops and request handlers. */
public class PositiveServerHandlers {

  private final ExecutorService workers;
  private volatile boolean running = true;

  public PositiveServerHandlers(ExecutorService workers) {
    this.workers = workers;
  }

  public void serve(int port) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    ServerSocket server = new ServerSocket(port); // leak: the server socket is never closed when the loop ends
    while (running) {
      Socket client = server.accept(); // ok: closed by the worker lambda's try (client)
      workers.submit(() -> {
        try (client) {
          handle(client);
        } catch (IOException e) {
          System.err.println("request failed: " + e);
        }
      });
    }
  }

  public void serveOne(ServerSocket server) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    Socket client = server.accept(); // leak: QUIT returns without closing the client
    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
    PrintWriter out = new PrintWriter(new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8), true);
    String cmd = in.readLine();
    if ("QUIT".equals(cmd)) {
      return;
    }
    out.println("ECHO " + cmd);
    out.close();
  }

  public void serveStatic(ServerSocket server, Path docRoot) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    Socket client = server.accept(); // leak: a 404 response returns without closing the client
    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
    String requestLine = in.readLine();
    Path file = docRoot.resolve(requestLine == null ? "index.html" : requestLine.split(" ")[1].substring(1));
    OutputStream out = client.getOutputStream();
    if (!Files.exists(file)) {
      out.write("HTTP/1.0 404 Not Found\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      return;
    }
    out.write("HTTP/1.0 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    Files.copy(file, out);
    client.close();
  }

  public void nioEcho(int port) throws IOException {
    try (ServerSocketChannel listener = ServerSocketChannel.open()) { // ok: try-with-resources
      listener.bind(new InetSocketAddress(port));
      while (running) {
        // BUG: Diagnostic contains: [ResourceLeak]
        SocketChannel peer = listener.accept(); // leak: echoed once, never closed
        ByteBuffer buf = ByteBuffer.allocate(1024);
        peer.read(buf);
        buf.flip();
        peer.write(buf);
      }
    }
  }

  public void logConnection(Socket client, Path accessLog) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    BufferedWriter log = Files.newBufferedWriter(accessLog, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND); // leak: access log opened per connection, never closed
    log.write(client.getRemoteSocketAddress() + " connected");
    log.newLine();
    log.flush();
  }

  public int probeBacklog(int port, int attempts) throws IOException {
    int accepted = 0;
    for (int i = 0; i < attempts; i++) {
      // BUG: Diagnostic contains: [ResourceLeak]
      Socket probe = new Socket("localhost", port); // leak: each probe socket is dropped without closing
      if (probe.isConnected()) {
        accepted++;
      }
    }
    return accepted;
  }

  private static void handle(Socket client) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
    client.getOutputStream().write(("ECHO " + in.readLine() + "\n").getBytes(StandardCharsets.UTF_8));
  }

  public void stop() {
    running = false;
  }
}
