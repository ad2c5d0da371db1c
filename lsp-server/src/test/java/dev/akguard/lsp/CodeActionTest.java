package dev.akguard.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.lsp.commands.Commands;
import dev.akguard.lsp.support.Edits;
import dev.akguard.lsp.support.Keys;
import dev.akguard.lsp.support.ServerHarness;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Code actions applied to the text give the expected result, and the result is clean when validated
 * again: the environment-variable idiom of each language, the inline ignore in each comment syntax.
 */
@Timeout(60)
class CodeActionTest {
    @TempDir Path root;
    ServerHarness h;
    final Keys k = new Keys(11);
    static final String ID_VAR = "ALIBABA_CLOUD_ACCESS_KEY_ID",
            SECRET_VAR = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";

    @BeforeEach
    void start() throws Exception {
        h =
                ServerHarness.inProcess(root)
                        .initialize(ServerHarness.pushCapabilities(), "{\"debounceMs\":0}");
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    /** A document's text with ID and SECRET standing for the fake keys. */
    String fill(String template) {
        return template.replace("@ID@", k.id).replace("@SECRET@", k.secret);
    }

    /**
     * Opens the file, applies the action whose title starts with {@code prefix}, checks the text
     * and that it is clean.
     */
    String applyAction(String name, String languageId, String template, String titlePrefix)
            throws Exception {
        String text = fill(template);
        String uri = h.open(name, languageId, text);
        PublishDiagnosticsParams p = h.client.awaitVersion(uri, 1);
        assertFalse(p.getDiagnostics().isEmpty(), name + " has a finding");
        Diagnostic first = p.getDiagnostics().get(0);
        List<CodeAction> actions = h.codeActions(uri, first.getRange());
        CodeAction a =
                actions.stream()
                        .filter(x -> x.getTitle().startsWith(titlePrefix))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new AssertionError(
                                                "no action '"
                                                        + titlePrefix
                                                        + "' in "
                                                        + actions.stream()
                                                                .map(CodeAction::getTitle)
                                                                .toList()));
        assertEquals(CodeActionKind.QuickFix, a.getKind());
        assertFalse(a.getDiagnostics().isEmpty(), "the action names the diagnostics it fixes");
        String fixed = Edits.apply(text, a, uri);
        h.replaceAll(uri, 2, fixed);
        assertTrue(
                h.client.awaitVersion(uri, 2).getDiagnostics().isEmpty(),
                "clean after the fix:\n" + fixed);
        return fixed;
    }

    String env(String name, String languageId, String template) throws Exception {
        return applyAction(name, languageId, template, "Read ");
    }

    @Test
    void javaAndKotlinUseSystemGetenv() throws Exception {
        assertEquals(
                "class A {\n  String id = System.getenv(\""
                        + ID_VAR
                        + "\");\n  String accessKeySecret = System.getenv(\""
                        + SECRET_VAR
                        + "\");\n}\n",
                env(
                        "A.java",
                        "java",
                        "class A {\n  String id = \"@ID@\";\n  String accessKeySecret = \"@SECRET@\";\n}\n"));
        assertEquals(
                "val ak = System.getenv(\""
                        + ID_VAR
                        + "\")\nval secret = System.getenv(\""
                        + SECRET_VAR
                        + "\")\n",
                env("B.kt", "kotlin", "val ak = \"\"\"@ID@\"\"\"\nval secret = \"@SECRET@\"\n"));
    }

    @Test
    void pythonUsesOsEnvironAndImportsOs() throws Exception {
        assertEquals(
                "#!/usr/bin/env python3\nimport os\nimport sys\n\nak = os.environ[\""
                        + ID_VAR
                        + "\"]\naccess_key_secret = os.environ[\""
                        + SECRET_VAR
                        + "\"]\n",
                env(
                        "c.py",
                        "python",
                        "#!/usr/bin/env python3\nimport sys\n\nak = '@ID@'\naccess_key_secret = r\"@SECRET@\"\n"));
        assertEquals(
                "import os\nak = os.environ[\"" + ID_VAR + "\"]  # the ID\n",
                env("d.py", "python", "import os\nak = \"@ID@\"  # the ID\n"),
                "no second import");
    }

    @Test
    void goUsesOsGetenvAndImportsOs() throws Exception {
        assertEquals(
                "package main\n\nimport (\n\t\"os\"\n\t\"fmt\"\n)\n\nfunc main() {\n\tid := os.Getenv(\""
                        + ID_VAR
                        + "\")\n\tsecret := os.Getenv(\""
                        + SECRET_VAR
                        + "\")\n\tfmt.Println(id, secret)\n}\n",
                env(
                        "main.go",
                        "go",
                        "package main\n\nimport (\n\t\"fmt\"\n)\n\nfunc main() {\n\tid := \"@ID@\"\n\tsecret := `@SECRET@`\n\tfmt.Println(id, secret)\n}\n"));
    }

    @Test
    void javascriptAndTypescriptUseProcessEnv() throws Exception {
        assertEquals(
                "const c = new Core({ accessKeyId: process.env."
                        + ID_VAR
                        + ", accessKeySecret: process.env."
                        + SECRET_VAR
                        + " });\n",
                env(
                        "e.js",
                        "javascript",
                        "const c = new Core({ accessKeyId: '@ID@', accessKeySecret: '@SECRET@' });\n"));
        assertEquals(
                "const id: string = process.env." + ID_VAR + ";\n",
                env("f.ts", "typescript", "const id: string = `@ID@`;\n"));
    }

    @Test
    void springPropertiesAndYamlUsePlaceholders() throws Exception {
        assertEquals(
                "alibaba.cloud.access-key=${"
                        + ID_VAR
                        + "}\nalibaba.cloud.secret-key=${"
                        + SECRET_VAR
                        + "}\n",
                env(
                        "application.properties",
                        "properties",
                        "alibaba.cloud.access-key=@ID@\nalibaba.cloud.secret-key=@SECRET@\n"));
        assertEquals(
                "alibaba:\n  access-key: ${"
                        + ID_VAR
                        + "}\n  secret-key: \"${"
                        + SECRET_VAR
                        + "}\"\n",
                env(
                        "application.yml",
                        "yaml",
                        "alibaba:\n  access-key: @ID@\n  secret-key: \"@SECRET@\"\n"));
    }

    @Test
    void dotenvKeepsTheNamesWithEmptyValuesAndAComment() throws Exception {
        String fixed =
                applyAction(
                        ".env",
                        "sh",
                        "ALIYUN_AK=@ID@\nexport ALIYUN_SK=\"@SECRET@\"\nOTHER=1\n",
                        "Remove the credential values");
        assertEquals(
                "# akguard: credential removed; set ALIYUN_AK in the environment or a secret manager (e.g. from "
                        + ID_VAR
                        + "), never in a committed file\n"
                        + "ALIYUN_AK=\n"
                        + "# akguard: credential removed; set ALIYUN_SK in the environment or a secret manager (e.g. from "
                        + SECRET_VAR
                        + "), never in a committed file\n"
                        + "export ALIYUN_SK=\nOTHER=1\n",
                fixed);
    }

    @Test
    void ignoreUsesTheFilesCommentSyntax() throws Exception {
        assertEquals(
                "String id = \"@ID@\"; // akguard:ignore\n".replace("@ID@", k.id),
                applyAction("G.java", "java", "String id = \"@ID@\";\n", "Ignore this finding"));
        assertEquals(
                fill("<key id=\"@ID@\"/> <!-- akguard:ignore -->\n"),
                applyAction("h.xml", "xml", "<key id=\"@ID@\"/>\n", "Ignore this finding"));
        assertEquals(
                fill("INSERT INTO keys VALUES ('@ID@'); -- akguard:ignore\n"),
                applyAction(
                        "i.sql",
                        "sql",
                        "INSERT INTO keys VALUES ('@ID@');\n",
                        "Ignore this finding"));
        assertEquals(
                fill("access_key_id = @ID@ ; akguard:ignore\n"),
                applyAction("j.ini", "ini", "access_key_id = @ID@\n", "Ignore this finding"));
        assertEquals(
                fill("export AK=@ID@ # akguard:ignore\n"),
                applyAction("k.sh", "shellscript", "export AK=@ID@\n", "Ignore this finding"));
        assertEquals(
                fill("ak: @ID@ # akguard:ignore\n"),
                applyAction("l.yaml", "yaml", "ak: @ID@\n", "Ignore this finding"));
    }

    @Test
    void stsTokensGoToTheSecurityTokenVariable() throws Exception {
        java.util.Random r = new java.util.Random(3);
        String stsId = dev.akguard.testkit.corpus.FakeKeys.stsId(r),
                token = dev.akguard.testkit.corpus.FakeKeys.stsToken(r);
        String text =
                "creds = {\n  \"id\": \""
                        + stsId
                        + "\",\n  \"security_token\": \""
                        + token
                        + "\",\n}\n";
        String uri = h.open("sts.py", "python", text);
        Diagnostic d = h.client.awaitVersion(uri, 1).getDiagnostics().get(0);
        assertEquals("alibaba-sts-credentials", d.getCode().getLeft());
        CodeAction fix = h.codeActions(uri, d.getRange()).get(0);
        assertEquals(
                "import os\ncreds = {\n  \"id\": os.environ[\""
                        + ID_VAR
                        + "\"],\n  \"security_token\": os.environ[\"ALIBABA_CLOUD_SECURITY_TOKEN\"],\n}\n",
                Edits.apply(text, fix, uri));
    }

    @Test
    void stsCredentialsWithTheirTokenGetThreeRedactedDiagnosticsAndOneFix() throws Exception {
        java.util.Random r = new java.util.Random(13);
        String stsId = dev.akguard.testkit.corpus.FakeKeys.stsId(r),
                stsSecret = dev.akguard.testkit.corpus.FakeKeys.random(r, 44),
                token = dev.akguard.testkit.corpus.FakeKeys.stsToken(r);
        String text =
                "creds = {\n  \"AccessKeySecret\": \""
                        + stsSecret
                        + "\",\n  \"AccessKeyId\": \""
                        + stsId
                        + "\",\n  \"SecurityToken\": \""
                        + token
                        + "\",\n}\n";
        String uri = h.open("sts.py", "python", text);
        List<Diagnostic> ds = h.client.awaitVersion(uri, 1).getDiagnostics();
        assertEquals(3, ds.size(), "on the ID, the token and the secret");
        Diagnostic id = ds.get(0);
        assertEquals("alibaba-sts-credentials", id.getCode().getLeft());
        assertTrue(
                id.getMessage().contains("security token CAI… at line 4, column 21"),
                id.getMessage());
        assertEquals(2, id.getRelatedInformation().size());
        Diagnostic tok =
                ds.stream()
                        .filter(
                                d ->
                                        ((com.google.gson.JsonObject) d.getData())
                                                .get("part")
                                                .getAsString()
                                                .equals("token"))
                        .findFirst()
                        .orElseThrow();
        assertEquals(3, tok.getRange().getStart().getLine());
        assertTrue(tok.getMessage().startsWith("Security token CAI… of STS credentials " + stsId));
        for (Diagnostic d : ds) {
            assertFalse(d.getMessage().contains(token.substring(0, 20)), "never the token");
            assertFalse(d.getMessage().contains(stsSecret), "never the secret");
            for (var ri : d.getRelatedInformation())
                assertFalse(ri.getMessage().contains(token.substring(0, 20)));
        }
        CodeAction fix = h.codeActions(uri, tok.getRange()).get(0);
        assertEquals(
                "import os\ncreds = {\n  \"AccessKeySecret\": os.environ[\""
                        + SECRET_VAR
                        + "\"],\n  \"AccessKeyId\": os.environ[\""
                        + ID_VAR
                        + "\"],\n  \"SecurityToken\": os.environ[\"ALIBABA_CLOUD_SECURITY_TOKEN\"],\n}\n",
                Edits.apply(text, fix, uri));
    }

    @Test
    void onlySafeFixesAreOffered() throws Exception {
        String uri =
                h.open(
                        "M.java",
                        "java",
                        fill("String conn = \"id=@ID@;accessKeySecret=@SECRET@\";\n"));
        Diagnostic d = h.client.awaitVersion(uri, 1).getDiagnostics().get(0);
        List<String> titles =
                h.codeActions(uri, d.getRange()).stream().map(CodeAction::getTitle).toList();
        assertTrue(
                titles.stream().noneMatch(t -> t.startsWith("Read ")),
                "no env fix inside a longer literal: " + titles);
        assertTrue(titles.stream().anyMatch(t -> t.startsWith("Ignore")), titles.toString());

        String uri2 = h.open("n.properties", "properties", fill("ak=@ID@\n"));
        Diagnostic d2 = h.client.awaitVersion(uri2, 1).getDiagnostics().get(0);
        List<CodeAction> actions = h.codeActions(uri2, d2.getRange());
        assertTrue(
                actions.stream().noneMatch(a -> a.getTitle().startsWith("Ignore")),
                "a '#' after a .properties value would become part of the value");
        assertTrue(
                actions.stream()
                        .anyMatch(
                                a ->
                                        a.getCommand() != null
                                                && a.getCommand()
                                                        .getCommand()
                                                        .equals(Commands.ADD_TO_BASELINE)));
        assertTrue(
                actions.stream()
                        .anyMatch(
                                a ->
                                        a.getCommand() != null
                                                && a.getCommand()
                                                        .getCommand()
                                                        .equals(Commands.OPEN_RULE_DOC)));
        assertEquals(
                Boolean.TRUE,
                actions.get(0).getIsPreferred(),
                "the env fix comes first and is preferred");
    }

    @Test
    void actionsAreOfferedFromTheSecretToo() throws Exception {
        String uri =
                h.open(
                        "O.java",
                        "java",
                        fill(
                                "class O {\n  String id = \"@ID@\";\n  String accessKeySecret = \"@SECRET@\";\n}\n"));
        List<Diagnostic> ds = h.client.awaitVersion(uri, 1).getDiagnostics();
        Diagnostic onSecret = ds.get(1);
        List<CodeAction> actions = h.codeActions(uri, onSecret.getRange());
        assertTrue(
                actions.get(0).getTitle().startsWith("Read the credentials"),
                actions.get(0).getTitle());
        assertEquals(
                2,
                actions.get(0).getDiagnostics().size(),
                "fixes both the ID's and the secret's diagnostic");
    }
}
