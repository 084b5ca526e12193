package testdata.resourceleakonexception;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/** A monitoring probe that talks to many services and closes only when everything went well. */
public class PositiveNetworkOnException {

  public String request(String host, int port, String line) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    Socket s = new Socket(host, port); // leak: any I/O before close can throw
    s.setSoTimeout(3_000);
    Writer w = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8);
    w.write(line + "\n");
    w.flush();
    String reply = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
    s.close();
    return reply;
  }

  public int readyCount(SelectableChannel channel, long timeoutMillis) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    Selector sel = Selector.open(); // leak: register or select can throw before close
    channel.configureBlocking(false);
    channel.register(sel, SelectionKey.OP_READ);
    int ready = sel.select(timeoutMillis);
    sel.close();
    return ready;
  }

  public boolean tcpCheck(String host, int port) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    SocketChannel ch = SocketChannel.open(); // leak: the probe write can throw before close
    ch.connect(new InetSocketAddress(host, port)); // a failed connect closes the channel itself
    ch.write(ByteBuffer.wrap(new byte[] {'\n'}));
    boolean ok = ch.isConnected();
    ch.close();
    return ok;
  }

  public byte[] udpQuery(InetSocketAddress server, byte[] query) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    DatagramSocket socket = new DatagramSocket(); // leak: send/receive can throw before close
    socket.setSoTimeout(2_000);
    socket.send(new DatagramPacket(query, query.length, server));
    DatagramPacket reply = new DatagramPacket(new byte[512], 512);
    socket.receive(reply);
    socket.close();
    return java.util.Arrays.copyOf(reply.getData(), reply.getLength());
  }

  public String healthPage(URL url) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    InputStream in = url.openStream(); // leak: readAllBytes can throw before close
    String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    in.close();
    return body;
  }

  public void acceptOne(ServerSocket server) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    Socket client = server.accept(); // leak: the greeting write can throw before close
    client.getOutputStream().write("220 probe\r\n".getBytes(StandardCharsets.US_ASCII));
    client.close();
  }

  public int echoTest(String host, int port) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    SocketChannel ch = SocketChannel.open(new InetSocketAddress(host, port)); // leak: a short echo throws before close
    ByteBuffer out = ByteBuffer.wrap("ping".getBytes(StandardCharsets.US_ASCII));
    ch.write(out);
    ByteBuffer in = ByteBuffer.allocate(4);
    int n = ch.read(in);
    if (n < 4) {
      throw new IOException("short echo: " + n + " bytes");
    }
    ch.close();
    return n;
  }

  public String fetchVersion(String host, int port) throws IOException {
    try (Socket s = new Socket(host, port); // ok: try-with-resources
        BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
      return r.readLine();
    }
  }
}
