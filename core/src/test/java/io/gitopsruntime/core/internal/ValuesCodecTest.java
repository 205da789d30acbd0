package io.gitopsruntime.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.core.ParsedValues;
import io.gitopsruntime.core.SecretHandling;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ValuesCodecTest {

  private static String fixture() throws IOException {
    try (InputStream in = ValuesCodecTest.class.getResourceAsStream("/values/every-typed-key.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void readsEveryTypedAttributeOfEveryNode() throws Exception {
    ParsedValues parsed = ValuesYaml.parse(fixture(), "every-typed-key.yaml");
    assertThat(parsed.problems()).isEmpty();

    List<String> empty = new ArrayList<>();
    Set<String> visitedTypes = new TreeSet<>();
    walk(parsed.values(), "", empty, visitedTypes);

    assertThat(empty).as("typed attributes the codec left empty, or keys it did not type").isEmpty();
    assertThat(visitedTypes).as("node types the fixture reaches").hasSize(modelTypes());
  }

  @Test
  void writesEveryTypedAttributeBack() throws Exception {
    GitOpsRuntimeValues values = ValuesYaml.parse(fixture(), "every-typed-key.yaml").valuesOrThrow();

    GitOpsRuntimeValues again = ValuesYaml.parse(ValuesYaml.write(values, SecretHandling.REVEAL), "written").valuesOrThrow();

    assertThat(again).isEqualTo(values);
  }

  private static int modelTypes() throws Exception {
    int count = 0;
    for (String name : new String[] {
      "ArgoCdAuthValues", "ArgoCdIntegrationValues", "ArgoCdServerValues", "AppProxyConfigValues", "AppProxyValues",
      "CaCertSecretValues", "CaCertsValues", "CodefreshTlsValues", "CodefreshValues", "ComponentValues",
      "GitCredentialsValues", "GitOpsRuntimeValues", "GitPasswordValues", "GlobalValues", "HttpRouteValues", "ImageValues",
      "IngressTlsValues", "IngressValues", "InstallerValues", "IntegrationsValues", "ParentRefValues", "RuntimeValues",
      "SecretKeyRef", "ServiceEndpointValues", "TolerationValues", "UserTokenValues"}) {
      Class.forName("io.gitopsruntime.values." + name);
      count++;
    }
    return count;
  }

  /** Visits every node reachable from {@code node}, recording attributes that are empty. */
  private static void walk(Object node, String path, List<String> empty, Set<String> visitedTypes) throws Exception {
    Class<?> type = node.getClass().getSuperclass();
    visitedTypes.add(type.getSimpleName());
    for (Method accessor : type.getDeclaredMethods()) {
      if (!Modifier.isPublic(accessor.getModifiers()) || Modifier.isStatic(accessor.getModifiers())
          || Modifier.isFinal(accessor.getModifiers()) || accessor.getParameterCount() > 0
          || accessor.getName().startsWith("with") || accessor.getName().equals("toString")) {
        continue;
      }
      Object value = accessor.invoke(node);
      String at = path.isEmpty() ? accessor.getName() : path + "." + accessor.getName();
      if (accessor.getName().equals("additionalValues")) {
        if (!((Map<?, ?>) value).isEmpty()) {
          empty.add(at + " holds untyped keys " + ((Map<?, ?>) value).keySet());
        }
        continue;
      }
      if (value instanceof Optional) {
        if (((Optional<?>) value).isEmpty()) {
          empty.add(at);
        } else if (isNode(((Optional<?>) value).get())) {
          walk(((Optional<?>) value).get(), at, empty, visitedTypes);
        }
      } else if (value instanceof Collection) {
        if (((Collection<?>) value).isEmpty()) {
          empty.add(at);
        }
        for (Object item : (Collection<?>) value) {
          if (isNode(item)) {
            walk(item, at + "[]", empty, visitedTypes);
          }
        }
      } else if (value instanceof Map) {
        if (((Map<?, ?>) value).isEmpty()) {
          empty.add(at);
        }
      } else if (isNode(value)) {
        walk(value, at, empty, visitedTypes);
      }
    }
  }

  private static boolean isNode(Object value) {
    return value.getClass().getName().startsWith("io.gitopsruntime.values.Immutable");
  }
}
