package testdata.resourceleak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/** Small TCP/UDP utilities of an operations agent. */
public class PositiveNetworkClients {

  public boolean isPortFree(int port) {
    try {
      // BUG: Diagnostic contains: [ResourceLeak]
      ServerSocket probe = new ServerSocket(port); // leak: probe socket never closed
      return probe.isBound();
    } catch (IOException e) {
      return false;
    }
  }

  public void sendCommand(String host, int port, String command) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    Socket socket = new Socket(host, port); // leak: neither the socket nor its writer is closed
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8), true);
    out.println(command);
    out.flush();
  }

  public int serve(ServerSocket server, int maxClients) throws IOException {
    int welcomed = 0;
    for (int i = 0; i < maxClients; i++) {
      // BUG: Diagnostic contains: [ResourceLeak]
      Socket client = server.accept(); // leak: rejected clients are never closed
      BufferedReader in =
          new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
      String hello = in.readLine();
      if (!"HELLO".equals(hello)) {
        continue;
      }
      try (client) {
        client.getOutputStream().write("WELCOME\n".getBytes(StandardCharsets.UTF_8));
        welcomed++;
      }
    }
    return welcomed;
  }

  public String whois(String domain) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    SocketChannel channel = SocketChannel.open(new InetSocketAddress("whois.iana.org", 43)); // leak: channel never closed
    channel.write(ByteBuffer.wrap((domain + "\r\n").getBytes(StandardCharsets.US_ASCII)));
    ByteBuffer buf = ByteBuffer.allocate(4096);
    channel.read(buf);
    buf.flip();
    return StandardCharsets.US_ASCII.decode(buf).toString();
  }

  public void broadcastHeartbeat(int port, byte[] payload) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    DatagramSocket socket = new DatagramSocket(); // leak: never closed
    socket.setBroadcast(true);
    InetAddress all = InetAddress.getByName("255.255.255.255");
    socket.send(new DatagramPacket(payload, payload.length, all, port));
  }

  public int pollOnce(ServerSocketChannel listener, long timeoutMillis) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    Selector selector = Selector.open(); // leak: registering a channel does not hand the selector over
    listener.configureBlocking(false);
    listener.register(selector, SelectionKey.OP_ACCEPT);
    return selector.select(timeoutMillis);
  }

  public void acceptAndGreet(ServerSocketChannel listener) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    SocketChannel peer = listener.accept(); // leak: accepted channel never closed
    if (peer == null) {
      return;
    }
    peer.write(ByteBuffer.wrap("hi\n".getBytes(StandardCharsets.US_ASCII)));
  }

  public int bindEphemeral() throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    ServerSocketChannel ssc = ServerSocketChannel.open(); // leak: returns the port, never closes the channel
    ssc.bind(new InetSocketAddress(0));
    return ((InetSocketAddress) ssc.getLocalAddress()).getPort();
  }

  public void notifyPeer(String host, int port) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    Socket s = new Socket(host, port); // leak: shutdownOutput does not release the socket
    s.getOutputStream().write("BYE\n".getBytes(StandardCharsets.US_ASCII));
    s.shutdownOutput();
  }

  public String fetchBanner(String host, int port) throws IOException {
    try (Socket s = new Socket()) { // ok: try-with-resources
      s.connect(new InetSocketAddress(host, port), 2_000);
      BufferedReader r =
          new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
      return r.readLine();
    }
  }

  public String ping(String host, int port, boolean expectReply) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    Socket s = new Socket(host, port); // leak: closed only when a reply is expected
    BufferedReader in =
        new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
    s.getOutputStream().write("PING\n".getBytes(StandardCharsets.US_ASCII));
    if (!expectReply) {
      return null;
    }
    String reply = in.readLine();
    in.close();
    return reply;
  }

  public void announce(String host, String message, boolean keepAlive) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    Socket s = new Socket(host, 7072); // leak: kept open for keep-alive, but nothing else holds it
    s.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
    if (!keepAlive && !s.isClosed()) {
      s.close();
    }
  }
}
