package dev.pipelineharness.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The HTML report of a red run, opened in headless Chromium as a person would open it: the verdict, the
 * timeline, the failing check's diff with its fields highlighted and a chart are on screen. It uses the
 * machine's Chromium and chromedriver (Debian's {@code chromium} and {@code chromium-driver}), never a
 * downloaded browser, and is skipped with the reason where they are absent. Screenshots go to
 * {@code target/screenshots}.
 */
class ReportInChromiumTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("harness.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("harness.chromedriver", "/usr/bin/chromedriver"));

    @TempDir
    static Path reportDir;
    @TempDir
    static Path profile;
    private static ChromeDriver browser;

    @BeforeAll
    static void openTheReportOfARedRun() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Chromium and chromedriver at " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (apt-get install -y chromium chromium-driver)");
        FakeRuns.run(reportDir, "red/routing.scenario.yaml", "green/smoke.scenario.yaml", "green/docker.scenario.yaml");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(reportDir.resolve(ReportFiles.HTML).toUri().toString());
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void showsTheVerdictTheTimelineTheDiffAndTheCharts() throws IOException {
        assertThat(browser.findElement(By.cssSelector("#summary .badge")).getText()).isEqualTo("RED");

        WebElement red = browser.findElement(By.cssSelector("details.scenario.failed"));
        assertThat(red.getAttribute("open")).isNotNull();
        WebElement timeline = red.findElement(By.cssSelector(".timeline svg"));
        assertThat(timeline.isDisplayed()).isTrue();
        assertThat(timeline.getSize().getHeight()).isGreaterThan(60);
        List<WebElement> lanes = red.findElements(By.cssSelector(".timeline svg g.lane"));
        assertThat(lanes).extracting(lane -> lane.getAttribute("class")).contains("lane fault", "lane generator");
        assertThat(lanes).allSatisfy(lane -> assertThat(lane.findElement(By.tagName("rect")).getSize().getWidth()).isPositive());

        WebElement diff = red.findElement(By.cssSelector("tr.diff-row .diff"));
        assertThat(diff.isDisplayed()).isTrue();
        assertThat(diff.findElements(By.cssSelector(".diff-section")))
                .extracting(WebElement::getText).containsExactly("missing (1):", "wrong (1):");
        assertThat(diff.findElement(By.tagName("del")).getText()).isEqualTo("web");
        assertThat(diff.findElement(By.tagName("ins")).getText()).isEqualTo("app");
        assertThat(diff.findElement(By.tagName("del")).getCssValue("text-decoration-line")).isEqualTo("line-through");

        WebElement chart = browser.findElement(By.id("throughput-svg"));
        assertThat(chart.isDisplayed()).isTrue();
        assertThat(chart.findElements(By.cssSelector("g.bar rect"))).hasSizeGreaterThanOrEqualTo(2);

        screenshot("report-top.png", null);
        screenshot("report-failed-scenario.png", red);
    }

    @Test
    void theNotGreenFilterHidesGreenScenarios() {
        browser.findElement(By.cssSelector("button[data-filter=red]")).click();
        List<WebElement> shown = browser.findElements(By.cssSelector("details.scenario")).stream()
                .filter(WebElement::isDisplayed).toList();
        assertThat(shown).hasSize(1).allSatisfy(scenario -> assertThat(scenario.getText()).contains("Routing under a paused broker"));
        browser.findElement(By.cssSelector("button[data-filter=all]")).click();
    }

    private static void screenshot(String name, WebElement element) throws IOException {
        Path dir = Path.of(System.getProperty("harness.screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        Path shot = element == null ? browser.getScreenshotAs(OutputType.FILE).toPath() : element.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
