package testdata.resourceleak;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.CharArrayReader;
import java.io.CharArrayWriter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Formatter;
import java.util.List;
import java.util.Map;
import java.util.Scanner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Serialization, templating and console helpers: nothing here owns an external resource. */
public class NegativeNotResources {

  private final Socket controlSocket;
  private final OutputStream auditSink;

  public NegativeNotResources(Socket controlSocket, OutputStream auditSink) {
    this.controlSocket = controlSocket;
    this.auditSink = auditSink;
  }

  public byte[] serialize(Object value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(); // ok: not a resource (ByteArrayOutputStream)
    ObjectOutputStream oos = new ObjectOutputStream(bytes); // ok: not a resource (wraps an in-memory stream)
    oos.writeObject(value);
    oos.flush();
    return bytes.toByteArray();
  }

  public Object deserialize(byte[] data) throws IOException, ClassNotFoundException {
    ObjectInputStream ois = new ObjectInputStream(new ByteArrayInputStream(data)); // ok: not a resource (in-memory)
    return ois.readObject();
  }

  public String gunzip(byte[] compressed) throws IOException {
    InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed)); // ok: not a resource (in-memory)
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  public String render(String template, Map<String, String> vars) {
    StringWriter out = new StringWriter(); // ok: not a resource (StringWriter)
    PrintWriter pw = new PrintWriter(out); // ok: not a resource (wraps a StringWriter)
    for (String line : template.split("\n")) {
      for (Map.Entry<String, String> e : vars.entrySet()) {
        line = line.replace("${" + e.getKey() + "}", e.getValue());
      }
      pw.println(line);
    }
    pw.flush();
    return out.toString();
  }

  public List<String> splitLines(String text) {
    BufferedReader r = new BufferedReader(new StringReader(text)); // ok: not a resource (StringReader)
    return r.lines().collect(Collectors.toList());
  }

  public char[] escape(char[] input) throws IOException {
    CharArrayReader in = new CharArrayReader(input); // ok: not a resource (CharArrayReader)
    CharArrayWriter out = new CharArrayWriter(); // ok: not a resource (CharArrayWriter)
    for (int c; (c = in.read()) != -1; ) {
      if (c == '<') {
        out.write("&lt;");
      } else {
        out.write(c);
      }
    }
    return out.toCharArray();
  }

  public String prompt(String question) throws IOException {
    System.out.print(question + ": ");
    BufferedReader console = new BufferedReader(new InputStreamReader(System.in)); // ok: not a resource (wraps System.in)
    return console.readLine();
  }

  public int readMenuChoice() {
    Scanner in = new Scanner(System.in); // ok: not a resource (wraps System.in)
    return in.nextInt();
  }

  public void printTable(List<String[]> rows) {
    PrintWriter out = new PrintWriter(System.out, true); // ok: not a resource (wraps System.out)
    Formatter fmt = new Formatter(); // ok: not a resource (in-memory Formatter)
    for (String[] row : rows) {
      fmt.format("%-20s %10s%n", row[0], row[1]);
    }
    out.print(fmt);
    out.flush();
  }

  public String money(long cents) {
    StringBuilder sb = new StringBuilder();
    Formatter f = new Formatter(sb); // ok: not a resource (Formatter over a StringBuilder)
    f.format("%,d.%02d", cents / 100, cents % 100);
    return sb.toString();
  }

  public int sumTokens(String csvLine) {
    Scanner sc = new Scanner(csvLine).useDelimiter(","); // ok: not a resource (Scanner over a String)
    int sum = 0;
    while (sc.hasNextInt()) {
      sum += sc.nextInt();
    }
    return sum;
  }

  public List<String> upperCaseNames(List<String> names) {
    Stream<String> s = names.stream(); // ok: not a resource (collection stream)
    return s.map(String::toUpperCase).toList();
  }

  public int sumOfSquares(int n) {
    return IntStream.rangeClosed(1, n).map(i -> i * i).sum(); // ok: not a resource (IntStream.range)
  }

  public List<String> tags(String... tags) {
    return Stream.of(tags).distinct().sorted().toList(); // ok: not a resource (Stream.of)
  }

  public void runAll(List<Runnable> jobs) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(4); // ok: not a resource (ExecutorService)
    jobs.forEach(pool::submit);
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.MINUTES);
  }

  public String fetch(String url) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newHttpClient(); // ok: not a resource (HttpClient)
    HttpRequest req = HttpRequest.newBuilder(URI.create(url)).GET().build();
    return client.send(req, HttpResponse.BodyHandlers.ofString()).body();
  }

  public void pump(byte[] payload) throws IOException {
    PipedOutputStream producer = new PipedOutputStream(); // ok: not a resource (piped stream)
    PipedInputStream consumer = new PipedInputStream(producer, payload.length + 1); // ok: not a resource (piped stream)
    producer.write(payload);
    consumer.readNBytes(payload.length);
  }

  public String readCommand() throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(controlSocket.getInputStream(), StandardCharsets.UTF_8)); // ok: wraps a field's stream, owner closes it
    return r.readLine();
  }

  public void audit(String event) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(auditSink, StandardCharsets.UTF_8)); // ok: wraps a field
    w.write(event);
    w.flush();
  }

  public int readHeader(InputStream source) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(source)); // ok: wraps a parameter
    return in.readInt();
  }

  public void writeRecord(OutputStream target, long id, String name) throws IOException {
    DataOutputStream out = new DataOutputStream(target); // ok: wraps a parameter
    out.writeLong(id);
    out.writeUTF(name);
    out.flush();
  }

  public String slurp(Reader source) throws IOException {
    BufferedReader r = new BufferedReader(source); // ok: wraps a parameter
    StringBuilder sb = new StringBuilder();
    for (String line; (line = r.readLine()) != null; ) {
      sb.append(line).append('\n');
    }
    return sb.toString();
  }

  public Object readObjectFrom(Socket peer) throws IOException, ClassNotFoundException {
    ObjectInputStream in = new ObjectInputStream(peer.getInputStream()); // ok: wraps a parameter's stream
    return in.readObject();
  }
}
