package testdata.unclosedresourcefield;

import java.io.Closeable;

/**
 * close() releases a field under a null test of a sibling, but null does not mean that an earlier
 * close() ran: the sibling may be null from the start or set to null elsewhere, or the released
 * field may be opened again after close().
 */
public class PositiveSiblingNullGuards {

  /** The control session is opened only on demand: while it is null, close() skips the data. */
  static final class LazyControl implements Closeable {
    private Channel control;
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private final Channel data = new Channel(); // leak: close() before control() skips it

    Channel control() {
      if (control == null) {
        control = new Channel();
      }
      return control;
    }

    @Override
    public void close() {
      if (control != null) {
        data.close();
        control.close();
        control = null;
      }
    }
  }

  /** The constructor opens the control session only when asked to. */
  static final class OptionalControl implements Closeable {
    private Channel control;
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private final Channel data = new Channel(); // leak: without control, close() skips it

    OptionalControl(boolean withControl) {
      if (withControl) {
        control = new Channel();
      }
    }

    @Override
    public void close() {
      if (control != null) {
        data.close();
        control.close();
        control = null;
      }
    }
  }

  /** Without a peer the constructor returns before it opens the control session. */
  static final class NoPeer implements Closeable {
    private Channel control;
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private final Channel data = new Channel(); // leak: without a peer, close() skips it

    NoPeer(String peer) {
      if (peer == null) {
        return;
      }
      control = new Channel();
    }

    @Override
    public void close() {
      if (control != null) {
        data.close();
        control.close();
        control = null;
      }
    }
  }

  /** close() also shuts the peer's control session, and the peer's own close() then skips its data. */
  static final class Paired implements Closeable {
    private Channel control = new Channel();
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private final Channel data = new Channel(); // leak: once the peer closed control, close() skips it
    private Paired peer;

    void pair(Paired other) {
      peer = other;
    }

    @Override
    public void close() {
      if (control != null) {
        if (peer != null && peer.control != null) {
          peer.control.close();
          peer.control = null;
        }
        data.close();
        control.close();
        control = null;
      }
    }
  }

  /** detach() drops the control session (and closes it) but leaves the data channel open. */
  static final class Detachable implements Closeable {
    private Channel control = new Channel();
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private final Channel data = new Channel(); // leak: close() after detach() skips it

    void detach() {
      if (control != null) {
        control.close();
        control = null;
      }
    }

    @Override
    public void close() {
      if (control != null) {
        data.close();
        control.close();
        control = null;
      }
    }
  }

  /** reconnect() opens the data channel again after close(), and the next close() skips it. */
  static final class Reconnecting implements Closeable {
    private Channel control = new Channel();
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private Channel data = new Channel(); // leak: reopened after close(), which then skips it

    void reconnect() {
      if (data == null) {
        data = new Channel();
      }
    }

    @Override
    public void close() {
      if (control != null) {
        data.close();
        data = null;
        control.close();
        control = null;
      }
    }
  }

  static final class Channel implements Closeable {
    @Override
    public void close() {}
  }
}
