package noliq.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import noliq.math.book.AccountId;
import noliq.node.Node;
import noliq.node.NodeConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node's page in a real browser (Debian's chromium through Playwright): it loads with its
 * ladder, charts and tables, a visitor opens an account, places an order through the form and sees
 * it in the book; a screenshot is saved to {@code target/node-page.png}. Runs in the {@code browser}
 * profile, which Maven turns on where {@code /usr/bin/chromium} exists (CI installs it).
 */
@Tag("browser")
class PageBrowserTest {
  @TempDir Path dir;

  @Test
  void aVisitorTradesSplitsMergesAndCancelsThroughThePage() throws Exception {
    try (Node node = Node.start(NodeConfig.defaults(dir).withPort(0).withRate(1_000));
        Playwright pw = Playwright.create(new Playwright.CreateOptions().setEnv(java.util.Map.of(
            "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions()
            .setExecutablePath(Path.of("/usr/bin/chromium")).setHeadless(true)
            .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync")))) {
      Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 1600));
      page.navigate(node.url());
      // the maker quotes on its first cycle; the page picks the first quoted series
      page.waitForSelector("#ladder tbody tr", new Page.WaitForSelectorOptions().setTimeout(30_000));
      page.waitForFunction("() => document.querySelectorAll('#book tbody tr').length > 0", null,
          new Page.WaitForFunctionOptions().setTimeout(30_000));
      page.click("#open-account");
      page.waitForFunction("() => document.querySelector('#account').textContent.includes('user:')", null,
          new Page.WaitForFunctionOptions().setTimeout(20_000));
      page.selectOption("#order-leg", "P");
      page.selectOption("#order-side", "BUY");
      page.fill("#order-limit", "0.123456");
      page.fill("#order-amount", "2");
      page.click("#place-order");
      page.waitForFunction("() => document.querySelector('#order-result').textContent.includes('placed order')", null,
          new Page.WaitForFunctionOptions().setTimeout(20_000));
      page.waitForFunction("() => document.querySelector('#book').textContent.includes('0.123456 × 2.000')", null,
          new Page.WaitForFunctionOptions().setTimeout(20_000));
      page.waitForFunction("() => document.querySelector('#account').textContent.includes('open orders: #')", null,
          new Page.WaitForFunctionOptions().setTimeout(20_000));
      String account = page.textContent("#account b");
      long resting = node.engine().query(m -> m.books().values().stream()
          .flatMap(b -> b.openOrders().stream()).filter(o -> o.owner().equals(AccountId.of(account))).count()).join();
      assertThat(resting).isEqualTo(1);
      // split and merge through the page, then cancel the order with its button
      page.fill("#split-amount", "3");
      page.click("#split");
      page.waitForFunction("() => document.querySelector('#split-result').textContent.includes('split 3 ETH')", null,
          new Page.WaitForFunctionOptions().setTimeout(20_000));
      page.fill("#split-amount", "1");
      page.click("#merge");
      page.waitForFunction("() => document.querySelector('#split-result').textContent.includes('merged 1 P + N')", null,
          new Page.WaitForFunctionOptions().setTimeout(20_000));
      String series = page.evaluate("() => state.series").toString();
      String p = node.engine().query(m -> m.book().balanceOf(AccountId.of(account),
          new noliq.math.book.Token("P:" + series)).toString()).join();
      assertThat(p).as("3 split, 1 merged").isEqualTo("2");
      page.click("#account button.cancel");
      page.waitForFunction("() => document.querySelector('#account').textContent.includes('open orders: none')", null,
          new Page.WaitForFunctionOptions().setTimeout(20_000));
      long left = node.engine().query(m -> m.books().values().stream()
          .flatMap(b -> b.openOrders().stream()).filter(o -> o.owner().equals(AccountId.of(account))).count()).join();
      assertThat(left).as("the order was cancelled through the page").isZero();
      assertThat(page.locator("#nav-chart canvas").count()).isPositive();
      assertThat(page.locator("#hf-chart canvas").count()).isPositive();
      page.locator("#events li").first().waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
          .setState(WaitForSelectorState.ATTACHED).setTimeout(10_000));
      Path shot = Path.of("target", "node-page.png");
      Files.createDirectories(shot.getParent());
      page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true)
          .setAnimations(com.microsoft.playwright.options.ScreenshotAnimations.DISABLED));
      assertThat(Files.size(shot)).isGreaterThan(10_000);
    }
  }
}
