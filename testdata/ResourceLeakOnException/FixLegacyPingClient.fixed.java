package testdata.resourceleakonexception;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Pre-Java-7 style: the variable is declared as {@code null} before the try and assigned inside it,
 * and the socket is closed at the end of the try, so a failed write skips the close. The fix folds
 * the declaration into a try-with-resources header on the existing try; its catch stays, and still
 * handles everything it handled before, including a failing close.
 */
class FixLegacyPingClient {
  String ping(String host, int port) {
    try (Socket socket = new Socket(host, port)) { // leak: not closed if the write throws
      socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      String reply = new String(socket.getInputStream().readNBytes(6), StandardCharsets.US_ASCII);
      return reply;
    } catch (IOException e) {
      System.err.println("ping " + host + ":" + port + " failed: " + e);
      return null;
    }
  }
}
