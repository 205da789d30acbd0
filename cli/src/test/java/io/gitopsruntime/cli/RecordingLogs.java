package io.gitopsruntime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * An SLF4J provider with every logger at TRACE, and a java.util.logging handler at ALL, both appending every record
 * (with its arguments and the stack trace of its throwable) to the file named by the system property
 * {@value #FILE_PROPERTY}. Not registered as a service: a child JVM picks it with
 * {@code -Dslf4j.provider=io.gitopsruntime.cli.RecordingLogs}, so that no other test sees it. Thread-safe.
 */
public final class RecordingLogs implements SLF4JServiceProvider {
  /** The system property naming the file the records go to. */
  static final String FILE_PROPERTY = "gitops.test.logFile";
  private static Writer sink;

  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new BasicMDCAdapter();
  private final ILoggerFactory factory = TraceLogger::new;

  /** Opens the file, and routes java.util.logging there too, every logger at ALL. */
  static synchronized void start() {
    if (sink != null) {
      return;
    }
    try {
      sink = Files.newBufferedWriter(Path.of(System.getProperty(FILE_PROPERTY)), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    for (Handler handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    root.setLevel(java.util.logging.Level.ALL);
    root.addHandler(new Handler() {
      @Override
      public void publish(LogRecord record) {
        String message = record.getMessage();
        Object[] parameters = record.getParameters();
        if (parameters != null) {
          message = message + " " + java.util.Arrays.deepToString(parameters);
          try {
            message = java.text.MessageFormat.format(record.getMessage(), parameters) + " " + message;
          } catch (IllegalArgumentException e) {
            // the raw message and parameters are kept
          }
        }
        write("JUL " + record.getLevel() + " " + record.getLoggerName() + " " + message, record.getThrown());
      }

      @Override
      public void flush() {
        RecordingLogs.flush();
      }

      @Override
      public void close() {
        RecordingLogs.flush();
      }
    });
  }

  static synchronized void write(String line, Throwable thrown) {
    try {
      sink.write(line);
      sink.write('\n');
      if (thrown != null) {
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        sink.write(trace.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static synchronized void flush() {
    try {
      if (sink != null) {
        sink.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return factory;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {
    start();
  }

  /** A logger with every level on. */
  private static final class TraceLogger extends AbstractLogger {
    private static final long serialVersionUID = 1L;

    TraceLogger(String name) {
      this.name = name;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
      String message = MessageFormatter.basicArrayFormat(pattern, arguments);
      write("SLF4J " + level + " " + name + " " + message
          + (arguments == null ? "" : " " + java.util.Arrays.deepToString(arguments)), throwable);
    }

    @Override
    public boolean isTraceEnabled() {
      return true;
    }

    @Override
    public boolean isTraceEnabled(Marker marker) {
      return true;
    }

    @Override
    public boolean isDebugEnabled() {
      return true;
    }

    @Override
    public boolean isDebugEnabled(Marker marker) {
      return true;
    }

    @Override
    public boolean isInfoEnabled() {
      return true;
    }

    @Override
    public boolean isInfoEnabled(Marker marker) {
      return true;
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public boolean isWarnEnabled(Marker marker) {
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }

    @Override
    public boolean isErrorEnabled(Marker marker) {
      return true;
    }
  }
}
