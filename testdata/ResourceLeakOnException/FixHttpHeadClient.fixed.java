package testdata.resourceleakonexception;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A bare-bones HTTP client. The writer and the reader wrap the socket's own streams, so the socket
 * is the only resource: the fix opens it in try-with-resources and leaves the wrappers as plain
 * locals. The list built while the socket is open is returned from inside the try.
 */
class FixHttpHeadClient {
  List<String> head(String host, int port, String path) throws IOException {
    try (Socket socket = new Socket(host, port)) { // leak: not closed if the request cannot be sent
      Writer request = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
      request.write("HEAD " + path + " HTTP/1.0\r\nHost: " + host + "\r\n\r\n");
      request.flush();
      BufferedReader response =
          new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      List<String> headers = new ArrayList<>();
      String line;
      while ((line = response.readLine()) != null && !line.isEmpty()) {
        headers.add(line);
      }
      return headers;
    }
  }
}
