package io.gitopsruntime.core.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.values.ExplicitNull;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes plain data (maps, lists, scalars) as block-style YAML with Jackson's streaming generator.
 * Strings that YAML 1.1 would read as something else ({@code yes}, {@code 1.0}, {@code ~}) are quoted,
 * so that the written file reads back with the same types. Thread-safe.
 */
public final class YamlWriter {
  private static final YAMLFactory FACTORY =
      YAMLFactory.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
          .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
          .stringQuotingChecker(new Yaml11QuotingChecker())
          .build();

  private YamlWriter() {}

  /**
   * Writes a document.
   *
   * @param root the top-level map
   * @return the YAML text; {@code {}} for an empty map
   */
  public static String write(Map<String, ?> root) {
    if (root.isEmpty()) {
      return "{}\n";
    }
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      value(generator, root);
    } catch (StreamConstraintsException e) {
      // only values built in code get here: files are read at most 100 levels deep
      throw new GitOpsRuntimeException("the values are nested more than " + StreamWriteConstraints.DEFAULT_MAX_DEPTH
          + " levels deep, more than YAML output allows (values files may nest " + ValuesYaml.MAX_DEPTH + "). Flatten the values.", e);
    } catch (IOException e) {
      throw new UncheckedIOException("writing YAML to memory failed", e);
    }
    return out.toString();
  }

  private static void value(JsonGenerator g, @Nullable Object value) throws IOException {
    if (value == null || value == ExplicitNull.INSTANCE) {
      g.writeNull();
    } else if (value instanceof Map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        g.writeFieldName(String.valueOf(entry.getKey()));
        value(g, entry.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof List) {
      g.writeStartArray();
      for (Object item : (List<?>) value) {
        value(g, item);
      }
      g.writeEndArray();
    } else if (value instanceof String) {
      g.writeString((String) value);
    } else if (value instanceof Boolean) {
      g.writeBoolean((Boolean) value);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      g.writeNumber(((Number) value).longValue());
    } else if (value instanceof BigInteger) {
      g.writeNumber((BigInteger) value);
    } else if (value instanceof BigDecimal) {
      g.writeNumber((BigDecimal) value);
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d)) {
        g.writeNumber(".nan");
      } else if (Double.isInfinite(d)) {
        g.writeNumber(d > 0 ? ".inf" : "-.inf");
      } else {
        g.writeNumber(d);
      }
    } else {
      g.writeString(String.valueOf(value));
    }
  }

  /** Quotes what Jackson quotes, plus any string a YAML 1.1 reader would not read back as a string. */
  private static final class Yaml11QuotingChecker extends StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;
    /** What Helm's YAML library reads as a timestamp (and Helm then rewrites as an RFC 3339 string). */
    private static final java.util.regex.Pattern TIMESTAMP =
        java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?", java.util.regex.Pattern.DOTALL);

    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value) || misread(value);
    }

    @Override
    public boolean needToQuoteName(String name) {
      return super.needToQuoteName(name) || misread(name);
    }

    private static boolean misread(String s) {
      return !(YamlScalars.resolvePlain(s) instanceof String) || s.equals("<<") || TIMESTAMP.matcher(s).matches();
    }
  }
}
