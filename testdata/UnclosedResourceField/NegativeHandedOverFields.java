package testdata.unclosedresourcefield;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fields whose resource the class hands to another owner: a worker that closes it when it stops,
 * or a list the caller receives. The class is not the one that must release them.
 */
class NegativeHandedOverFields {

  /** A server that gives its socket to the accept loop, which closes it when terminated. */
  static class Server {
    private final ServerSocket serverSocket;
    private final AcceptLoop loop;

    Server(int port) throws IOException {
      this.serverSocket = new ServerSocket(port);
      this.loop = new AcceptLoop(serverSocket);
    }

    void stop() {
      loop.terminate();
    }
  }

  static class AcceptLoop implements Runnable {
    private final ServerSocket socket;

    AcceptLoop(ServerSocket socket) {
      this.socket = socket;
    }

    @Override
    public void run() {
      try (Socket client = socket.accept()) {
        client.getOutputStream().write(0);
      } catch (IOException e) {
        // the loop ends
      }
    }

    void terminate() {
      try {
        socket.close();
      } catch (IOException e) {
        // already closed
      }
    }
  }

  /** Splits a log into parts; each part's stream is the caller's once it is in the list. */
  static class Splitter {
    private final List<OutputStream> parts = new ArrayList<>();
    private OutputStream current;

    List<OutputStream> split(Path dir, int count) throws IOException {
      for (int i = 0; i < count; i++) {
        current = Files.newOutputStream(dir.resolve("part-" + i));
        parts.add(current);
      }
      return parts;
    }
  }
}
