package noliq.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Checks picocli's argument files ({@code @FILE} reads more arguments from FILE) before picocli
 * opens them: each must be a regular file of at most {@link Limits#MAX_ARGUMENT_FILE_BYTES}, and
 * argument files nest at most {@link #MAX_DEPTH} deep. A directory, FIFO or device ({@code @/dev/zero})
 * is refused in one line instead of hanging or escaping as a picocli exception. A word starting with
 * {@code @} that names no file stays a plain argument, as picocli treats it.
 */
final class ArgumentFiles {
  static final int MAX_DEPTH = 4;

  private ArgumentFiles() {}

  /** The refusal, or null when every argument file is acceptable. */
  static String check(String[] args) {
    return check(args, 0);
  }

  private static String check(String[] args, int depth) {
    for (String arg : args) {
      String refusal = checkOne(arg, depth);
      if (refusal != null) {
        return refusal;
      }
    }
    return null;
  }

  private static String checkOne(String arg, int depth) {
    if (arg == null || arg.length() < 2 || arg.charAt(0) != '@' || arg.charAt(1) == '@') {
      return null;
    }
    Path file;
    try {
      file = Path.of(arg.substring(1));
    } catch (InvalidPathException e) {
      return null;
    }
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException | SecurityException e) {
      return null; // no such file: picocli keeps the word as it is
    }
    String name = "argument file " + arg;
    if (!a.isRegularFile()) {
      return name + ": must be a regular file, not " + (a.isDirectory() ? "a directory" : "a device, FIFO or socket");
    }
    if (a.size() > Limits.MAX_ARGUMENT_FILE_BYTES) {
      return name + ": holds " + a.size() + " bytes, more than the limit of " + Limits.MAX_ARGUMENT_FILE_BYTES;
    }
    if (depth >= MAX_DEPTH) {
      return name + ": argument files nest more than " + MAX_DEPTH + " deep";
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return name + ": cannot be read as UTF-8 text (" + e.getClass().getSimpleName() + ")";
    }
    String[] words = text.split("\\s+");
    for (int i = 0; i < words.length; i++) {
      words[i] = words[i].replace("\"", "").replace("'", "");
    }
    return check(words, depth + 1);
  }
}
