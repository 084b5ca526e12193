package testdata.resourceleak;

import java.io.Closeable;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Anonymous subclasses of decorators: they wrap what they are given, and are returned. */
public class NegativeAnonymousWrappers {

  /** An entity that closes the one it wraps. */
  static class EntityWrapper implements Closeable {
    private final Closeable wrapped;

    EntityWrapper(Closeable wrapped) {
      this.wrapped = wrapped;
    }

    boolean isChunked() {
      return false;
    }

    @Override
    public void close() throws IOException {
      wrapped.close();
    }
  }

  static EntityWrapper create(File file) throws IOException {
    return new EntityWrapper(new FileInputStream(file)); // ok: returned
  }

  static EntityWrapper chunked(EntityWrapper entity) {
    return new EntityWrapper(entity) {
      @Override
      boolean isChunked() {
        return true;
      }
    };
  }

  static EntityWrapper createChunked(File file) throws IOException {
    return chunked(create(file)); // ok: the anonymous wrapper is returned
  }

  static OutputStream counting(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(int b) throws IOException {
        super.write(b);
      }
    };
  }

  static OutputStream openCounting(File file) throws IOException {
    return counting(new FileOutputStream(file)); // ok: wrapped and returned
  }

  static OutputStream openLogged(File file) throws IOException {
    OutputStream out = new FileOutputStream(file); // ok: wrapped and returned
    return new FilterOutputStream(out) {
      @Override
      public void write(int b) throws IOException {
        System.out.print('.');
        super.write(b);
      }
    };
  }
}
