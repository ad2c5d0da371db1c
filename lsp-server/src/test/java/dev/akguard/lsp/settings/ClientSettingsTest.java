package dev.akguard.lsp.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.akguard.core.finding.Rule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientSettingsTest {
    @Test
    void readsTheSectionWrappedOrBare() {
        List<String> problems = new ArrayList<>();
        ClientSettings a =
                ClientSettings.from(
                        JsonParser.parseString(
                                "{\"akguard\":{\"severity\":{\"alibaba-access-key-id\":\"off\",\"alibaba-access-key-pair\":\"Warning\"},"
                                        + "\"exclude\":[\"test/**\"],\"debounceMs\":50}}"),
                        problems::add);
        ClientSettings b =
                ClientSettings.from(
                        JsonParser.parseString(
                                "{\"severity\":{\"alibaba-access-key-id\":\"off\",\"alibaba-access-key-pair\":\"warn\"},\"exclude\":[\"test/**\"],\"debounceMs\":50}"),
                        problems::add);
        assertEquals(a, b);
        assertEquals(RuleSeverity.OFF, a.severities().get(Rule.ACCESS_KEY_ID));
        assertEquals(RuleSeverity.WARNING, a.severities().get(Rule.ACCESS_KEY_PAIR));
        assertTrue(a.excludeFilter().excludes("test/fixtures/App.java"));
        assertEquals(50, a.debounceMs());
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void badEntriesAreReportedAndSkippedNotFatal() {
        List<String> problems = new ArrayList<>();
        ClientSettings s =
                ClientSettings.from(
                        JsonParser.parseString(
                                "{\"severity\":{\"nope\":\"error\",\"alibaba-access-key-id\":\"loud\",\"alibaba-sts-credentials\":\"hint\"},"
                                        + "\"exclude\":\"x\",\"debounceMs\":-4}"),
                        problems::add);
        assertEquals(RuleSeverity.HINT, s.severities().get(Rule.STS_CREDENTIALS));
        assertEquals(1, s.severities().size());
        assertEquals(ClientSettings.DEFAULT_DEBOUNCE_MS, s.debounceMs());
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("nope"));
        assertEquals(
                ClientSettings.DEFAULTS,
                ClientSettings.from(null, problems::add),
                "no settings: defaults");
    }
}
