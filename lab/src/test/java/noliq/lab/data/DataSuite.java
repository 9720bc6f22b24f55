package noliq.lab.data;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.AnnotatedElement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import noliq.lab.scenarios.DataFiles;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The rule of {@link RequiresData}: with no data directory given, the test does not run (and the
 * reason starts with {@link #NOT_RUN}, which {@link DataSuiteSummary} collects); with one given, the
 * test runs, and fails before it starts if the directory does not hold every file it names.
 */
public final class DataSuite implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback {
  /** How a skip reason of the data suite begins. */
  static final String NOT_RUN = "data suite: needs ";
  /** How to run the suite, for messages. */
  static final String HOW = "-Dnoliq.data=DIR (or NOLIQ_DATA=DIR) naming a directory laid out like shared/data";

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    List<String> files = required(context);
    if (files.isEmpty() || DataFiles.given().isPresent()) {
      return ConditionEvaluationResult.enabled("a data directory is given");
    }
    return ConditionEvaluationResult.disabled(NOT_RUN + String.join(", ", files) + "; run it with " + HOW);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    checkFiles(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    checkFiles(context);
  }

  /** With a data directory given, every named file must be there: CI never passes on less. */
  private static void checkFiles(ExtensionContext context) {
    Optional<Path> dir = DataFiles.given();
    if (dir.isEmpty()) {
      return;
    }
    if (!Files.isDirectory(dir.get())) {
      fail("the data directory " + dir.get() + " given by -Dnoliq.data or NOLIQ_DATA does not exist");
    }
    for (String name : required(context)) {
      if (!Files.isRegularFile(dir.get().resolve(name))) {
        fail(name + " is missing from the data directory " + dir.get() + " (given by -Dnoliq.data or NOLIQ_DATA): "
            + "the data suite fails rather than skip when a directory is given");
      }
    }
  }

  private static List<String> required(ExtensionContext context) {
    List<String> files = new ArrayList<>();
    for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
      Optional<AnnotatedElement> element = c.getElement();
      element.flatMap(e -> AnnotationSupport.findAnnotation(e, RequiresData.class)).ifPresent(r -> {
        for (String f : r.value()) {
          if (!files.contains(f)) {
            files.add(f);
          }
        }
      });
    }
    return files;
  }
}
