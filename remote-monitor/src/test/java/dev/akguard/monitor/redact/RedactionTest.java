package dev.akguard.monitor.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RedactionTest {
    private static final String PW = "S3cr3t-pw";

    @Test
    void jdbcUrlsLoseEveryFormOfPassword() {
        assertEquals(
                "jdbc:postgresql://h/x?user=postgres&password=***",
                Redaction.jdbcUrl("jdbc:postgresql://h/x?user=postgres&password=" + PW));
        assertEquals(
                "jdbc:postgresql://h/x?password=***&user=u",
                Redaction.jdbcUrl("jdbc:postgresql://h/x?password=" + PW + "&user=u"));
        assertEquals(
                "jdbc:postgresql://***@h:5432/x",
                Redaction.jdbcUrl("jdbc:postgresql://postgres:" + PW + "@h:5432/x"));
        assertEquals(
                "jdbc:postgresql://h:5432/x;password=***",
                Redaction.jdbcUrl("jdbc:postgresql://h:5432/x;password=" + PW));
        assertEquals(
                "jdbc:postgresql://h/x?sslpassword=***",
                Redaction.jdbcUrl("jdbc:postgresql://h/x?sslpassword=" + PW));
        assertEquals("jdbc:sqlite:/tmp/m.db", Redaction.jdbcUrl("jdbc:sqlite:/tmp/m.db"));
    }

    @Test
    void driverMessagesLoseThePasswordEvenDecodedOrQuotedOddly() {
        String url = "jdbc:postgresql://127.0.0.1:5432/x?user=postgres&password=" + PW + "%zz";
        String driver = "Unable to parse URL " + url;
        assertFalse(Redaction.jdbcMessage(driver, url).contains(PW));
        String encoded = "jdbc:postgresql://h/x?password=p%40ss";
        assertFalse(
                Redaction.jdbcMessage("password authentication failed: p@ss", encoded)
                        .contains("p@ss"));
        String userinfo = "jdbc:postgresql://postgres:" + PW + "@127.0.0.1:notaport/x";
        assertFalse(
                Redaction.jdbcMessage("bad port in " + userinfo + " (" + PW + ")", userinfo)
                        .contains(PW));
    }

    @Test
    void signedRequestUrlsLoseTheirQueryString() {
        String sdk =
                "SDK.ServerUnreachable: Server unreachable: connection http://127.0.0.1:1/?Action=LookupEvents"
                        + "&SecurityToken=CAIStoken&AccessKeyId=STS.abc&Signature=sig%3D&SignatureNonce=n1 failed";
        String out = Redaction.signedUrls(sdk);
        assertEquals(
                "SDK.ServerUnreachable: Server unreachable: connection http://127.0.0.1:1/?… failed",
                out);
        assertFalse(
                Redaction.signedUrls("token SecurityToken=CAIStoken here").contains("CAIStoken"));
    }

    @Test
    void webhookUrlsShowNeitherUserinfoNorQuery() {
        assertEquals(
                "https://hooks.example/services/T0…?…",
                Redaction.url("https://u:pw@hooks.example/services/T000/B000?token=x"));
        assertEquals("(invalid url)", Redaction.url("::not a url"));
    }

    @Test
    void leakedSecretsFollowTheEngineRule() {
        assertEquals("abc…", Redaction.secret("abcdefghijklmnopqrstuvwxyz0123"));
        assertTrue(Redaction.isRedacted("abc…"));
        assertFalse(Redaction.isRedacted("abcdefghijklmnopqrstuvwxyz0123"));
    }
}
