package testdata.resourceleak;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A server that hands each connection to a task run by an executor, and readers that give their
 * files to the JDK's XML parsers, which close what they read.
 */
public class NegativeTasksAndParsers {

  /** A connection over an accepted socket. */
  static final class Connection implements Closeable {
    private final Socket socket;

    Connection(Socket socket) {
      this.socket = socket;
    }

    void serve() throws IOException {
      socket.getOutputStream().write('\n');
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  /** Serves one connection and closes it. */
  static final class Worker implements Runnable {
    private final Connection connection;

    Worker(Connection connection) {
      this.connection = connection;
    }

    @Override
    public void run() {
      try (Connection c = connection) {
        c.serve();
      } catch (IOException e) {
        // the client went away
      }
    }
  }

  /** A task that is its own resource: run() closes it. */
  static final class Session implements Runnable, Closeable {
    private final Socket socket;

    Session(Socket socket) {
      this.socket = socket;
    }

    @Override
    public void run() {
      try {
        socket.getOutputStream().write('\n');
      } catch (IOException e) {
        // the client went away
      } finally {
        close();
      }
    }

    @Override
    public void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // nothing left to do
      }
    }
  }

  private final ServerSocket server;
  private final ExecutorService workers;

  NegativeTasksAndParsers(ServerSocket server, ExecutorService workers) {
    this.server = server;
    this.workers = workers;
  }

  public void acceptLoop() throws IOException {
    while (!Thread.interrupted()) {
      Socket socket = server.accept(); // ok: its connection goes to a task the executor runs
      try {
        Connection connection = new Connection(socket);
        Worker worker = new Worker(connection);
        workers.execute(worker);
      } catch (RuntimeException e) {
        socket.close();
        throw e;
      }
    }
  }

  public Future<?> acceptOne() throws IOException {
    Socket socket = server.accept(); // ok: the task is submitted, and runs and closes it
    return workers.submit(new Worker(new Connection(socket)));
  }

  public void acceptSession(Executor executor) throws IOException {
    Socket socket = server.accept(); // ok: the session task closes itself when run
    executor.execute(new Session(socket));
  }

  public Document parse(DocumentBuilder builder, File file) throws IOException, SAXException {
    return builder.parse(new FileInputStream(file)); // ok: the parser closes what it reads
  }

  public Document parseBuffered(File file)
      throws IOException, SAXException, ParserConfigurationException {
    DocumentBuilder builder = DocumentBuilderFactory.newInstance().newDocumentBuilder();
    InputStream in = new BufferedInputStream(new FileInputStream(file)); // ok: the parser closes it
    Document document = builder.parse(in, file.toURI().toString());
    return document;
  }

  public void scan(File file, DefaultHandler handler)
      throws IOException, SAXException, ParserConfigurationException {
    SAXParser parser = SAXParserFactory.newInstance().newSAXParser();
    parser.parse(new FileInputStream(file), handler); // ok: closed at the end of the parse
  }

  public void read(XMLReader reader, File file) throws IOException, SAXException {
    FileInputStream in = new FileInputStream(file); // ok: closed at the end of the parse
    reader.parse(new InputSource(in));
  }
}
