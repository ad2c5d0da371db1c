package dev.akguard.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.monitor.store.Alert;
import dev.akguard.monitor.store.AlertStore;
import dev.akguard.testkit.alibaba.EmulatedKey;
import dev.akguard.testkit.alibaba.TrailEvent;
import dev.akguard.testkit.github.EmulatedRepo;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser (Debian's headless Chromium driven by Selenium through
 * /usr/bin/chromedriver, nothing downloaded): sign in, a leak pushed to the GitHub emulator appears
 * without a reload, its links lead to GitHub, the RAM action disables the key in the Alibaba Cloud
 * emulator, whitelist and cancel, a viewer is refused, a form without its CSRF token is refused,
 * attacker-controlled text stays text. Screenshots of each page go to {@code
 * -Dakguard.screenshots=DIR} (default target/screenshots; docs/monitor/console for the
 * documentation).
 */
class ConsoleBrowserTest {
    private static final String XSS_PATH = "<img src=x onerror=\"window.__xss='path'\">.env";
    private static final String XSS_AUTHOR = "<script>window.__xss='author'</script>";
    private static final String XSS_AGENT = "<script>window.__xss='agent'</script>";

    @TempDir Path dir;
    private ConsoleFixture f;
    private WebDriver driver;
    private Path shots;

    @BeforeEach
    void start() throws Exception {
        assertTrue(
                Files.isExecutable(Path.of("/usr/bin/chromedriver"))
                        && Files.isExecutable(Path.of("/usr/bin/chromium")),
                "needs Debian's chromium and chromium-driver (scripts/test.sh installs them: apt-get install chromium chromium-driver)");
        f = ConsoleFixture.builder("jdbc:sqlite:" + dir.resolve("monitor.db")).start();
        shots = Path.of(System.getProperty("akguard.screenshots", "target/screenshots"));
        Files.createDirectories(shots);
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        o.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1280,900",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                        .usingAnyFreePort()
                        .build();
        driver = new ChromeDriver(service, o);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        if (driver != null) driver.quit();
        if (f != null) f.close();
    }

    @Test
    void securityTeamTriagesALeakInTheBrowser() throws Exception {
        String benign = ConsoleFixture.accessKeyId();
        f.record(benign, "acme/docs", "examples/config.yaml", 12, "writer");
        long xss = f.record(ConsoleFixture.accessKeyId(), "acme/site", XSS_PATH, 1, XSS_AUTHOR);

        // sign in
        driver.get(f.base + "/alerts");
        assertTrue(
                driver.getCurrentUrl().endsWith("/login"), "not signed in: sent to the login form");
        shot("login");
        signIn("admin");
        assertEquals("admin (admin)", text("#whoami"));

        // a leak pushed to GitHub appears in the open list without a reload
        driver.get(f.base + "/alerts");
        js("window.__sameDocument = 'yes'");
        EmulatedKey leaked = f.account.addUser("ci-deployer").addKey();
        EmulatedRepo repo = f.gh.createRepo("acme/infra");
        EmulatedRepo.PushResult push =
                repo.change()
                        .author("dev1")
                        .put(
                                "deploy/.env",
                                "ALIBABA_CLOUD_ACCESS_KEY_ID="
                                        + leaked.id()
                                        + "\nALIBABA_CLOUD_ACCESS_KEY_SECRET="
                                        + leaked.secret()
                                        + "\n")
                        .push();
        assertEquals(
                202,
                WebhookEndToEndTest.deliver(
                                f,
                                "push",
                                UUID.randomUUID().toString(),
                                WebhookEndToEndTest.pushPayload(repo, push, "dev1"),
                                ConsoleFixture.WEBHOOK_SECRET)
                        .statusCode());
        WebElement row =
                new WebDriverWait(driver, Duration.ofSeconds(20))
                        .until(
                                d ->
                                        d.findElements(By.cssSelector("#alerts tbody tr")).stream()
                                                .filter(r -> r.getText().contains(leaked.id()))
                                                .findFirst()
                                                .orElse(null));
        assertEquals(
                "yes",
                js("return window.__sameDocument"),
                "the row arrived by live update, not by reloading the page");
        assertTrue(row.getText().contains("acme/infra/deploy/.env:1"), row.getText());
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> rowOf(leaked.id()).getText().contains("VALID"));
        shot("alerts");

        // open it and follow its links
        rowOf(leaked.id()).findElement(By.linkText("Details")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> text("#validity").equals("VALID"));
        String sha = push.head();
        String gh = f.gh.baseUrl();
        assertEquals(
                gh + "/acme/infra/blob/" + sha + "/deploy/.env#L1", attr("a.file-link", "href"));
        assertEquals(gh + "/acme/infra", attr("a.repo-link", "href"));
        assertEquals(gh + "/acme/infra/commit/" + sha, attr("a.commit-link", "href"));
        assertEquals(gh + "/dev1", attr("a.user-link", "href"));
        assertEquals("noopener noreferrer", attr("a.file-link", "rel"));
        shot("alert-detail");
        String detail = driver.getCurrentUrl();
        for (String link : List.of("a.file-link", "a.commit-link", "a.user-link", "a.repo-link")) {
            String href = attr(link, "href");
            driver.findElement(By.cssSelector(link)).click();
            new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(d -> d.getCurrentUrl().startsWith(gh));
            String path = java.net.URI.create(href).getPath();
            assertTrue(
                    f.gh.arrivals(path) > 0,
                    "the browser reached " + path + " on the GitHub emulator");
            driver.get(detail);
        }

        // handle as disabled through RAM: a confirmation step, then status and validity change
        click("input[name=method][value=disabled]");
        click("#apply");
        driver.findElement(By.name("note")).sendKeys("SEC-42 rotated");
        click("#handle");
        assertTrue(
                driver.getPageSource().contains("UpdateAccessKey"),
                "the confirmation says what will happen");
        assertTrue(
                f.ali.key(leaked.id()).orElseThrow().active(), "nothing happens before confirming");
        shot("confirm-ram");
        click("#confirm");
        click("#confirm-apply");
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().equals(detail));
        assertTrue(text("#flash").contains("disabled through RAM"), text("#flash"));
        assertEquals("Handled (Manually Disabled AccessKey Pair)", text("#status"));
        assertEquals("DISABLED", text("#validity"));
        assertFalse(
                f.ali.key(leaked.id()).orElseThrow().active(),
                "the key is disabled in the Alibaba Cloud emulator");
        assertTrue(text("#history").contains("ram-disabled"), text("#history"));

        // call records: fetched from ActionTrail on demand, charted per hour, untrusted user agent
        // shown as text
        Instant now = Instant.now();
        for (int h = 6; h >= 1; h--)
            f.ali.trail()
                    .add(
                            TrailEvent.of(
                                    leaked, "DescribeInstances", now.minus(Duration.ofHours(h))));
        f.ali.trail()
                .add(
                        TrailEvent.of(leaked, "CreateAccessKey", now.minusSeconds(1))
                                .with("sourceIpAddress", "198.51.100.7")
                                .with("userAgent", XSS_AGENT));
        click("#refresh-calls");
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector("#calls tbody tr")).isEmpty());
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector(".chart .uplot")).isEmpty());
        assertTrue(text("#calls").contains(XSS_AGENT), "the user agent is shown as text");
        assertNull(
                js("return window.__xss === undefined ? null : window.__xss"),
                "nothing from ActionTrail ran");
        shot("alert-calls");

        // attacker-controlled path and author render as text and run nothing
        driver.get(f.base + "/alerts/" + xss);
        assertTrue(text("#occurrences").contains(XSS_PATH), text("#occurrences"));
        assertTrue(text("#occurrences").contains(XSS_AUTHOR), text("#occurrences"));
        assertTrue(
                driver.findElements(By.cssSelector("#occurrences img")).isEmpty(),
                "no element was injected");
        assertTrue(
                driver.findElements(By.cssSelector("#occurrences a.user-link")).isEmpty(),
                "no link for a login GitHub cannot have");
        driver.get(f.base + "/alerts?q=site");
        assertNull(
                js("return window.__xss === undefined ? null : window.__xss"),
                "no script ran on the list or the detail page");

        // whitelist with a note, then cancel the whitelist
        driver.get(f.base + "/alerts/" + xss);
        click("input[name=method][value=whitelist]");
        driver.findElement(By.name("note")).sendKeys("a test fixture, not a key");
        click("#handle");
        waitText("#status", "Added to Whitelist");
        click("#unwhitelist");
        waitText("#status", "Unhandled");
        String history = text("#history");
        assertTrue(
                history.contains("whitelisted")
                        && history.contains("a test fixture, not a key")
                        && history.contains("unwhitelisted"),
                history);

        // a form posted without its CSRF token is refused and changes nothing
        js("document.querySelector('#handle-form input[name=_csrf]').remove()");
        click("input[name=method][value=deleted]");
        click("#handle");
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.id("error-message")).isEmpty());
        assertTrue(text("#error-message").contains("CSRF"), driver.getPageSource());
        assertEquals("Unhandled", status(xss));

        // overview, anomalies, notifications
        driver.get(f.base + "/");
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector(".chart .uplot")).isEmpty());
        shot("overview");
        driver.get(f.base + "/anomalies");
        assertTrue(
                text("#anomalies").contains(leaked.id()),
                "the leaked key's use after the leak is an anomaly");
        shot("anomalies");
        driver.findElement(By.linkText("Details")).click();
        shot("anomaly-detail");
        driver.get(f.base + "/notifications");
        assertTrue(text("#inbox").contains(leaked.id()), "the VALID leak reached the inbox");
        shot("notifications");
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(f.base + "/alerts");
        shot("alerts-phone");
        driver.manage().window().setSize(new Dimension(1280, 900));

        // a viewer reads but cannot act: no forms, and a crafted POST is refused
        click("header form.who button");
        signIn("viewer");
        driver.get(f.base + "/alerts/" + xss);
        assertTrue(driver.findElements(By.id("actions")).isEmpty(), "no action forms for a viewer");
        Object code =
                ((JavascriptExecutor) driver)
                        .executeAsyncScript(
                                "const done = arguments[arguments.length - 1];"
                                        + "const body = new URLSearchParams({_csrf: document.querySelector('input[name=_csrf]').value, method: 'whitelist'});"
                                        + "fetch('/alerts/"
                                        + xss
                                        + "/handle', {method: 'POST', body}).then(r => done(r.status));");
        assertEquals(403L, code);
        assertEquals("Unhandled", status(xss));
        shot("viewer-detail");
    }

    private String status(long id) {
        Alert a = new AlertStore(f.db, Clock.systemUTC()).find(id).orElseThrow();
        return dev.akguard.console.web.View.status(a.status(), a.handlingMethod());
    }

    private void signIn(String user) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().endsWith("/login"));
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys(ConsoleFixture.PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(d -> !d.findElements(By.id("whoami")).isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "sign-in failed at " + driver.getCurrentUrl() + ": " + driver.getPageSource(),
                    e);
        }
    }

    private WebElement rowOf(String key) {
        return driver.findElements(By.cssSelector("#alerts tbody tr")).stream()
                .filter(r -> r.getText().contains(key))
                .findFirst()
                .orElseThrow();
    }

    private void waitText(String css, String expected) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(
                        d ->
                                d.findElements(By.cssSelector(css)).stream()
                                        .anyMatch(e -> e.getText().trim().equals(expected)));
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText().trim();
    }

    private String attr(String css, String name) {
        return driver.findElement(By.cssSelector(css)).getAttribute(name);
    }

    private void click(String css) {
        driver.findElement(By.cssSelector(css)).click();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private void shot(String name) throws Exception {
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), shots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
