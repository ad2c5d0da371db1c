package dev.akguard.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.core.finding.Rule;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DetectorTest {
    private final Detector detector = new Detector();
    private final Random r = new Random(42);

    private List<Match> detect(String text) {
        byte[] a = text.getBytes(StandardCharsets.UTF_8);
        return detector.detect(a, 0, a.length);
    }

    @Test
    void modernAndLegacyIdsAreFoundBoundedOnBothSides() {
        String id = TestKeys.id(r), legacy = TestKeys.legacyId(r);
        List<Match> ms = detect("a=" + id + "\nb=\"" + legacy + "\"\n");
        assertEquals(List.of(id, legacy), ms.stream().map(Match::accessKeyId).toList());
        assertTrue(ms.stream().allMatch(m -> m.rule() == Rule.ACCESS_KEY_ID));
    }

    @Test
    void idsGluedToOtherCharactersAreNotIds() {
        String id = TestKeys.id(r);
        assertEquals(List.of(), detect("x" + id + " " + id + "z " + id.substring(0, 22)));
    }

    @Test
    void escapesBeforeAnIdStillBoundIt() {
        String id = TestKeys.id(r);
        assertEquals(3, detect("\"a\\n" + id + "\" b%3D" + id + " \\u0022" + id).size());
    }

    @Test
    void labelledSecretPairsWithTheId() {
        String id = TestKeys.id(r), secret = TestKeys.secret(r);
        List<Match> ms = detect("accessKeyId: " + id + "\naccessKeySecret: " + secret + "\n");
        assertEquals(1, ms.size());
        assertEquals(Rule.ACCESS_KEY_PAIR, ms.get(0).rule());
        assertEquals(secret, ms.get(0).secret());
    }

    @Test
    void unlabelledThirtyCharValueFarFromAnIdIsNotASecret() {
        String id = TestKeys.id(r), value = TestKeys.secret(r);
        List<Match> ms = detect("id = " + id + "\nchecksum = " + value + "\n");
        assertEquals(1, ms.size());
        assertNull(ms.get(0).secret());
    }

    @Test
    void argumentRightAfterTheIdIsItsSecret() {
        String id = TestKeys.id(r), secret = TestKeys.secret(r);
        List<Match> ms = detect("new Client(\"" + id + "\",\n    \"" + secret + "\")");
        assertEquals(secret, ms.get(0).secret());
    }

    @Test
    void previousLineCommentLabelsTheValue() {
        String id = TestKeys.id(r), secret = TestKeys.secret(r);
        List<Match> ms = detect("k = '" + id + "'\n# 阿里云密钥\nv = '" + secret + "'\n");
        assertEquals(secret, ms.get(0).secret());
    }

    @Test
    void placeholdersAreRejected() {
        assertEquals(List.of(), detect("id=" + TestKeys.PREFIX + "xxxxxxxxxxxxxxxxxxxx"));
        assertEquals(List.of(), detect("id=" + TestKeys.PREFIX + "5tEXAMPLEabc123def456"));
        assertEquals(List.of(), detect("id=" + TestKeys.PREFIX + "aaaaaaaaaaaaaaaaaaaa"));
        String id = TestKeys.id(r);
        List<Match> ms = detect("id=" + id + "\nsecret=YourAccessKeySecretHere123456\n");
        assertNull(ms.get(0).secret(), "a placeholder secret must not pair");
    }

    @Test
    void presignedUrlIdIsNotReported() {
        String id = TestKeys.id(r);
        assertEquals(
                List.of(),
                detect(
                        "https://b.oss-cn-hangzhou.aliyuncs.com/x.png?OSSAccessKeyId="
                                + id
                                + "&Expires=1&Signature=abc%3D"));
        assertEquals(
                1,
                detect("https://example.com/?OSSAccessKeyId=" + id + "&Expires=1").size(),
                "no signature: not a presigned URL");
    }

    @Test
    void base64EncodedPairIsDecodedAndMappedToTheEncodedText() {
        String id = TestKeys.id(r), secret = TestKeys.secret(r);
        String encId = Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.US_ASCII));
        String encSecret =
                Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.US_ASCII));
        String text =
                "data:\n  access-key-id: " + encId + "\n  access-key-secret: " + encSecret + "\n";
        List<Match> ms = detect(text);
        assertEquals(1, ms.size());
        Match m = ms.get(0);
        assertEquals("base64", m.encoding());
        assertEquals(secret, m.secret());
        assertEquals(text.indexOf(encId), m.idStart());
        assertEquals(text.indexOf(encId) + encId.length(), m.idEnd());
        assertEquals(text.indexOf(encSecret), m.secretStart());
    }

    @Test
    void doublyEncodedBase64IsDecoded() {
        String id = TestKeys.id(r), secret = TestKeys.secret(r);
        String inner =
                Base64.getEncoder()
                        .encodeToString(
                                ("accessKeyId=" + id + "\naccessKeySecret=" + secret + "\n")
                                        .getBytes(StandardCharsets.US_ASCII));
        String outer =
                Base64.getEncoder()
                        .encodeToString(
                                ("blob: " + inner + "\n").getBytes(StandardCharsets.US_ASCII));
        List<Match> ms = detect("x = \"" + outer + "\"");
        assertEquals(1, ms.size());
        assertEquals(secret, ms.get(0).secret());
    }

    @Test
    void stsCredentialsNeedASecretOrToken() {
        String sts = "ST" + "S.NT" + TestKeys.body(r, 26);
        String secret = TestKeys.secret(r);
        String token = "CA" + "IS" + TestKeys.any(r, 200);
        List<Match> withSecret =
                detect(
                        "AccessKeyId: "
                                + sts
                                + "\nAccessKeySecret: "
                                + secret
                                + "\nSecurityToken: "
                                + token
                                + "\n");
        assertEquals(Rule.STS_CREDENTIALS, withSecret.get(0).rule());
        assertEquals(secret, withSecret.get(0).secret());
        List<Match> tokenOnly = detect("AccessKeyId: " + sts + "\nSecurityToken: " + token + "\n");
        assertEquals(token, tokenOnly.get(0).secret());
        assertEquals(List.of(), detect("AccessKeyId: " + sts + "\n"));
    }

    @Test
    void pairingWindowIsRespected() {
        String id = TestKeys.id(r), secret = TestKeys.secret(r);
        String far =
                "accessKeyId="
                        + id
                        + "\n"
                        + "filler\n".repeat(200)
                        + "accessKeySecret="
                        + secret
                        + "\n";
        assertNull(detect(far).get(0).secret());
        String near =
                "accessKeyId="
                        + id
                        + "\n"
                        + "filler\n".repeat(60)
                        + "accessKeySecret="
                        + secret
                        + "\n";
        assertEquals(secret, detect(near).get(0).secret());
    }

    @Test
    void hostileInputStaysLinear() {
        // No regular expressions anywhere in detection: long runs of near-matches cost one pass.
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200_000; i++) sb.append(TestKeys.PREFIX);
        sb.append(TestKeys.id(r));
        List<Match> ms = detect(sb.toString());
        assertEquals(0, ms.size(), "an ID glued to a run of prefixes is not bounded");
        String manyTokens =
                ("accessKeySecret=" + TestKeys.secret(r) + "\n").repeat(5000)
                        + "id="
                        + TestKeys.id(r);
        assertEquals(1, detect(manyTokens).size());
        // Literal joining and markup skipping are bounded per candidate: a window full of them
        // stays one pass.
        String literalsAndTags =
                "id="
                        + TestKeys.id(r)
                        + "\n"
                        + "\"ab\" + \"cd\" <span class=\"s\">&quot;x&quot;</span> ".repeat(20_000);
        assertEquals(1, detect(literalsAndTags).size());
    }

    // ---- shapes from public repositories (detect-hardening): each failed before its fix

    private String pairedSecret(String text) {
        List<Match> ms = detect(text);
        assertEquals(1, ms.size(), "one finding");
        return ms.get(0).secret();
    }

    @Test
    void hardCodedFallbackAfterAnEnvironmentLookupIsLabelledByTheLookup() {
        String id = TestKeys.id(r), secret = TestKeys.secret(r);
        assertEquals(
                secret,
                pairedSecret(
                        "accessKeyId: process.env.OSS_ACCESS_KEY_ID || '"
                                + id
                                + "',\n"
                                + "accessKeySecret: process.env.OSS_ACCESS_KEY_SECRET || '"
                                + secret
                                + "',\n"));
        assertEquals(
                secret,
                pairedSecret(
                        "const A = process.env.AK_ID ?? \""
                                + id
                                + "\";\nconst B = process.env.AK_SECRET ?? \""
                                + secret
                                + "\";\n"));
        assertEquals(
                secret,
                pairedSecret(
                        "val k = rt?.accessKeyId ?: \""
                                + id
                                + "\"\nval s = rt?.accessKeySecret ?: \""
                                + secret
                                + "\"\n"));
        assertEquals(
                secret,
                pairedSecret(
                        "ID = os.environ.get(\"ALI_ID\") or \""
                                + id
                                + "\"\nSECRET = (\n    os.environ.get(\"ALI_ACCESS_KEY_SECRET\") or \""
                                + secret
                                + "\"\n)\n"));
        assertEquals(
                secret,
                pairedSecret(
                        "export ALICLOUD_ACCESS_KEY=\"${ALICLOUD_ACCESS_KEY:-"
                                + id
                                + "}\"\n"
                                + "export ALICLOUD_SECRET_KEY=\"${ALICLOUD_SECRET_KEY:-"
                                + secret
                                + "}\"\n"));
    }

    @Test
    void fallbackAfterAnUnrelatedLookupIsNoLabel() {
        String id = TestKeys.id(r), value = TestKeys.secret(r);
        assertNull(
                pairedSecret(
                        "id = '"
                                + id
                                + "'\nx = 1\ny = 2\nz = 3\nw = 4\nbuild = process.env.BUILD_HASH || '"
                                + value
                                + "'\n"));
        assertNull(
                pairedSecret(
                        "id=\"${ID:-"
                                + id
                                + "}\"\na=1\nb=2\nc=3\nd=4\nDIGEST=\"${DIGEST:-"
                                + value
                                + "}\"\n"));
    }

    @Test
    void ossutilShortFlagsPairOnTheSameLine() {
        String id = TestKeys.id(r), secret = TestKeys.secret(r);
        assertEquals(
                secret,
                pairedSecret(
                        "RUN ./ossutil64 config -e oss-cn-hangzhou.aliyuncs.com -i "
                                + id
                                + " -k "
                                + secret
                                + " -L CH\n"));
        // "-k" is weak: far from the ID it labels nothing.
        assertNull(pairedSecret("-i " + id + "\n1\n2\n3\n4\ncurl -k " + secret + "\n"));
    }

    @Test
    void genericValueKeyIsNamedByThePreviousLine() {
        String id = TestKeys.id(r), secret = TestKeys.secret(r);
        assertEquals(
                secret,
                pairedSecret(
                        "env:\n  - name: ALIBABA_CLOUD_ACCESS_KEY_ID\n    value: "
                                + id
                                + "\n  - name: ALIBABA_CLOUD_ACCESS_KEY_SECRET\n    value: \""
                                + secret
                                + "\"\n"));
        assertEquals(
                secret,
                pairedSecret(
                        "<property>\n  <name>fs.oss.accessKeyId</name>\n  <value>"
                                + id
                                + "</value>\n</property>\n<property>\n"
                                + "  <name>fs.oss.accessKeySecret</name>\n  <value>"
                                + secret
                                + "</value>\n</property>\n"));
        assertEquals(
                secret,
                pairedSecret(
                        "variable \"access_key\" {\n  default = \""
                                + id
                                + "\"\n}\nvariable \"secret_key\" {\n  default = \""
                                + secret
                                + "\"\n}\n"));
        assertEquals(
                secret,
                pairedSecret(
                        "{\n  \"name\": \"OSS_ID\",\n  \"value\": \""
                                + id
                                + "\"\n},\n{\n  \"name\": \"OSS_SECRET\",\n  \"value\": \""
                                + secret
                                + "\"\n}\n"));
    }

    @Test
    void previousLineNameMustBeASecretName() {
        String id = TestKeys.id(r), value = TestKeys.secret(r);
        assertNull(
                pairedSecret(
                        "env:\n  - name: OSS_ACCESS_KEY_ID\n    value: "
                                + id
                                + "\n  - name: BUILD_DIGEST\n    value: "
                                + value
                                + "\n"));
        assertNull(
                pairedSecret(
                        "id: "
                                + id
                                + "\n\n\n\n\nname: ALIBABA_CLOUD_ACCESS_KEY_SECRET\nchecksum: "
                                + value
                                + "\n"),
                "only a generic value/default key takes its name from the line above");
    }

    @Test
    void subscriptsAndStringPrefixesAndTablePipesAreSeparators() {
        String legacy = TestKeys.legacyId(r), id = TestKeys.id(r), secret = TestKeys.secret(r);
        assertEquals(
                secret,
                pairedSecret(
                        "$ak[\"accessKeyId\"] = \""
                                + legacy
                                + "\";\n$ak[\"accessKeySecret\"] = \""
                                + secret
                                + "\";\n"));
        assertEquals(
                secret,
                pairedSecret(
                        "os.environ[\"ALIBABA_CLOUD_ACCESS_KEY_ID\"] = \""
                                + id
                                + "\"\nos.environ[\"ALIBABA_CLOUD_ACCESS_KEY_SECRET\"] = \""
                                + secret
                                + "\"\n"));
        assertEquals(
                secret,
                pairedSecret(
                        "NSString *kId = @\""
                                + id
                                + "\";\nNSString *kAccessKeySecret = @\""
                                + secret
                                + "\";\n"));
        assertEquals(
                secret,
                pairedSecret(
                        "| AccessKey ID | `"
                                + id
                                + "` |\n| AccessKey Secret | `"
                                + secret
                                + "` |\n"));
    }

    @Test
    void trailingCommentLabelsAPositionalArgumentNextToAnId() {
        String id = TestKeys.id(r), secret = TestKeys.secret(r);
        assertEquals(
                secret,
                pairedSecret(
                        "client = AcsClient(\n  '"
                                + id
                                + "', # RAM账号的AccessKey ID\n  '"
                                + secret
                                + "', # RAM账号Access Key Secret\n  'cn-hangzhou'\n)\n"));
        assertEquals(
                secret,
                pairedSecret(
                        "- `"
                                + id
                                + "` - 这是**阿里云AccessKey ID**\n- `"
                                + secret
                                + "` - 这是**阿里云AccessKey Secret**\n"));
        assertNull(
                pairedSecret(
                        "ID = '"
                                + id
                                + "'\n1\n2\n3\n4\nbuild = '"
                                + TestKeys.secret(r)
                                + "'  # not the secret\n"),
                "weak: only near the ID");
        assertNull(
                pairedSecret(
                        "ID = '"
                                + id
                                + "'\nrow = "
                                + TestKeys.secret(r)
                                + ", "
                                + TestKeys.body(r, 32)
                                + " # secret\n"),
                "a second long token on the line: the comment is not about this value");
    }

    @Test
    void akiAksAbbreviationsPair() {
        String id = TestKeys.id(r), secret = TestKeys.secret(r);
        assertEquals(secret, pairedSecret("ALIYUN_AKI=" + id + "\nALIYUN_AKS=" + secret + "\n"));
    }

    @Test
    void maskedOrTruncatedIdsAreNotIds() {
        String visible =
                TestKeys.PREFIX + TestKeys.body(r, 12); // a legacy ID's length, then a mask
        assertEquals(List.of(), detect("Access Key ID: " + visible + "********\n"));
        assertEquals(
                List.of(), detect("id: " + visible + "...\n" + "id2: " + visible + "\u2026\n"));
        assertEquals(
                1,
                detect("**" + visible + "**\n").size(),
                "markdown bold around a real legacy ID is no mask");
    }

    @Test
    void oldStsTokensStartingCaesAreTokens() {
        String sts = "ST" + "S." + TestKeys.body(r, 21);
        String token = "CA" + "ES" + TestKeys.body(r, 26) + "+" + TestKeys.any(r, 200) + "==";
        // The token's first alphanumeric run is exactly 30 characters: it must not pass for the
        // secret.
        String stsSecret = TestKeys.body(r, 40);
        List<Match> ms =
                detect(
                        "\"AccessKeySecret\": \""
                                + stsSecret
                                + "\",\n\"AccessKeyId\": \""
                                + sts
                                + "\",\n\"SecurityToken\": \""
                                + token
                                + "\"\n");
        assertEquals(1, ms.size());
        assertEquals(Rule.STS_CREDENTIALS, ms.get(0).rule());
        assertEquals(
                stsSecret,
                ms.get(0).secret(),
                "the STS secret (40 characters) pairs, not the token's first run");
        List<Match> tokenOnly =
                detect("\"AccessKeyId\": \"" + sts + "\",\n\"SecurityToken\": \"" + token + "\"\n");
        assertEquals(token, tokenOnly.get(0).secret());
    }

    @Test
    void cliPromptWithAMaskedOldValueLabelsTheNewValue() {
        String id = TestKeys.id(r), secret = TestKeys.secret(r);
        assertEquals(
                secret,
                pairedSecret(
                        "Access Key Id [*********************kvh]: "
                                + id
                                + "\n"
                                + "Access Key Secret [*****************************zVy]: "
                                + secret
                                + "\nDefault Region Id []: cn-hangzhou\n"));
    }

    @Test
    void htmlCellsAndFullWidthPunctuationKeepAValueAdjacentToTheId() {
        String id = TestKeys.id(r), secret = TestKeys.secret(r);
        assertEquals(secret, pairedSecret("<tr><td>" + id + "</td><td>" + secret + "</td></tr>\n"));
        assertEquals(secret, pairedSecret("AK/SK：" + id + "，" + secret + "\n"));
        assertEquals(
                secret, pairedSecret("<td>" + id + "</td><td class=\"x\">" + secret + "</td>\n"));
        assertNull(
                pairedSecret("<td>" + id + " < 3 " + TestKeys.secret(r) + "</td>\n"),
                "a less-than sign is no tag");
    }

    @Test
    void renderedAndHighlightedHtmlIsSeenThrough() {
        String id = TestKeys.id(r), secret = TestKeys.secret(r);
        assertEquals(
                secret,
                pairedSecret(
                        "<span class=\"hljs-attr\">accessKeyId</span>: <span class=\"hljs-string\">&#x27;"
                                + id
                                + "&#x27;</span>,\n<span class=\"hljs-attr\">accessKeySecret</span>: <span class=\"hljs-string\">&#x27;"
                                + secret
                                + "&#x27;</span>\n"));
        assertEquals(
                secret,
                pairedSecret(
                        "<span class=\"token property\">accessKeySecret</span><span class=\"token operator\">:</span> "
                                + "<span class=\"token string\">'"
                                + secret
                                + "'</span>\n<span class=\"token string\">'"
                                + id
                                + "'</span>\n"));
        assertEquals(
                secret,
                pairedSecret(
                        "<oss>\n  <accessKeyId>"
                                + id
                                + "</accessKeyId>\n  <endpoint>oss-cn-hangzhou.aliyuncs.com</endpoint>\n"
                                + "  <accessKeySecret>"
                                + secret
                                + "</accessKeySecret>\n</oss>\n"),
                "an XML element is a key, not markup");
        assertEquals(
                secret,
                pairedSecret(
                        "access_key_id =&gt; &quot;"
                                + id
                                + "&quot;\naccess_key_secret =&gt; &quot;"
                                + secret
                                + "&quot;\n"));
        assertEquals(
                secret,
                pairedSecret(
                        "new Client(<span>&quot;"
                                + id
                                + "&quot;</span>, <span class=\"s\">&quot;"
                                + secret
                                + "&quot;</span>)\n"));
    }

    @Test
    void chineseAndJapaneseProseLabels() {
        String id = TestKeys.id(r), secret = TestKeys.secret(r);
        assertEquals(
                secret,
                pairedSecret("测试账号的AccessKey ID为" + id + "，AccessKey Secret为" + secret + "。\n"));
        assertEquals(
                secret,
                pairedSecret("アクセスキーID: " + id + "\n\n\n\n\nアクセスキーシークレット: " + secret + "\n"));
        assertEquals(secret, pairedSecret("ID: " + id + "\n\n\n\n\n存取密鑰: " + secret + "\n"));
    }

    @Test
    void idsInsideModuleHashesAreNotIds() {
        String id = TestKeys.id(r);
        assertEquals(
                List.of(),
                detect(
                        "github.com/go-logr/stdr v1.2.2 h1:"
                                + TestKeys.body(r, 15)
                                + "+"
                                + id
                                + "=\n"));
    }

    @Test
    void secretSplitIntoStringLiteralsIsJoined() {
        String id = TestKeys.id(r), secret = TestKeys.secret(r);
        String text =
                "p = \"?access_id="
                        + id
                        + "&\" + \"access_\" + \"key="
                        + secret.substring(0, 7)
                        + "\" + \""
                        + secret.substring(7, 19)
                        + "\" + \""
                        + secret.substring(19)
                        + "\";\n";
        List<Match> ms = detect(text);
        assertEquals(secret, ms.get(0).secret());
        assertEquals(text.indexOf(secret.substring(0, 7)), ms.get(0).secretStart());
        assertEquals(text.indexOf(secret.substring(19)) + 11, ms.get(0).secretEnd());
        assertEquals(
                secret,
                pairedSecret(
                        "ACCESS_KEY_ID = '"
                                + id
                                + "'\nACCESS_KEY_SECRET = ('"
                                + secret.substring(0, 15)
                                + "'\n    '"
                                + secret.substring(15)
                                + "')\n"));
        assertEquals(
                secret,
                pairedSecret(
                        "$id = '"
                                + id
                                + "';\n$accessKeySecret = '"
                                + secret.substring(0, 10)
                                + "' . '"
                                + secret.substring(10)
                                + "';\n"));
    }

    @Test
    void joinedLiteralsNeedALabelAndExactlyThirtyCharacters() {
        String id = TestKeys.id(r), secret = TestKeys.secret(r);
        assertNull(
                pairedSecret(
                        "id = \""
                                + id
                                + "\"\nx = 1\nmsg = \""
                                + secret.substring(0, 15)
                                + "\" + \""
                                + secret.substring(15)
                                + "\"\n"));
        assertNull(
                pairedSecret(
                        "id = \""
                                + id
                                + "\"\nsecret = \""
                                + secret.substring(0, 15)
                                + "\" + \""
                                + secret.substring(15)
                                + "X\"\n"));
        assertNull(
                pairedSecret(
                        "id = \""
                                + id
                                + "\"\nsecret = \""
                                + secret.substring(0, 15)
                                + "\" + \'"
                                + secret.substring(15)
                                + "\'\n"),
                "pieces share one kind of quote");
    }

    @Test
    void valueAloneUnderALabelLine() {
        String id = TestKeys.id(r), secret = TestKeys.secret(r);
        assertEquals(
                secret,
                pairedSecret("AccessKey ID\n" + id + "\nAccessKey Secret\n" + secret + "\n"));
        assertEquals(
                secret,
                pairedSecret(
                        "access_key_id:\n  "
                                + id
                                + "\naccess_key_secret：\n  \""
                                + secret
                                + "\"\n"));
        assertNull(
                pairedSecret(
                        "AccessKey ID\n"
                                + id
                                + "\n\n\n\n\nif (secret)\n"
                                + TestKeys.secret(r)
                                + "\n"),
                "code is no label line");
        assertNull(
                pairedSecret(
                        "AccessKey ID\n"
                                + id
                                + "\n\n\n\n\nAccessKey Secret\nx = "
                                + TestKeys.secret(r)
                                + "\n"),
                "the value must be alone");
    }

    @Test
    void denseFilesPairEachIdWithItsOwnSecretInEveryLayout() {
        int n = 400;
        String[] ids = new String[n], secrets = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = TestKeys.id(r);
            secrets[i] = TestKeys.secret(r);
        }
        StringBuilder idsFirst = new StringBuilder(),
                secretFirst = new StringBuilder(),
                oneLine = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            idsFirst.append("access_key_id = \"")
                    .append(ids[i])
                    .append("\"\naccess_key_secret = \"")
                    .append(secrets[i])
                    .append("\"\n");
            secretFirst
                    .append("access_key_secret = \"")
                    .append(secrets[i])
                    .append("\"\naccess_key_id = \"")
                    .append(ids[i])
                    .append("\"\n");
            oneLine.append(i == 0 ? "" : ",")
                    .append("{\"accessKeyId\":\"")
                    .append(ids[i])
                    .append("\",\"accessKeySecret\":\"")
                    .append(secrets[i])
                    .append("\"}");
        }
        for (StringBuilder layout : List.of(idsFirst, secretFirst, oneLine)) {
            List<Match> ms = detect(layout.toString());
            assertEquals(n, ms.size());
            for (int i = 0; i < n; i++) {
                assertEquals(ids[i], ms.get(i).accessKeyId());
                assertEquals(secrets[i], ms.get(i).secret(), "pair " + i);
            }
        }
    }

    private static String hex(String s, boolean upper) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8))
            sb.append(String.format(upper ? "%02X" : "%02x", b));
        return sb.toString();
    }

    private static String unicodeEscaped(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) sb.append(String.format("\\u%04x", (int) c));
        return sb.toString();
    }

    @Test
    void hexAndUnicodeEscapedKeysAreDecodedUpToTheConfiguredDepth() {
        String id = TestKeys.id(r), secret = TestKeys.secret(r);
        String config = "accessKeyId=" + id + "\naccessKeySecret=" + secret + "\n";
        for (String encoded :
                List.of(
                        "blob = \"" + hex(config, false) + "\"\n",
                        "BLOB=" + hex(config, true) + "\n",
                        "var k = \"" + unicodeEscaped(config) + "\";\n")) {
            List<Match> ms = detect(encoded);
            assertEquals(1, ms.size(), encoded);
            assertEquals(secret, ms.get(0).secret());
            assertTrue(
                    ms.get(0).encoding().equals("hex")
                            || ms.get(0).encoding().equals("unicode-escape"));
        }
        // Escaped ID and secret in separate literals, the way obfuscators write them.
        List<Match> split =
                detect(
                        "const ak = \""
                                + unicodeEscaped(id)
                                + "\";\nconst sk = \""
                                + unicodeEscaped(secret)
                                + "\";\n");
        assertEquals(1, split.size());
        assertEquals(secret, split.get(0).secret());
        // Base64 inside base64: two layers, found at the default depth of 2, not at depth 1.
        String once = Base64.getEncoder().encodeToString(config.getBytes(StandardCharsets.UTF_8));
        String twice =
                "data: "
                        + Base64.getEncoder()
                                .encodeToString(
                                        ("secret.env: " + once).getBytes(StandardCharsets.US_ASCII))
                        + "\n";
        assertEquals(1, detect(twice).size());
        byte[] tb = twice.getBytes(StandardCharsets.UTF_8);
        assertEquals(
                0,
                new Detector(DetectorOptions.DEFAULT.withMaxDecodeDepth(1))
                        .detect(tb, 0, tb.length)
                        .size());
        byte[] hb = ("x=" + hex(config, false)).getBytes(StandardCharsets.UTF_8);
        assertEquals(
                0,
                new Detector(DetectorOptions.DEFAULT.withMaxDecodeDepth(0))
                        .detect(hb, 0, hb.length)
                        .size());
    }

    @Test
    void hexDigestsAndEscapedProseAreNotKeys() {
        StringBuilder sha = new StringBuilder();
        for (int i = 0; i < 64; i++) sha.append("0123456789abcdef".charAt(r.nextInt(16)));
        assertEquals(List.of(), detect("sha256 = " + sha + "4c544149" + sha + "\n"));
        assertEquals(
                List.of(),
                detect(
                        "msg = \""
                                + unicodeEscaped("LTAI is the prefix of an AccessKey ID")
                                + "\"\n"));
    }

    @Test
    void placeholdersThatLookRandomAreNotKeys() {
        String p = TestKeys.PREFIX;
        // Setup guides: alternating-case alphabet runs, keyboard walks, repeated blocks.
        assertEquals(
                List.of(),
                detect(
                        "ALIBABA_CLOUD_ACCESS_KEY_ID="
                                + p
                                + "5tAbCdEfGhIjK1mNpQxX\n"
                                + "ALIBABA_CLOUD_ACCESS_KEY_SECRET=3xK9mPqR5sTvW7yZ1aBcDeFgHiJkLmNo\n"));
        assertEquals(
                List.of(),
                detect(
                        "access_key_id: "
                                + p
                                + "5tQwErTyUiOp12345x\naccess_key_secret: zXcVbNm7Qp2Lk9Rt4Yw3Hs8Df6Gj1Ka\n"));
        assertEquals(
                List.of(),
                detect(
                        "ak = \""
                                + p
                                + "5tX7kP9mX7kP9mX7kP9m\"\nsk = \"Ab3dE9Ab3dE9Ab3dE9Ab3dE9Ab3dE9\"\n"));
        // A real key next to a placeholder secret is still an ID alone.
        String id = TestKeys.id(r);
        List<Match> ms = detect("ak = \"" + id + "\"\nsk = \"3xK9mPqR5sTvW7yZ1aBcDeFgHiJkLmNo\"\n");
        assertEquals(1, ms.size());
        assertNull(ms.get(0).secret());
    }

    @Test
    void placeholderShapesAlmostNeverRejectARandomKey() {
        Random rnd = new Random(99);
        int rejected = 0, n = 200_000;
        for (int i = 0; i < n; i++) {
            byte[] k = TestKeys.any(rnd, 30).getBytes(StandardCharsets.US_ASCII);
            if (Plausibility.hasPlaceholderShape(k, 0, k.length)) rejected++;
        }
        // The shapes cost about 1e-6 each per key, the old placeholder words more: a handful in
        // 200,000 at most.
        assertTrue(rejected <= 20, "random keys rejected: " + rejected);
    }

    @Test
    void assumeRoleResponsesWithTheSecretFirstAndLongStsSecretsPair() {
        String sts = "ST" + "S.NT" + TestKeys.body(r, 26);
        String secret = TestKeys.body(r, 44);
        String token = "CA" + "IS" + TestKeys.any(r, 300);
        String json =
                "{\n  \"Credentials\": {\n    \"AccessKeySecret\": \""
                        + secret
                        + "\",\n    \"Expiration\": \"2026-12-05T06:00:00Z\",\n"
                        + "    \"AccessKeyId\": \""
                        + sts
                        + "\",\n    \"SecurityToken\": \""
                        + token
                        + "\"\n  }\n}\n";
        List<Match> ms = detect(json);
        assertEquals(1, ms.size());
        assertEquals(Rule.STS_CREDENTIALS, ms.get(0).rule());
        assertEquals(secret, ms.get(0).secret());
        // A 44-character value never pairs with a RAM user's ID (their secrets are 30), nor without
        // a secret label.
        String id = TestKeys.id(r);
        List<Match> ram = detect("AccessKeyId: " + id + "\nAccessKeySecret: " + secret + "\n");
        assertNull(ram.get(0).secret());
        List<Match> unlabelled = detect("AccessKeyId: " + sts + "\nChecksum: " + secret + "\n");
        assertEquals(List.of(), unlabelled);
    }

    @Test
    void springXmlConstructorArgsAndProperties() {
        String id = TestKeys.id(r), secret = TestKeys.secret(r);
        String ctor =
                "<bean id=\"ossClient\" class=\"com.aliyun.oss.OSSClient\">\n"
                        + "    <constructor-arg value=\"http://oss-cn-hangzhou.aliyuncs.com\"/>\n"
                        + "    <constructor-arg value=\""
                        + id
                        + "\"/>\n"
                        + "    <constructor-arg index=\"2\" value=\""
                        + secret
                        + "\"/>\n</bean>\n";
        assertEquals(secret, detect(ctor).get(0).secret());
        String props =
                "<bean class=\"com.aliyun.oss.OSSClientBuilder\">\n    <property name=\"accessKeyId\" value=\""
                        + id
                        + "\"/>\n"
                        + "    <property name=\"accessKeySecret\" value=\""
                        + secret
                        + "\"/>\n</bean>\n";
        assertEquals(secret, detect(props).get(0).secret());
        // Another bean's unrelated value after the ID stays unpaired.
        String other =
                "<constructor-arg value=\""
                        + id
                        + "\"/>\n</bean>\n<bean id=\"x\">\n  <constructor-arg value=\""
                        + secret
                        + "\"/>\n";
        assertNull(detect(other).get(0).secret());
    }

    @Test
    void aLabelAtTheEndOfTheIdsLineNamesTheSecretOnTheNextLine() {
        String id = TestKeys.id(r), secret = TestKeys.secret(r);
        List<Match> ms =
                detect("/*\n * 测试账号\n * " + id + "\tAccessKeySecret：\n * " + secret + "\n */\n");
        assertEquals(secret, ms.get(0).secret());
        List<Match> ascii = detect("# " + id + "\tAccessKey Secret:\n" + secret + "\n");
        assertEquals(secret, ascii.get(0).secret());
        // Without the label the lone value below is not taken.
        assertNull(detect("# " + id + "\tnotes:\n" + secret + "\n").get(0).secret());
    }

    @Test
    void abbreviatedNamesPairByTheShapeOfTheIdsDeclaration() {
        for (String name : List.of("ACCESS_SECRT", "AS", "ali_sec")) {
            String id = TestKeys.id(r), secret = TestKeys.secret(r);
            List<Match> ms =
                    detect(
                            "ACCESS_KEY = \""
                                    + id
                                    + "\"\n"
                                    + name
                                    + " = \""
                                    + secret
                                    + "\"\nREGION = \"cn-hangzhou\"\n");
            assertEquals(secret, ms.get(0).secret(), name);
        }
        String id = TestKeys.id(r), secret = TestKeys.secret(r);
        // A different shape (a call, not a declaration like the ID's) is not enough.
        assertNull(
                detect("ACCESS_KEY = \"" + id + "\"\nlog(\"" + secret + "\")\n").get(0).secret());
        // Far from the ID, the same shape says nothing.
        assertNull(
                detect(
                                "ACCESS_KEY = \""
                                        + id
                                        + "\"\n"
                                        + "X = 1\n".repeat(6)
                                        + "CHECKSUM = \""
                                        + secret
                                        + "\"\n")
                        .get(0)
                        .secret());
    }

    @Test
    void aSecretPassedPositionallyToASigningCallPairs() {
        String id = TestKeys.id(r), secret = TestKeys.secret(r);
        String php =
                "<?php\n$params['AccessKeyId'] = '"
                        + id
                        + "';\n$params['Timestamp'] = gmdate('c');\n\n"
                        + "$params['Signature'] = computeSignature($params, '"
                        + secret
                        + "');\n";
        assertEquals(secret, detect(php).get(0).secret());
        String java =
                "String ak = \""
                        + id
                        + "\";\nDefaultProfile profile = DefaultProfile.getProfile(region, ak, \""
                        + secret
                        + "\");\n";
        assertEquals(secret, detect(java).get(0).secret());
        assertNull(
                detect("String ak = \"" + id + "\";\nprintln(\"" + secret + "\");\n")
                        .get(0)
                        .secret());
    }
}
