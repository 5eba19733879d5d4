package dev.weblogs.dashboard.bench;

import dev.weblogs.dashboard.support.Browser;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;

/**
 * {@code Screenshot <url> <file.png> [width height [css-selector]]}: the page, or one element of it, as a person
 * sees it once it has drawn.
 */
public final class Screenshot {

    private Screenshot() {
    }

    public static void main(String[] args) throws Exception {
        int width = args.length > 2 ? Integer.parseInt(args[2]) : 1600;
        int height = args.length > 3 ? Integer.parseInt(args[3]) : 2200;
        try (Browser browser = new Browser(width, height)) {
            browser.driver().get(args[0]);
            browser.waiting(Duration.ofSeconds(60)).until(d -> "true".equals(d.findElement(By.tagName("body"))
                    .getDomAttribute("data-ready")));
            Thread.sleep(1500);
            if (args.length > 4) {
                java.nio.file.Files.write(Path.of(args[1]), browser.driver().findElement(By.cssSelector(args[4]))
                        .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            } else {
                browser.screenshot(Path.of(args[1]));
            }
            browser.consoleProblems().forEach(entry -> System.err.println("console: " + entry));
        }
    }
}
