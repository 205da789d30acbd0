package io.gitopsruntime.testing.internal;

import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Lets the CRUD dispatcher's WebSocket watch listener write to a plain HTTP response as a stream of
 * newline-separated watch events, the way client-go (and so Helm) watches; for a watch with
 * {@code sendInitialEvents=true} it ends the initial events with the bookmark client-go waits for.
 * Thread-safe.
 */
final class HttpWatchStream implements WebSocket {

  private final Vertx vertx;
  private final Context context;
  private final HttpServerResponse response;
  private final RecordedRequest request;
  private final WebSocketListener listener;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicInteger initialEvents = new AtomicInteger(-1);
  private volatile @Nullable String initialEventsEnd;

  HttpWatchStream(Vertx vertx, Context context, HttpServerResponse response, RecordedRequest request,
      WebSocketListener listener) {
    this.vertx = vertx;
    this.context = context;
    this.response = response;
    this.request = request;
    this.listener = listener;
  }

  /**
   * Sends a bookmark after the given number of initial events, as a server answering a watch with
   * {@code sendInitialEvents=true} does.
   *
   * @param count how many initial events come first
   * @param bookmark the bookmark event, JSON
   */
  void endInitialEventsAfter(int count, String bookmark) {
    initialEventsEnd = bookmark;
    initialEvents.set(count);
    if (count == 0) {
      write(bookmark);
    }
  }

  @Override
  public RecordedRequest request() {
    return request;
  }

  @Override
  public boolean send(String text) {
    if (closed.get()) {
      return false;
    }
    write(text);
    String bookmark = initialEventsEnd;
    if (bookmark != null && initialEvents.get() > 0 && initialEvents.decrementAndGet() == 0) {
      write(bookmark);
    }
    return true;
  }

  private void write(String text) {
    context.runOnContext(v -> {
      if (!closed.get() && !response.ended() && !response.closed()) {
        response.write(text + "\n");
      }
    });
  }

  @Override
  public boolean send(byte[] bytes) {
    return send(new String(bytes, StandardCharsets.UTF_8));
  }

  @Override
  public boolean close(int code, String reason) {
    if (closed.compareAndSet(false, true)) {
      context.runOnContext(v -> {
        if (!response.ended() && !response.closed()) {
          response.end();
        }
      });
      vertx.executeBlocking(() -> {
        listener.onClosed(this, code, reason);
        return null;
      }, false);
    }
    return true;
  }
}
