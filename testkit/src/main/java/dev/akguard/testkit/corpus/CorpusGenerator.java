package dev.akguard.testkit.corpus;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Generates a labelled corpus: source and config files in many languages and formats with AccessKey pairs
 * written the ways they leak in practice (assignments, SDK constructor arguments, Chinese labels, CRLF, pairs
 * far apart, two pairs per file, base64 / URL / JSON-escaped / minified / notebook / UTF-16 / non-UTF-8 forms),
 * plus negatives (placeholders, regex sources, near-misses, pre-signed URLs, keys inside longer tokens and
 * base64 blobs). Deterministic for a seed; every key is generated at run time.
 */
public final class CorpusGenerator {
    private final Random r = new Random();

    public CorpusGenerator(long seed) { r.setSeed(seed); }

    /** A template: given fresh keys, returns the content and what must be found. */
    private record Keys(String id, String secret, String id2, String secret2, String legacyId) { }

    private record Made(String text, List<Expected> expected) { }

    private record Template(String category, String extension, Function<Keys, Made> make) { }

    private Keys keys() {
        return new Keys(FakeKeys.accessKeyId(r), FakeKeys.secret(r), FakeKeys.accessKeyId(r), FakeKeys.secret(r), FakeKeys.legacyAccessKeyId(r));
    }

    private static Made pair(String text, Keys k) { return new Made(text, List.of(Expected.pair(k.id, k.secret))); }

    private final List<Template> positives = List.of(
        new Template("java-sdk-args", "java", k -> pair("""
                import com.aliyuncs.profile.DefaultProfile;

                public class OssDemo {
                    public static void main(String[] args) {
                        DefaultProfile profile = DefaultProfile.getProfile("cn-hangzhou", "%s", "%s");
                        IAcsClient client = new DefaultAcsClient(profile);
                    }
                }
                """.formatted(k.id, k.secret), k)),
        new Template("java-fields", "java", k -> pair("""
                public class AliyunConfig {
                    private static final String ACCESS_KEY_ID = "%s";
                    private static final String ACCESS_KEY_SECRET = "%s";
                }
                """.formatted(k.id, k.secret), k)),
        new Template("java-multiline-args", "java", k -> pair("""
                OSS ossClient = new OSSClientBuilder().build(
                        "https://oss-cn-hangzhou.aliyuncs.com",
                        "%s",
                        "%s");
                """.formatted(k.id, k.secret), k)),
        new Template("kotlin", "kt", k -> pair("""
                val credentials = Config().apply {
                    accessKeyId = "%s"
                    accessKeySecret = "%s"
                }
                """.formatted(k.id, k.secret), k)),
        new Template("python-acsclient", "py", k -> pair("""
                from aliyunsdkcore.client import AcsClient

                client = AcsClient('%s', '%s', 'cn-shanghai')
                """.formatted(k.id, k.secret), k)),
        new Template("python-oss2", "py", k -> pair("""
                import oss2
                auth = oss2.Auth("%s", "%s")
                bucket = oss2.Bucket(auth, 'https://oss-cn-beijing.aliyuncs.com', 'photos')
                """.formatted(k.id, k.secret), k)),
        new Template("python-chinese-comment", "py", k -> pair("""
                # -*- coding: utf-8 -*-
                # 阿里云 AccessKey，请勿泄露
                ak = "%s"
                sk = "%s"
                """.formatted(k.id, k.secret), k)),
        new Template("go-struct", "go", k -> pair("""
                package main

                config := &openapi.Config{
                	AccessKeyId:     tea.String("%s"),
                	AccessKeySecret: tea.String("%s"),
                }
                """.formatted(k.id, k.secret), k)),
        new Template("go-args", "go", k -> pair("""
                client, err := oss.New("oss-cn-hangzhou.aliyuncs.com", "%s", "%s")
                """.formatted(k.id, k.secret), k)),
        new Template("js-object", "js", k -> pair("""
                const client = new OSS({
                  region: 'oss-cn-hangzhou',
                  accessKeyId: '%s',
                  accessKeySecret: '%s',
                  bucket: 'assets',
                });
                """.formatted(k.id, k.secret), k)),
        new Template("ts-constants", "ts", k -> pair("""
                export const ALIYUN_AK: string = "%s";
                export const ALIYUN_SK: string = "%s";
                """.formatted(k.id, k.secret), k)),
        new Template("spring-properties", "properties", k -> pair("""
                spring.cloud.alicloud.access-key=%s
                spring.cloud.alicloud.secret-key=%s
                spring.cloud.alicloud.oss.endpoint=oss-cn-hangzhou.aliyuncs.com
                """.formatted(k.id, k.secret), k)),
        new Template("spring-yaml", "yml", k -> pair("""
                aliyun:
                  oss:
                    access-key-id: %s
                    access-key-secret: %s
                    bucket: media
                """.formatted(k.id, k.secret), k)),
        new Template("dotenv", "env", k -> pair("""
                ALIBABA_CLOUD_ACCESS_KEY_ID=%s
                ALIBABA_CLOUD_ACCESS_KEY_SECRET=%s
                """.formatted(k.id, k.secret), k)),
        new Template("terraform", "tf", k -> pair("""
                provider "alicloud" {
                  access_key = "%s"
                  secret_key = "%s"
                  region     = "cn-hangzhou"
                }
                """.formatted(k.id, k.secret), k)),
        new Template("xml", "xml", k -> pair("""
                <config>
                  <accessKeyId>%s</accessKeyId>
                  <accessKeySecret>%s</accessKeySecret>
                </config>
                """.formatted(k.id, k.secret), k)),
        new Template("json", "json", k -> pair("""
                {
                  "region": "cn-hangzhou",
                  "accessKeyId": "%s",
                  "accessKeySecret": "%s"
                }
                """.formatted(k.id, k.secret), k)),
        new Template("credentials-ini", "ini", k -> pair("""
                [default]
                type = access_key
                access_key_id = %s
                access_key_secret = %s
                """.formatted(k.id, k.secret), k)),
        new Template("shell-cli", "sh", k -> pair("""
                #!/bin/sh
                aliyun configure set --profile deploy --mode AK --access-key-id %s --access-key-secret %s --region cn-hangzhou
                """.formatted(k.id, k.secret), k)),
        new Template("markdown-chinese", "md", k -> pair("""
                # 部署说明

                测试环境的阿里云账号信息如下：

                - AccessKey ID：%s
                - AccessKey Secret：%s

                请不要外传。
                """.formatted(k.id, k.secret), k)),
        new Template("chinese-keys", "yaml", k -> pair("""
                阿里云:
                  账号ID: %s
                  密钥: %s
                """.formatted(k.id, k.secret), k)),
        new Template("console-csv", "csv", k -> pair("""
                AccessKey ID,AccessKey Secret
                %s,%s
                """.formatted(k.id, k.secret), k)),
        new Template("php", "php", k -> pair("""
                <?php
                AlibabaCloud::accessKeyClient('%s', '%s')
                    ->regionId('cn-hangzhou')
                    ->asDefaultClient();
                """.formatted(k.id, k.secret), k)),
        new Template("csharp", "cs", k -> pair("""
                IClientProfile profile = DefaultProfile.GetProfile("cn-hangzhou", "%s", "%s");
                """.formatted(k.id, k.secret), k)),
        new Template("ruby", "rb", k -> pair("""
                client = RPCClient.new(
                  access_key_id:     '%s',
                  access_key_secret: '%s',
                  endpoint: 'https://ecs.aliyuncs.com'
                )
                """.formatted(k.id, k.secret), k)),
        new Template("docker-compose", "yml", k -> pair("""
                services:
                  app:
                    environment:
                      - ALICLOUD_ACCESS_KEY=%s
                      - ALICLOUD_SECRET_KEY=%s
                """.formatted(k.id, k.secret), k)),
        new Template("legacy-16-char-id", "properties", k -> new Made("""
                oss.accessKeyId=%s
                oss.accessKeySecret=%s
                """.formatted(k.legacyId, k.secret), List.of(Expected.pair(k.legacyId, k.secret)))),
        new Template("url-credentials", "txt", k -> pair("""
                mirror: oss://%s:%s@my-bucket.oss-cn-hangzhou.aliyuncs.com/backups
                """.formatted(k.id, k.secret), k)),
        new Template("crlf", "bat", k -> pair(("set ALIBABA_CLOUD_ACCESS_KEY_ID=%s\nset ALIBABA_CLOUD_ACCESS_KEY_SECRET=%s\necho done\n")
                .formatted(k.id, k.secret).replace("\n", "\r\n"), k)),
        new Template("far-apart", "java", k -> {
            StringBuilder sb = new StringBuilder("class Settings {\n    String accessKeyId = \"" + k.id + "\";\n");
            for (int i = 0; i < 35; i++) sb.append("    int setting").append(i).append(" = ").append(i).append(";\n");
            sb.append("    String accessKeySecret = \"").append(k.secret).append("\";\n}\n");
            return pair(sb.toString(), k);
        }),
        new Template("two-pairs", "yml", k -> new Made("""
                prod:
                  access_key_id: %s
                  access_key_secret: %s
                test:
                  access_key_id: %s
                  access_key_secret: %s
                """.formatted(k.id, k.secret, k.id2, k.secret2), List.of(Expected.pair(k.id, k.secret), Expected.pair(k.id2, k.secret2)))),
        new Template("two-pairs-ids-first", "py", k -> new Made("""
                PROD_ACCESS_KEY_ID = "%s"
                TEST_ACCESS_KEY_ID = "%s"
                PROD_ACCESS_KEY_SECRET = "%s"
                TEST_ACCESS_KEY_SECRET = "%s"
                """.formatted(k.id, k.id2, k.secret, k.secret2), List.of(Expected.pair(k.id, k.secret), Expected.pair(k.id2, k.secret2)))),
        new Template("dotnet-appsettings", "config", k -> pair("""
                <appSettings>
                  <add key="AliyunAccessKeyId" value="%s" />
                  <add key="AliyunAccessKeySecret" value="%s" />
                </appSettings>
                """.formatted(k.id, k.secret), k)),
        new Template("oss-accessid-accesskey", "properties", k -> pair("""
                oss.endpoint=oss-cn-shenzhen.aliyuncs.com
                oss.accessId=%s
                oss.accessKey=%s
                """.formatted(k.id, k.secret), k)),
        new Template("weak-label-next-line", "java", k -> pair("""
                String id = "%s";
                String key = "%s";
                """.formatted(k.id, k.secret), k)),
        new Template("markdown-table", "md", k -> pair("""
                | AccessKey ID | AccessKey Secret |
                | --- | --- |
                | %s | %s |
                """.formatted(k.id, k.secret), k)),
        new Template("weak-label-far-is-id-only", "java", k -> new Made("""
                String id = "%s";
                int a = 1;
                int b = 2;
                int c = 3;
                int d = 4;
                String key = "%s";
                """.formatted(k.id, k.secret), List.of(Expected.idOnly(k.id)))),
        new Template("id-only", "log", k -> new Made("""
                2024-05-01 12:00:01 INFO request signed with AccessKeyId=%s status=200
                """.formatted(k.id), List.of(Expected.idOnly(k.id)))),
        new Template("sts", "json", k -> {
            String stsId = FakeKeys.stsId(r);
            return new Made("""
                    {
                      "AccessKeyId": "%s",
                      "AccessKeySecret": "%s",
                      "SecurityToken": "%s",
                      "Expiration": "2026-01-01T00:00:00Z"
                    }
                    """.formatted(stsId, k.secret, FakeKeys.stsToken(r)), List.of(Expected.sts(stsId, k.secret)));
        }),
        // ---- encoded forms
        new Template("k8s-secret-base64", "yaml", k -> pair("""
                apiVersion: v1
                kind: Secret
                metadata:
                  name: aliyun-credentials
                type: Opaque
                data:
                  access-key-id: %s
                  access-key-secret: %s
                """.formatted(b64(k.id), b64(k.secret)), k)),
        new Template("base64-blob", "txt", k -> pair("CONFIG_BLOB=" + b64("""
                [default]
                access_key_id = %s
                access_key_secret = %s
                """.formatted(k.id, k.secret)) + "\n", k)),
        new Template("url-encoded-query", "txt", k -> pair(
                "GET /sign?Action=Describe&AccessKeyId=%s&AccessKeySecret=%s&Format=JSON HTTP/1.1\n".formatted(k.id, k.secret), k)),
        new Template("url-encoded-json", "txt", k -> pair(
                "payload=%%7B%%22accessKeyId%%22%%3A%%22%s%%22%%2C%%22accessKeySecret%%22%%3A%%22%s%%22%%7D\n".formatted(k.id, k.secret), k)),
        new Template("json-escaped", "json", k -> pair(
                "{\"name\":\"deploy\",\"config\":\"{\\\"accessKeyId\\\":\\\"%s\\\",\\\"accessKeySecret\\\":\\\"%s\\\"}\"}\n".formatted(k.id, k.secret), k)),
        new Template("minified-js", "min.js", k -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 300; i++) sb.append("function f").append(i).append("(a,b){return a*b+").append(i).append("};");
            sb.append("var c={accessKeyId:\"").append(k.id).append("\",accessKeySecret:\"").append(k.secret).append("\"};");
            for (int i = 0; i < 300; i++) sb.append("var v").append(i).append("=").append(i).append(";");
            return pair(sb.toString(), k);
        }),
        new Template("jupyter", "ipynb", k -> pair("""
                {
                 "cells": [
                  {
                   "cell_type": "code",
                   "execution_count": 1,
                   "metadata": {},
                   "outputs": [],
                   "source": [
                    "import oss2\\n",
                    "access_key_id = \\"%s\\"\\n",
                    "access_key_secret = \\"%s\\"\\n",
                    "auth = oss2.Auth(access_key_id, access_key_secret)\\n"
                   ]
                  }
                 ],
                 "metadata": {"kernelspec": {"name": "python3"}},
                 "nbformat": 4,
                 "nbformat_minor": 5
                }
                """.formatted(k.id, k.secret), k))
    );

    private final List<Template> negatives = List.of(
        new Template("negative:masked", "md", k -> none("AccessKey ID: " + FakeKeys.ID_PREFIX + "****************\nAccessKey Secret: ******************************\n")),
        new Template("negative:xxxx", "properties", k -> none("access-key-id=" + FakeKeys.ID_PREFIX + "xxxxxxxxxxxxxxxxxxxx\naccess-key-secret=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n")),
        new Template("negative:angle-placeholder", "yml", k -> none("access-key-id: <your-access-key-id>\naccess-key-secret: <your-access-key-secret>\n")),
        new Template("negative:env-placeholder", "yml", k -> none("access-key-id: ${ALIBABA_CLOUD_ACCESS_KEY_ID}\naccess-key-secret: ${ALIBABA_CLOUD_ACCESS_KEY_SECRET}\n")),
        new Template("negative:regex-source", "go", k -> none("var akRe = regexp.MustCompile(`" + FakeKeys.ID_PREFIX + "[a-zA-Z0-9]{20}`)\nvar legacy = \"" + FakeKeys.ID_PREFIX + "[A-Za-z0-9]{12}\"\n")),
        new Template("negative:example", "md", k -> none("accessKeyId = " + FakeKeys.ID_PREFIX + "5tEXAMPLEKEYID1234567\naccessKeySecret = wJalrXUtnFEMIEXAMPLEKEY1234567\n")),
        new Template("negative:repeated", "env", k -> none("ALIBABA_CLOUD_ACCESS_KEY_ID=" + FakeKeys.ID_PREFIX + "11111111111111111111\nALIBABA_CLOUD_ACCESS_KEY_SECRET=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n")),
        new Template("negative:sequential", "env", k -> none("ALIBABA_CLOUD_ACCESS_KEY_ID=" + FakeKeys.ID_PREFIX + "1234567890abcdefghij\n")),
        new Template("negative:longer-token", "txt", k -> none("token=" + k.id + "Q7x\nid=X" + k.id + "\n")),
        new Template("negative:wrong-length", "txt", k -> none("id=" + k.id.substring(0, 23) + "\nid2=" + k.id + "A\nid3=" + FakeKeys.ID_PREFIX + FakeKeys.random(r, 17) + "\n")),
        new Template("negative:inside-base64-blob", "txt", k -> {
            // A base64 blob that happens to contain LTAI + 20 alphanumerics between '+' and '/' characters.
            String blob = FakeKeys.random(r, 40) + "+" + k.id + "/" + FakeKeys.random(r, 60) + "+" + FakeKeys.random(r, 12) + "==";
            return none("image: data:image/png;base64," + blob + "\n");
        }),
        new Template("negative:presigned-url", "html", k -> none("<img src=\"https://media.oss-cn-hangzhou.aliyuncs.com/a.png?OSSAccessKeyId="
                + k.id + "&Expires=1735689600&Signature=" + FakeKeys.random(r, 27) + "%3D\">\n")),
        new Template("negative:hash-near-secret-key", "txt", k -> none("secret_sha = " + hex(30) + "\nsecret = " + hex(30).toUpperCase() + "\n")),
        new Template("negative:unlabelled-30", "txt", k -> none("checksum " + k.secret + " ok\nbuild " + k.secret2 + "\n")),
        new Template("negative:other-cloud", "env", k -> none("TENCENTCLOUD_SECRET_ID=AKID" + FakeKeys.random(r, 32) + "\nAWS_ACCESS_KEY_ID=AKIA" + FakeKeys.random(r, 16).toUpperCase()
                + "\nAWS_SECRET_ACCESS_KEY=" + FakeKeys.random(r, 40) + "\n")),
        new Template("negative:sts-id-alone", "log", k -> none("assumed role, credentials " + FakeKeys.stsId(r) + " expire at 12:00\n")),
        new Template("negative:lowercase-prefix", "txt", k -> none("id = ltai" + k.id.substring(4) + "\nsecret = \"" + k.secret + "\"\n"))
    );

    private static Made none(String text) { return new Made(text, List.of()); }

    private String hex(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append("0123456789abcdef".charAt(r.nextInt(16)));
        return sb.toString();
    }

    private static String b64(String s) { return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)); }

    /** Every template once, plus the special encodings (UTF-16 with BOM, GBK bytes) and {@code extra} random picks. */
    public List<CorpusFile> generate(int extra) {
        List<CorpusFile> out = new ArrayList<>();
        int n = 0;
        for (Template t : positives) out.add(make(t, n++, StandardCharsets.UTF_8));
        for (Template t : negatives) out.add(make(t, n++, StandardCharsets.UTF_8));
        out.add(make(positives.get(1), n++, StandardCharsets.UTF_16LE).withCategory("utf16-bom"));
        out.add(make(positives.get(6), n++, Charset.forName("GBK")).withCategory("gbk-bytes"));
        List<Template> all = new ArrayList<>(positives);
        all.addAll(negatives);
        for (int i = 0; i < extra; i++) out.add(make(all.get(r.nextInt(all.size())), n++, StandardCharsets.UTF_8));
        return out;
    }

    public List<String> positiveCategories() { return positives.stream().map(Template::category).toList(); }

    public List<String> negativeCategories() { return negatives.stream().map(Template::category).toList(); }

    private CorpusFile make(Template t, int n, Charset cs) {
        Made m = t.make.apply(keys());
        byte[] body = m.text.getBytes(cs);
        if (cs.equals(StandardCharsets.UTF_16LE)) {
            byte[] withBom = new byte[body.length + 2];
            withBom[0] = (byte) 0xFF;
            withBom[1] = (byte) 0xFE;
            System.arraycopy(body, 0, withBom, 2, body.length);
            body = withBom;
        }
        String dir = t.category.replace(':', '-');
        return new CorpusFile(dir + "/file" + n + "." + t.extension, body, m.expected, t.category);
    }

    /** Writes the corpus under {@code root} and returns it. */
    public List<CorpusFile> writeTo(Path root, int extra) throws IOException {
        List<CorpusFile> files = generate(extra);
        for (CorpusFile f : files) {
            Path p = root.resolve(f.path());
            Files.createDirectories(p.getParent());
            Files.write(p, f.content());
        }
        return files;
    }
}
