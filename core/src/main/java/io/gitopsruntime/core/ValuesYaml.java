package io.gitopsruntime.core;

import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.core.internal.SecretSlots;
import io.gitopsruntime.core.internal.ValuesCodec;
import io.gitopsruntime.core.internal.YamlFileChecks;
import io.gitopsruntime.core.internal.YamlReader;
import io.gitopsruntime.core.internal.YamlWriter;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import io.gitopsruntime.values.SecretValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes values files.
 *
 * <pre>{@code
 * ParsedValues parsed = ValuesYaml.read(Path.of("values.yaml"));
 * GitOpsRuntimeValues values = parsed.valuesOrThrow();
 * String yaml = ValuesYaml.write(values);            // literal secrets written as ****
 * }</pre>
 *
 * <p>Reading follows Helm: YAML 1.1 scalars, anchors, aliases and {@code <<} merge keys. Every key
 * survives a round trip: keys the model does not type, and typed keys whose value is null, empty or of
 * the wrong type, are kept verbatim. Writing omits what is not set, so the chart's defaults apply; it
 * writes a YAML {@code null} only where the values hold an explicit one. Thread-safe; no state.
 */
public final class ValuesYaml {
  private static final ValuesCodec.SecretWriter MASKING = (path, secret) -> secret.isBlankLiteral() ? secret.reveal() : ValuesYaml.MASK;
  private static final ValuesCodec.SecretWriter REVEALING = (path, secret) -> secret.isLiteral() ? secret.reveal() : null;

  /** The most bytes (characters, for {@link #parse(String, String)}) a values file may have: 4 MiB. */
  public static final int MAX_FILE_SIZE = 4 * 1024 * 1024;
  /** The most characters one line of a values file may have: 1 MiB. */
  public static final int MAX_LINE_LENGTH = 1024 * 1024;
  /** The most characters one string (a key or a scalar value) may have: 1 MiB. */
  public static final int MAX_STRING_LENGTH = 1024 * 1024;
  /** The most levels maps and lists may be nested, aliases expanded. */
  public static final int MAX_DEPTH = 100;
  /** The most keys and list items a values file may hold, each use of an alias counting as a copy of its anchor's value. */
  public static final int MAX_VALUES = 50_000;
  private static final YamlReader.Limits LIMITS = YamlReader.Limits.DEFAULT;

  /** What a masked secret looks like. */
  public static final String MASK = "****";

  private ValuesYaml() {}

  /**
   * Reads a values file.
   *
   * <p>Reading is bounded, so that a hostile or broken file ends in a clear {@link ValuesSyntaxException}
   * naming the file, line and limit, in bounded time and memory, rather than a hang or an
   * {@code OutOfMemoryError}. The limits are far above real values files (the chart's own values.yaml is
   * 23 KB, nested less than 15 levels, with about 500 keys, all its subcharts' together a few thousand):
   * <ul>
   *   <li>a file has at most {@value #MAX_FILE_SIZE} bytes (4 MiB), and a line at most
   *       {@value #MAX_LINE_LENGTH} characters (1 MiB);
   *   <li>a string (a key or a scalar value) has at most {@value #MAX_STRING_LENGTH} characters (1 MiB);
   *   <li>maps and lists are nested at most {@value #MAX_DEPTH} levels deep;
   *   <li>a file holds at most {@value #MAX_VALUES} keys and list items, where each use of an alias
   *       ({@code *name}) counts as a copy of its anchor's value, so that an "alias bomb" (aliases of
   *       anchors that hold aliases) is refused after a few thousand steps.
   * </ul>
   * Besides: only one YAML document, UTF-8 text without control characters, and a map at the top level.
   * No message quotes a value that may be a secret.
   *
   * @param file the file
   * @return the values, the problems found and where each key is
   * @throws ValuesSyntaxException if the file is not well-formed YAML, is not UTF-8, its top level is not
   *     a map, or it is beyond one of the limits above
   * @throws GitOpsRuntimeException if the file cannot be read
   */
  public static ParsedValues read(Path file) {
    String name = file.toString();
    String text;
    try {
      // before reading it: a huge file (or a device) must not fill the memory
      if (Files.isRegularFile(file)) {
        YamlFileChecks.checkSize(name, Files.size(file), "bytes", LIMITS);
      }
      text = decode(name, readAtMost(file, MAX_FILE_SIZE + 1L));
    } catch (NoSuchFileException e) {
      throw new GitOpsRuntimeException(name + ": no such file. Check the path of the values file.", e);
    } catch (IOException e) {
      throw new GitOpsRuntimeException(name + ": cannot be read (" + e.getMessage() + "). Check the file's permissions.", e);
    }
    return parse(text, name);
  }

  private static byte[] readAtMost(Path file, long limit) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
      YamlFileChecks.checkSize(file.toString(), bytes.length, "bytes", LIMITS);
      return bytes;
    }
  }

  private static String decode(String name, byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw YamlFileChecks.notUtf8(name, bytes, in.position());
    }
    result = decoder.flush(out);
    if (result.isError()) {
      throw YamlFileChecks.notUtf8(name, bytes, in.position());
    }
    out.flip();
    return out.toString();
  }

  /**
   * Parses values from text.
   *
   * @param yaml the YAML
   * @param sourceName the name used in locations and messages, such as {@code values.yaml}
   * @return the values, the problems found and where each key is
   * @throws ValuesSyntaxException if the text is not well-formed YAML, its top level is not a map, or it
   *     is beyond one of the limits of {@link #read(Path)}
   */
  public static ParsedValues parse(String yaml, String sourceName) {
    return parse(yaml, sourceName, LIMITS);
  }

  static ParsedValues parse(String yaml, String sourceName, YamlReader.Limits limits) {
    YamlReader.Document document = YamlReader.read(sourceName, yaml, limits);
    List<Finding> problems = new ArrayList<>(document.problems());
    GitOpsRuntimeValues values = ValuesCodec.read(document.root(), problems::add);
    return new ParsedValues(sourceName, values, problems, document.locations());
  }

  /**
   * Parses values from text, strictly.
   *
   * @param yaml the YAML
   * @return the values
   * @throws ValuesSyntaxException if the text is not well-formed YAML or beyond one of the limits of
   *     {@link #read(Path)}
   * @throws io.gitopsruntime.InvalidValuesException if a value has the wrong type
   */
  public static GitOpsRuntimeValues parse(String yaml) {
    return parse(yaml, "values").valuesOrThrow();
  }

  /**
   * Writes values as YAML with every literal secret written as {@code ****}.
   *
   * @param values the values
   * @return the YAML
   */
  public static String write(GitOpsRuntimeValues values) {
    return write(values, SecretHandling.MASK);
  }

  /**
   * Writes values as YAML.
   *
   * @param values the values
   * @param secrets whether literal secrets are written or masked
   * @return the YAML
   */
  public static String write(GitOpsRuntimeValues values, SecretHandling secrets) {
    return YamlWriter.write(toMap(values, secrets));
  }

  static Map<String, Object> toMap(GitOpsRuntimeValues values, SecretHandling secrets) {
    if (secrets == SecretHandling.REVEAL) {
      return ValuesCodec.write(values, REVEALING);
    }
    // the typed slots are masked by the codec; SecretSlots masks every other secret (by key, by looks, URL user-info)
    return SecretSlots.masked(ValuesCodec.write(values, MASKING));
  }

  static Map<String, Object> toMap(GitOpsRuntimeValues values, ValuesCodec.SecretWriter secrets) {
    return ValuesCodec.write(values, secrets);
  }

  /**
   * The literal secrets the values hold, by values path; for redacting them from text.
   *
   * @param values the values
   * @return the literal secrets, keyed by their values path
   */
  public static Map<ValuesPath, SecretValue> literalSecrets(GitOpsRuntimeValues values) {
    Map<ValuesPath, SecretValue> found = new java.util.LinkedHashMap<>();
    // a class rather than a lambda: plan calls this at start-up, where every lambda costs time
    toMap(values, new ValuesCodec.SecretWriter() {
      @Override
      public Object write(ValuesPath path, SecretValue secret) {
        if (secret.isLiteral()) {
          found.put(path, secret);
        }
        return "";
      }
    });
    return found;
  }
}
