package noliq.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules of DESIGN.md, checked on the compiled classes: dependencies point down the
 * layers, the debt engines do not import one another, and the protocol does no I/O, reads no clock
 * and draws no random number (time, randomness and prices come in as arguments).
 */
class ArchitectureTest {
  private static final String[] PROTOCOL = {
      "noliq.math..", "noliq.pricing..", "noliq.options..", "noliq.debt..", "noliq.market..",
      "noliq.oracle..", "noliq.wrapper.."};

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("noliq");
  }

  @Test
  void everyLayerIsPresent() {
    for (String layer : new String[] {"math", "pricing", "options", "node", "cli"}) {
      org.assertj.core.api.Assertions.assertThat(classes.stream()
          .anyMatch(c -> c.getPackageName().startsWith("noliq." + layer)))
          .as("classes of layer %s were imported", layer).isTrue();
    }
  }

  @Test
  void dependenciesPointDownTheLayers() {
    layeredArchitecture()
        .consideringOnlyDependenciesInAnyPackage("noliq..")
        .withOptionalLayers(true)
        .layer("math").definedBy("noliq.math..")
        .layer("pricing").definedBy("noliq.pricing..")
        .layer("options").definedBy("noliq.options..")
        .layer("debt").definedBy("noliq.debt..")
        .layer("market").definedBy("noliq.market..")
        .layer("oracle").definedBy("noliq.oracle..")
        .layer("wrapper").definedBy("noliq.wrapper..")
        .layer("lab").definedBy("noliq.lab..")
        .layer("node").definedBy("noliq.node..")
        .layer("cli").definedBy("noliq.cli..")
        .whereLayer("cli").mayNotBeAccessedByAnyLayer()
        .whereLayer("node").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("lab").mayOnlyBeAccessedByLayers("node", "cli")
        .whereLayer("wrapper").mayOnlyBeAccessedByLayers("lab", "node", "cli")
        .whereLayer("oracle").mayOnlyBeAccessedByLayers("wrapper", "lab", "node", "cli")
        .whereLayer("market").mayOnlyBeAccessedByLayers("oracle", "wrapper", "lab", "node", "cli")
        .whereLayer("debt").mayOnlyBeAccessedByLayers("lab", "node", "cli")
        .whereLayer("options").mayOnlyBeAccessedByLayers("market", "oracle", "wrapper", "lab", "node", "cli")
        .whereLayer("pricing").mayOnlyBeAccessedByLayers("market", "oracle", "wrapper", "lab", "node", "cli")
        .check(classes);
  }

  @Test
  void mathDependsOnNothingElseInNoliq() {
    noClasses().that().resideInAPackage("noliq.math..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "noliq.pricing..", "noliq.options..", "noliq.debt..", "noliq.market..", "noliq.oracle..",
            "noliq.wrapper..", "noliq.lab..", "noliq.node..", "noliq.cli..")
        .check(classes);
  }

  @Test
  void theDebtEnginesDoNotImportOneAnother() {
    slices().matching("noliq.debt.(*)..").should().notDependOnEachOther()
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void theProtocolDoesNoIo() {
    noClasses().that().resideInAnyPackage(PROTOCOL)
        .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.net..", "java.sql..")
        .orShould().dependOnClassesThat().haveNameMatching("java\\.io\\.(File|RandomAccess|Print|Buffered|Console).*")
        .orShould().accessField(System.class, "out")
        .orShould().accessField(System.class, "err")
        .orShould().accessField(System.class, "in")
        .check(classes);
  }

  @Test
  void theProtocolReadsNoClock() {
    noClasses().that().resideInAnyPackage(PROTOCOL)
        .should().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(Instant.class, "now")
        .orShould().callMethod(LocalDate.class, "now")
        .orShould().callMethod(LocalDateTime.class, "now")
        .orShould().callMethod(ZonedDateTime.class, "now")
        .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
        .check(classes);
  }

  @Test
  void theProtocolDrawsNoRandomNumberOfItsOwn() {
    // A RandomGenerator handed in by the caller is allowed; creating a source of randomness is not.
    noClasses().that().resideInAnyPackage(PROTOCOL)
        .should().dependOnClassesThat().areAssignableTo(Random.class)
        .orShould().dependOnClassesThat().belongToAnyOf(
            SplittableRandom.class, ThreadLocalRandom.class, SecureRandom.class, RandomGeneratorFactory.class)
        .orShould().callMethod(Math.class, "random")
        .orShould().callMethod(RandomGenerator.class, "getDefault")
        .orShould().callMethod(RandomGenerator.class, "of", String.class)
        .check(classes);
  }

  @Test
  void theNodesMarketReadsTimeOnlyFromItsJournal() {
    // The fold must give the same state on every replay: only the writer (Engine) and its clock read time.
    noClasses().that().resideInAPackage("noliq.node.engine..")
        .and().doNotHaveSimpleName("NodeClock").and().doNotHaveSimpleName("Engine")
        .should().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(Instant.class, "now")
        .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
        .orShould().dependOnClassesThat().belongToAnyOf(ThreadLocalRandom.class, SecureRandom.class)
        .orShould().callMethod(Math.class, "random")
        .check(classes);
  }
}
