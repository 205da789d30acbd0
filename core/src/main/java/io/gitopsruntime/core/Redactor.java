package io.gitopsruntime.core;

import io.gitopsruntime.core.internal.SecretSlots;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import io.gitopsruntime.values.SecretValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Masks the literal secrets of a set of values wherever they appear in text: a last line of defence
 * for messages built from answers of remote systems.
 *
 * <pre>{@code
 * Redactor redactor = Redactor.of(installation.values()).plus(tokenReadFromTheCluster);
 * throw new GitOpsRuntimeException(redactor.redact("the platform answered: " + body));
 * }</pre>
 *
 * <p>Each secret of at least 4 characters is replaced by {@code ****}, the longest first, and so is each
 * line of 16 characters or more of a secret that spans lines (a PEM key, say). Immutable and thread-safe.
 */
public final class Redactor {
  private static final String MASK = "****";
  private static final int SHORTEST = 4;

  private final List<String> secrets;

  // a class rather than a lambda: this runs at the start of every plan, where each lambda costs start-up time
  private static final Comparator<String> LONGEST_FIRST = new Comparator<>() {
    @Override
    public int compare(String a, String b) {
      return Integer.compare(b.length(), a.length());
    }
  };

  private Redactor(List<String> secrets) {
    this.secrets = secrets;
  }

  /**
   * A redactor of the values' literal secrets (those of at least 4 characters): the typed secret slots, every
   * other value the SDK treats as a secret (the chart's credential keys, keys named like secrets,
   * credential-looking values), and the user-info of URLs.
   *
   * @param values the values
   * @return the redactor
   */
  public static Redactor of(GitOpsRuntimeValues values) {
    List<String> found = new ArrayList<>();
    for (SecretValue secret : ValuesYaml.literalSecrets(values).values()) {
      addWithLines(found, secret.reveal());
    }
    for (Map.Entry<ValuesPath, String> secret : SecretSlots.literals(ValuesTree.of(values, SecretHandling.REVEAL).data()).entrySet()) {
      List<String> userInfo = SecretSlots.urlCredentials(secret.getValue());
      if (userInfo.isEmpty() || SecretSlots.isSecret(secret.getKey(), secret.getValue())) {
        addWithLines(found, secret.getValue());
      }
      for (String part : userInfo) {
        addWithLines(found, part);
      }
    }
    found.sort(LONGEST_FIRST);
    return new Redactor(List.copyOf(found));
  }

  /**
   * A redactor of the given literals.
   *
   * @param literals the secrets
   * @return the redactor
   */
  public static Redactor ofLiterals(Iterable<String> literals) {
    List<String> found = new ArrayList<>();
    for (String literal : literals) {
      addWithLines(found, literal);
    }
    found.sort(LONGEST_FIRST);
    return new Redactor(List.copyOf(found));
  }

  private static void addWithLines(List<String> found, String secret) {
    String trimmed = secret.strip();
    if (trimmed.length() >= SHORTEST) {
      found.add(trimmed);
    }
    if (trimmed.contains("\n")) {
      for (String line : trimmed.split("\n")) {
        String l = line.strip();
        if (l.length() >= 16 && !l.startsWith("-----")) {
          found.add(l);
        }
      }
    }
  }

  /**
   * This redactor plus more secrets, such as one read from the cluster.
   *
   * @param more the secrets
   * @return a new redactor
   */
  public Redactor plus(String... more) {
    List<String> all = new ArrayList<>(secrets);
    for (String secret : more) {
      addWithLines(all, secret);
    }
    all.sort(LONGEST_FIRST);
    return new Redactor(List.copyOf(all));
  }

  /**
   * Masks every secret in a text.
   *
   * @param text the text
   * @return the text with each secret replaced by {@code ****}
   */
  public String redact(String text) {
    String out = text;
    for (String secret : secrets) {
      if (out.contains(secret)) {
        out = out.replace(secret, MASK);
      }
    }
    return out;
  }

  /**
   * Masks every secret in a finding's path, message and remediation.
   *
   * @param finding the finding
   * @return the same finding when clean, or a masked copy
   */
  public Finding redact(Finding finding) {
    if (secrets.isEmpty()) {
      return finding;
    }
    return finding.withPath(redact(finding.path())).withMessage(redact(finding.message())).withRemediation(redact(finding.remediation()));
  }
}
