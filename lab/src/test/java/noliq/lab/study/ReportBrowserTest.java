package noliq.lab.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import noliq.lab.report.ReportWriter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The study's report as a reader first sees it: every design of the default catalog on a few short
 * paths of the fitted model and of a crash (the page's structure and widths do not depend on the
 * number of paths), written to disk and opened in Debian's chromium through Playwright, 1280 px wide
 * and 800 px high. The answer table and the first of its sentences are on the first screen, and
 * neither the page nor any section, nor any table in one, scrolls sideways; the page is at most 2 MB and the
 * whole report at most 20 MB. A screenshot of the first
 * screen is saved to {@code target/report-first-screen.png}. Runs in the {@code browser} profile,
 * which Maven turns on where {@code /usr/bin/chromium} exists (CI installs it).
 */
@Tag("browser")
class ReportBrowserTest {
  @TempDir Path tmp;

  private static final int WIDTH = 1280;
  private static final int HEIGHT = 800;

  @Test
  void theAnswerIsOnTheFirstScreenAndNoSectionScrollsSideways() throws Exception {
    // -Dnoliq.report=DIR checks a report already written (./noliq compare --quick's, say) instead
    String given = System.getProperty("noliq.report", "");
    Path dir;
    if (given.isBlank()) {
      dir = ReportWriter.write(ReportSize.smallStudy("browser check"), tmp.resolve("report"));
    } else {
      dir = Path.of(given);
    }
    assertThat(Files.size(dir.resolve("index.html"))).as("index.html, bytes").isLessThanOrEqualTo(ReportSize.PAGE_BUDGET);
    long total;
    try (var files = Files.walk(dir)) {
      total = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
    assertThat(total).as("the report, bytes").isLessThanOrEqualTo(ReportSize.REPORT_BUDGET);
    try (Playwright pw = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions()
            .setExecutablePath(Path.of("/usr/bin/chromium")).setHeadless(true)
            .setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync")))) {
      Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(WIDTH, HEIGHT));
      page.navigate(dir.resolve("index.html").toUri().toString());
      Path shot = Path.of("target", "report-first-screen.png");
      Files.createDirectories(shot.getParent());
      page.screenshot(new Page.ScreenshotOptions().setPath(shot));
      assertThat(Files.size(shot)).isGreaterThan(10_000);
      // the answer table and its first sentence end above the first screen's bottom edge
      double tableBottom = ((Number) page.evaluate(
          "() => document.querySelector('#answer table').getBoundingClientRect().bottom")).doubleValue();
      double firstSentenceBottom = ((Number) page.evaluate(
          "() => document.querySelector('#answer .answer-text li').getBoundingClientRect().bottom")).doubleValue();
      assertThat(tableBottom).as("answer table's bottom, px").isLessThanOrEqualTo(HEIGHT);
      assertThat(firstSentenceBottom).as("first sentence's bottom, px").isLessThanOrEqualTo(HEIGHT);
      // no sideways scroll: the page, every section, every table's wrapper
      assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(WIDTH);
      @SuppressWarnings("unchecked")
      List<String> wide = (List<String>) page.evaluate("() => Array.from(document.querySelectorAll('section, .wrap'))"
          + ".filter(e => e.scrollWidth > e.clientWidth + 1)"
          + ".map(e => (e.id || (e.closest('section') || {}).id || '?') + ' ' + e.scrollWidth + ' > ' + e.clientWidth)");
      assertThat(wide).as("elements scrolling sideways").isEmpty();
      assertThat(((Number) page.evaluate("() => document.querySelectorAll('section').length")).intValue()).isGreaterThan(5);
    }
  }
}
