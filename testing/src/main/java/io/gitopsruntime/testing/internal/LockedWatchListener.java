package io.gitopsruntime.testing.internal;

import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;

/**
 * Wraps a CRUD dispatcher watch listener so that it stops (shuts its executor down and unregisters)
 * while no write runs: the dispatcher would otherwise hand a write's event to a listener whose executor
 * is already shut down, and fail the write. Thread-safe.
 */
final class LockedWatchListener extends WebSocketListener {

  private final WebSocketListener delegate;
  private final ObjectStore store;

  LockedWatchListener(WebSocketListener delegate, ObjectStore store) {
    this.delegate = delegate;
    this.store = store;
  }

  @Override
  public void onBeforeAccept(WebSocket webSocket, Response response) {
    delegate.onBeforeAccept(webSocket, response);
  }

  @Override
  public void onOpen(WebSocket webSocket, Response response) {
    delegate.onOpen(webSocket, response);
  }

  @Override
  public void onMessage(WebSocket webSocket, String text) {
    delegate.onMessage(webSocket, text);
  }

  @Override
  public void onMessage(WebSocket webSocket, byte[] bytes) {
    delegate.onMessage(webSocket, bytes);
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    delegate.onClosing(webSocket, code, reason);
  }

  @Override
  public void onClosed(WebSocket webSocket, int code, String reason) {
    store.atomically(() -> {
      delegate.onClosed(webSocket, code, reason);
      return null;
    });
  }

  @Override
  public void onFailure(WebSocket webSocket, Throwable error, Response response) {
    store.atomically(() -> {
      delegate.onFailure(webSocket, error, response);
      return null;
    });
  }
}
