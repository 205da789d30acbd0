package io.gitopsruntime.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Enforces the module arrows of the design (api <- core <- validation <- helm <- examples; api, core <- testing)
 * and each module's contract: its {@code internal} packages are used by that module alone, so what another
 * module needs is a public type with Javadoc.
 */
class ModuleArchitectureTest {
  private static final String[] API = {
    "io.gitopsruntime", "io.gitopsruntime.values..", "io.gitopsruntime.validation..", "io.gitopsruntime.install..",
    "io.gitopsruntime.internal.."
  };
  private static final String CORE = "io.gitopsruntime.core..";
  private static final String VALIDATION = "io.gitopsruntime.validators..";
  private static final String HELM = "io.gitopsruntime.helm..";
  private static final String TESTING = "io.gitopsruntime.testing..";
  private static final String[] EXAMPLES = {"io.gitopsruntime.cli..", "io.gitopsruntime.examples.."};

  /** Each Maven module by the packages of its main code, as the layers below. */
  private static final String[][] MODULES = {API, {CORE}, {VALIDATION}, {HELM}, {TESTING}, EXAMPLES};

  /**
   * The one Immutables style of the SDK: an annotation (class retention, read by the annotation processor only)
   * that every module's value packages carry by design.
   */
  private static final String VALUE_STYLE = "io.gitopsruntime.internal.ValueStyle";

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.gitopsruntime");
  }

  @Test
  void modulesDependOnlyAlongTheDesignedArrows() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true)
        .layer("api").definedBy(API)
        .layer("core").definedBy(CORE)
        .layer("validation").definedBy(VALIDATION)
        .layer("helm").definedBy(HELM)
        .layer("testing").definedBy(TESTING)
        .layer("examples").definedBy(EXAMPLES)
        .whereLayer("examples").mayNotBeAccessedByAnyLayer()
        .whereLayer("helm").mayOnlyBeAccessedByLayers("examples")
        .whereLayer("validation").mayOnlyBeAccessedByLayers("helm", "examples")
        .whereLayer("testing").mayOnlyBeAccessedByLayers("examples")
        .whereLayer("core").mayOnlyBeAccessedByLayers("validation", "helm", "testing", "examples")
        .check(classes);
  }

  @Test
  void theToolDoesNotUseTheExamples() {
    noClasses().that().resideInAPackage("io.gitopsruntime.cli..")
        .should().dependOnClassesThat().resideInAPackage("io.gitopsruntime.examples..")
        .check(classes);
  }

  @Test
  void apiUsesNothingButTheJdkAndAnnotations() {
    noClasses().that().resideInAnyPackage(API)
        .should().dependOnClassesThat().resideOutsideOfPackages(
            "java..", "javax.annotation..", "org.immutables..", "org.jspecify..", "io.gitopsruntime", "io.gitopsruntime.values..",
            "io.gitopsruntime.validation..", "io.gitopsruntime.install..", "io.gitopsruntime.internal..")
        .check(classes);
  }

  @Test
  void coreLoadsNoClusterHttpOrHelmClasses() {
    noClasses().that().resideInAPackage(CORE)
        .should().dependOnClassesThat().resideInAnyPackage("io.fabric8..", "okhttp3..", "com.marcnuri..", "io.vertx..")
        .check(classes);
  }

  @Test
  void validationDoesNotEmbedHelm() {
    noClasses().that().resideInAPackage(VALIDATION)
        .should().dependOnClassesThat().resideInAnyPackage("com.marcnuri..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void internalPackagesAreUsedOnlyByTheirOwnModule() {
    List<ArchRule> rules = new ArrayList<>();
    for (String[] module : MODULES) {
      String[] internals = internalPackagesOf(module);
      rules.add(classes().that().resideInAnyPackage(internals).and().doNotHaveFullyQualifiedName(VALUE_STYLE)
          .should().onlyHaveDependentClassesThat().resideInAnyPackage(module)
          .allowEmptyShould(true)
          .as("classes in " + String.join(", ", internals) + " are used only by " + String.join(", ", module)));
    }
    CompositeArchRule.of(rules).check(classes);
  }

  /** The internal packages under a module's packages: {@code a.b..} gives {@code a.b..internal..}. */
  private static String[] internalPackagesOf(String[] module) {
    return Arrays.stream(module)
        .filter(p -> p.endsWith(".."))
        .map(p -> p.substring(0, p.length() - 2))
        .map(p -> p.endsWith(".internal") ? p + ".." : p + "..internal..")
        .toArray(String[]::new);
  }
}
