package io.gitopsruntime.core;

import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.core.internal.SecretSlots;
import io.gitopsruntime.core.internal.ValuesCodec;
import io.gitopsruntime.core.internal.YamlReader;
import io.gitopsruntime.core.internal.YamlWriter;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import io.gitopsruntime.values.SecretValue;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
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

  /** What a masked secret looks like. */
  public static final String MASK = "****";

  private ValuesYaml() {}

  /**
   * Reads a values file.
   *
   * @param file the file
   * @return the values, the problems found and where each key is
   * @throws ValuesSyntaxException if the file is not well-formed YAML or its top level is not a map
   * @throws GitOpsRuntimeException if the file cannot be read
   */
  public static ParsedValues read(Path file) {
    String name = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new GitOpsRuntimeException(name + ": no such file. Check the path of the values file.", e);
    } catch (CharacterCodingException e) {
      throw new GitOpsRuntimeException(name + ": not a UTF-8 text file. Save the values file as UTF-8.", e);
    } catch (IOException e) {
      throw new GitOpsRuntimeException(name + ": cannot be read (" + e.getMessage() + "). Check the file's permissions.", e);
    }
    return parse(text, name);
  }

  /**
   * Parses values from text.
   *
   * @param yaml the YAML
   * @param sourceName the name used in locations and messages, such as {@code values.yaml}
   * @return the values, the problems found and where each key is
   * @throws ValuesSyntaxException if the text is not well-formed YAML or its top level is not a map
   */
  public static ParsedValues parse(String yaml, String sourceName) {
    YamlReader.Document document = YamlReader.read(sourceName, yaml);
    List<Finding> problems = new ArrayList<>(document.problems());
    GitOpsRuntimeValues values = ValuesCodec.read(document.root(), problems::add);
    return new ParsedValues(sourceName, values, problems, document.locations());
  }

  /**
   * Parses values from text, strictly.
   *
   * @param yaml the YAML
   * @return the values
   * @throws ValuesSyntaxException if the text is not well-formed YAML
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
