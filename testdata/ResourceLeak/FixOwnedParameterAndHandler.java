package testdata.resourceleak;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.checkerframework.checker.mustcall.qual.Owning;

/**
 * Two shapes that are not a local declared with try-with-resources in mind. A parameter marked
 * {@code @Owning} is the method's to close: the fix wraps the body in {@code try (in)}. A
 * {@code FileHandler} is not {@code AutoCloseable}, but its one release method is known: the fix
 * is a try/finally that calls it.
 */
class FixOwnedParameterAndHandler {
  // BUG: Diagnostic contains: [ResourceLeak]
  Properties load(@Owning InputStream in) throws IOException { // leak: the caller handed it over
    Properties props = new Properties();
    props.load(in);
    return props;
  }

  void logOnce(String pattern, String message) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    FileHandler handler = new FileHandler(pattern, true); // leak: the log file stays open
    handler.setFormatter(new SimpleFormatter());
    handler.publish(new LogRecord(Level.INFO, message));
    handler.flush();
  }
}
