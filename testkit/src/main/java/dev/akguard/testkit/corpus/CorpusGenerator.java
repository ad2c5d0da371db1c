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
 * Generates a labelled corpus: source and config files in many languages and formats with AccessKey
 * pairs written the ways they leak in practice (assignments, SDK constructor arguments, Chinese
 * labels, CRLF, pairs far apart, two pairs per file, base64 / URL / JSON-escaped / minified /
 * notebook / UTF-16 / non-UTF-8 forms), plus negatives (placeholders, regex sources, near-misses,
 * pre-signed URLs, keys inside longer tokens and base64 blobs). Deterministic for a seed; every key
 * is generated at run time.
 */
public final class CorpusGenerator {
    private final Random r = new Random();

    public CorpusGenerator(long seed) {
        r.setSeed(seed);
    }

    /** A template: given fresh keys, returns the content and what must be found. */
    private record Keys(String id, String secret, String id2, String secret2, String legacyId) {}

    private record Made(String text, List<Expected> expected) {}

    private record Template(String category, String extension, Function<Keys, Made> make) {}

    private Keys keys() {
        return new Keys(
                FakeKeys.accessKeyId(r),
                FakeKeys.secret(r),
                FakeKeys.accessKeyId(r),
                FakeKeys.secret(r),
                FakeKeys.legacyAccessKeyId(r));
    }

    private static Made pair(String text, Keys k) {
        return new Made(text, List.of(Expected.pair(k.id, k.secret)));
    }

    private final List<Template> positives =
            List.of(
                    new Template(
                            "java-sdk-args",
                            "java",
                            k ->
                                    pair(
                                            """
                import com.aliyuncs.profile.DefaultProfile;

                public class OssDemo {
                    public static void main(String[] args) {
                        DefaultProfile profile = DefaultProfile.getProfile("cn-hangzhou", "%s", "%s");
                        IAcsClient client = new DefaultAcsClient(profile);
                    }
                }
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "java-fields",
                            "java",
                            k ->
                                    pair(
                                            """
                public class AliyunConfig {
                    private static final String ACCESS_KEY_ID = "%s";
                    private static final String ACCESS_KEY_SECRET = "%s";
                }
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "java-multiline-args",
                            "java",
                            k ->
                                    pair(
                                            """
                OSS ossClient = new OSSClientBuilder().build(
                        "https://oss-cn-hangzhou.aliyuncs.com",
                        "%s",
                        "%s");
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "kotlin",
                            "kt",
                            k ->
                                    pair(
                                            """
                val credentials = Config().apply {
                    accessKeyId = "%s"
                    accessKeySecret = "%s"
                }
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "python-acsclient",
                            "py",
                            k ->
                                    pair(
                                            """
                from aliyunsdkcore.client import AcsClient

                client = AcsClient('%s', '%s', 'cn-shanghai')
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "python-oss2",
                            "py",
                            k ->
                                    pair(
                                            """
                import oss2
                auth = oss2.Auth("%s", "%s")
                bucket = oss2.Bucket(auth, 'https://oss-cn-beijing.aliyuncs.com', 'photos')
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "python-chinese-comment",
                            "py",
                            k ->
                                    pair(
                                            """
                # -*- coding: utf-8 -*-
                # 阿里云 AccessKey，请勿泄露
                ak = "%s"
                sk = "%s"
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "go-struct",
                            "go",
                            k ->
                                    pair(
                                            """
                package main

                config := &openapi.Config{
                	AccessKeyId:     tea.String("%s"),
                	AccessKeySecret: tea.String("%s"),
                }
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "go-args",
                            "go",
                            k ->
                                    pair(
                                            """
                client, err := oss.New("oss-cn-hangzhou.aliyuncs.com", "%s", "%s")
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "js-object",
                            "js",
                            k ->
                                    pair(
                                            """
                const client = new OSS({
                  region: 'oss-cn-hangzhou',
                  accessKeyId: '%s',
                  accessKeySecret: '%s',
                  bucket: 'assets',
                });
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "ts-constants",
                            "ts",
                            k ->
                                    pair(
                                            """
                export const ALIYUN_AK: string = "%s";
                export const ALIYUN_SK: string = "%s";
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "spring-properties",
                            "properties",
                            k ->
                                    pair(
                                            """
                spring.cloud.alicloud.access-key=%s
                spring.cloud.alicloud.secret-key=%s
                spring.cloud.alicloud.oss.endpoint=oss-cn-hangzhou.aliyuncs.com
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "spring-yaml",
                            "yml",
                            k ->
                                    pair(
                                            """
                aliyun:
                  oss:
                    access-key-id: %s
                    access-key-secret: %s
                    bucket: media
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "dotenv",
                            "env",
                            k ->
                                    pair(
                                            """
                ALIBABA_CLOUD_ACCESS_KEY_ID=%s
                ALIBABA_CLOUD_ACCESS_KEY_SECRET=%s
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "terraform",
                            "tf",
                            k ->
                                    pair(
                                            """
                provider "alicloud" {
                  access_key = "%s"
                  secret_key = "%s"
                  region     = "cn-hangzhou"
                }
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "xml",
                            "xml",
                            k ->
                                    pair(
                                            """
                <config>
                  <accessKeyId>%s</accessKeyId>
                  <accessKeySecret>%s</accessKeySecret>
                </config>
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "json",
                            "json",
                            k ->
                                    pair(
                                            """
                {
                  "region": "cn-hangzhou",
                  "accessKeyId": "%s",
                  "accessKeySecret": "%s"
                }
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "credentials-ini",
                            "ini",
                            k ->
                                    pair(
                                            """
                [default]
                type = access_key
                access_key_id = %s
                access_key_secret = %s
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "shell-cli",
                            "sh",
                            k ->
                                    pair(
                                            """
                #!/bin/sh
                aliyun configure set --profile deploy --mode AK --access-key-id %s --access-key-secret %s --region cn-hangzhou
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "markdown-chinese",
                            "md",
                            k ->
                                    pair(
                                            """
                # 部署说明

                测试环境的阿里云账号信息如下：

                - AccessKey ID：%s
                - AccessKey Secret：%s

                请不要外传。
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "chinese-keys",
                            "yaml",
                            k ->
                                    pair(
                                            """
                阿里云:
                  账号ID: %s
                  密钥: %s
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "console-csv",
                            "csv",
                            k ->
                                    pair(
                                            """
                AccessKey ID,AccessKey Secret
                %s,%s
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "php",
                            "php",
                            k ->
                                    pair(
                                            """
                <?php
                AlibabaCloud::accessKeyClient('%s', '%s')
                    ->regionId('cn-hangzhou')
                    ->asDefaultClient();
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "csharp",
                            "cs",
                            k ->
                                    pair(
                                            """
                IClientProfile profile = DefaultProfile.GetProfile("cn-hangzhou", "%s", "%s");
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "ruby",
                            "rb",
                            k ->
                                    pair(
                                            """
                client = RPCClient.new(
                  access_key_id:     '%s',
                  access_key_secret: '%s',
                  endpoint: 'https://ecs.aliyuncs.com'
                )
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "docker-compose",
                            "yml",
                            k ->
                                    pair(
                                            """
                services:
                  app:
                    environment:
                      - ALICLOUD_ACCESS_KEY=%s
                      - ALICLOUD_SECRET_KEY=%s
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "legacy-16-char-id",
                            "properties",
                            k ->
                                    new Made(
                                            """
                oss.accessKeyId=%s
                oss.accessKeySecret=%s
                """
                                                    .formatted(k.legacyId, k.secret),
                                            List.of(Expected.pair(k.legacyId, k.secret)))),
                    new Template(
                            "url-credentials",
                            "txt",
                            k ->
                                    pair(
                                            """
                mirror: oss://%s:%s@my-bucket.oss-cn-hangzhou.aliyuncs.com/backups
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "crlf",
                            "bat",
                            k ->
                                    pair(
                                            ("set ALIBABA_CLOUD_ACCESS_KEY_ID=%s\nset ALIBABA_CLOUD_ACCESS_KEY_SECRET=%s\necho done\n")
                                                    .formatted(k.id, k.secret)
                                                    .replace("\n", "\r\n"),
                                            k)),
                    new Template(
                            "far-apart",
                            "java",
                            k -> {
                                StringBuilder sb =
                                        new StringBuilder(
                                                "class Settings {\n    String accessKeyId = \""
                                                        + k.id
                                                        + "\";\n");
                                for (int i = 0; i < 35; i++)
                                    sb.append("    int setting")
                                            .append(i)
                                            .append(" = ")
                                            .append(i)
                                            .append(";\n");
                                sb.append("    String accessKeySecret = \"")
                                        .append(k.secret)
                                        .append("\";\n}\n");
                                return pair(sb.toString(), k);
                            }),
                    new Template(
                            "two-pairs",
                            "yml",
                            k ->
                                    new Made(
                                            """
                prod:
                  access_key_id: %s
                  access_key_secret: %s
                test:
                  access_key_id: %s
                  access_key_secret: %s
                """
                                                    .formatted(k.id, k.secret, k.id2, k.secret2),
                                            List.of(
                                                    Expected.pair(k.id, k.secret),
                                                    Expected.pair(k.id2, k.secret2)))),
                    new Template(
                            "two-pairs-ids-first",
                            "py",
                            k ->
                                    new Made(
                                            """
                PROD_ACCESS_KEY_ID = "%s"
                TEST_ACCESS_KEY_ID = "%s"
                PROD_ACCESS_KEY_SECRET = "%s"
                TEST_ACCESS_KEY_SECRET = "%s"
                """
                                                    .formatted(k.id, k.id2, k.secret, k.secret2),
                                            List.of(
                                                    Expected.pair(k.id, k.secret),
                                                    Expected.pair(k.id2, k.secret2)))),
                    new Template(
                            "dotnet-appsettings",
                            "config",
                            k ->
                                    pair(
                                            """
                <appSettings>
                  <add key="AliyunAccessKeyId" value="%s" />
                  <add key="AliyunAccessKeySecret" value="%s" />
                </appSettings>
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "oss-accessid-accesskey",
                            "properties",
                            k ->
                                    pair(
                                            """
                oss.endpoint=oss-cn-shenzhen.aliyuncs.com
                oss.accessId=%s
                oss.accessKey=%s
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "weak-label-next-line",
                            "java",
                            k ->
                                    pair(
                                            """
                String id = "%s";
                String key = "%s";
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "markdown-table",
                            "md",
                            k ->
                                    pair(
                                            """
                | AccessKey ID | AccessKey Secret |
                | --- | --- |
                | %s | %s |
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "weak-label-far-is-id-only",
                            "java",
                            k ->
                                    new Made(
                                            """
                String id = "%s";
                int a = 1;
                int b = 2;
                int c = 3;
                int d = 4;
                String key = "%s";
                """
                                                    .formatted(k.id, k.secret),
                                            List.of(Expected.idOnly(k.id)))),
                    new Template(
                            "id-only",
                            "log",
                            k ->
                                    new Made(
                                            """
                2024-05-01 12:00:01 INFO request signed with AccessKeyId=%s status=200
                """
                                                    .formatted(k.id),
                                            List.of(Expected.idOnly(k.id)))),
                    new Template(
                            "sts",
                            "json",
                            k -> {
                                String stsId = FakeKeys.stsId(r), token = FakeKeys.stsToken(r);
                                return new Made(
                                        """
                    {
                      "AccessKeyId": "%s",
                      "AccessKeySecret": "%s",
                      "SecurityToken": "%s",
                      "Expiration": "2026-01-01T00:00:00Z"
                    }
                    """
                                                .formatted(stsId, k.secret, token),
                                        List.of(Expected.sts(stsId, k.secret, token)));
                            }),
                    // ---- encoded forms
                    new Template(
                            "k8s-secret-base64",
                            "yaml",
                            k ->
                                    pair(
                                            """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: aliyun-credentials
                type: Opaque
                data:
                  access-key-id: %s
                  access-key-secret: %s
                """
                                                    .formatted(b64(k.id), b64(k.secret)),
                                            k)),
                    new Template(
                            "base64-blob",
                            "txt",
                            k ->
                                    pair(
                                            "CONFIG_BLOB="
                                                    + b64(
                                                            """
                [default]
                access_key_id = %s
                access_key_secret = %s
                """
                                                                    .formatted(k.id, k.secret))
                                                    + "\n",
                                            k)),
                    new Template(
                            "url-encoded-query",
                            "txt",
                            k ->
                                    pair(
                                            "GET /sign?Action=Describe&AccessKeyId=%s&AccessKeySecret=%s&Format=JSON HTTP/1.1\n"
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "url-encoded-json",
                            "txt",
                            k ->
                                    pair(
                                            "payload=%%7B%%22accessKeyId%%22%%3A%%22%s%%22%%2C%%22accessKeySecret%%22%%3A%%22%s%%22%%7D\n"
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "json-escaped",
                            "json",
                            k ->
                                    pair(
                                            "{\"name\":\"deploy\",\"config\":\"{\\\"accessKeyId\\\":\\\"%s\\\",\\\"accessKeySecret\\\":\\\"%s\\\"}\"}\n"
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "minified-js",
                            "min.js",
                            k -> {
                                StringBuilder sb = new StringBuilder();
                                for (int i = 0; i < 300; i++)
                                    sb.append("function f")
                                            .append(i)
                                            .append("(a,b){return a*b+")
                                            .append(i)
                                            .append("};");
                                sb.append("var c={accessKeyId:\"")
                                        .append(k.id)
                                        .append("\",accessKeySecret:\"")
                                        .append(k.secret)
                                        .append("\"};");
                                for (int i = 0; i < 300; i++)
                                    sb.append("var v").append(i).append("=").append(i).append(";");
                                return pair(sb.toString(), k);
                            }),
                    new Template(
                            "jupyter",
                            "ipynb",
                            k ->
                                    pair(
                                            """
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
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    // ---- shapes seen in public repositories (see the detect-hardening report for
                    // citations)
                    new Template(
                            "js-env-fallback",
                            "js",
                            k ->
                                    pair(
                                            """
                const ossClient = new OSS({
                  region: process.env.OSS_REGION || 'oss-cn-hangzhou',
                  accessKeyId: process.env.OSS_ACCESS_KEY_ID || '%s',
                  accessKeySecret: process.env.OSS_ACCESS_KEY_SECRET || '%s',
                  bucket: process.env.OSS_BUCKET || 'assets',
                });
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "ts-nullish-fallback",
                            "ts",
                            k ->
                                    pair(
                                            """
                export const ALIBABA_AK_ID = process.env.ALIBABA_AK_ID ?? "%s";
                export const ALIBABA_AK_SECRET = process.env.ALIBABA_AK_SECRET ?? "%s";
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "shell-default-expansion",
                            "sh",
                            k ->
                                    pair(
                                            """
                #!/usr/bin/env bash
                set -e
                export ALICLOUD_ACCESS_KEY="${ALICLOUD_ACCESS_KEY:-%s}"
                export ALICLOUD_SECRET_KEY="${ALICLOUD_SECRET_KEY:-%s}"
                export ALICLOUD_REGION="${ALICLOUD_REGION:-cn-hangzhou}"
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "python-env-or",
                            "py",
                            k ->
                                    pair(
                                            """
                import os

                DATA_ACCESS_KEY_ID = os.environ.get("DATA_ACCESS_KEY_ID") or "%s"
                DATA_ACCESS_KEY_SECRET = (
                    os.environ.get("DATA_ACCESS_KEY_SECRET") or "%s"
                )
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "kotlin-elvis",
                            "kt",
                            k ->
                                    pair(
                                            """
                val aliyunAccessKeyId: String
                    get() = runtime?.aliyunAccessKeyId ?: "%s"
                val aliyunAccessKeySecret: String
                    get() = runtime?.aliyunAccessKeySecret ?: "%s"
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "ossutil-flags",
                            "Dockerfile",
                            k ->
                                    pair(
                                            """
                FROM node:18
                RUN wget http://gosspublic.alicdn.com/ossutil/1.6.18/ossutil64 && chmod 755 ossutil64
                RUN ./ossutil64 config -e oss-cn-guangzhou.aliyuncs.com -i %s -k %s -L CH -c ~/.ossutilconfig
                RUN ./ossutil64 -c ~/.ossutilconfig cp -r -f dist oss://site/
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "k8s-env-name-value",
                            "yaml",
                            k ->
                                    pair(
                                            """
                spec:
                  containers:
                    - name: uploader
                      image: registry.cn-hangzhou.aliyuncs.com/acme/uploader:1.4
                      env:
                        - name: ALIBABA_CLOUD_ACCESS_KEY_ID
                          value: %s
                        - name: ALIBABA_CLOUD_ACCESS_KEY_SECRET
                          value: "%s"
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "ecs-task-env-json",
                            "json",
                            k ->
                                    pair(
                                            """
                "environment": [
                  {
                    "name": "OSS_ACCESS_KEY_ID",
                    "value": "%s"
                  },
                  {
                    "name": "OSS_ACCESS_KEY_SECRET",
                    "value": "%s"
                  }
                ]
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "hadoop-core-site",
                            "xml",
                            k ->
                                    pair(
                                            """
                <configuration>
                  <property>
                    <name>fs.oss.endpoint</name>
                    <value>oss-cn-zhangjiakou.aliyuncs.com</value>
                  </property>
                  <property>
                    <name>fs.oss.accessKeyId</name>
                    <value>%s</value>
                  </property>
                  <property>
                    <name>fs.oss.accessKeySecret</name>
                    <value>%s</value>
                  </property>
                </configuration>
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "terraform-variable-default",
                            "tf",
                            k ->
                                    pair(
                                            """
                variable "access_key" {
                  default = "%s"
                }
                variable "secret_key" {
                  default = "%s"
                }
                provider "alicloud" {
                  access_key = var.access_key
                  secret_key = var.secret_key
                }
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "spring-placeholder-default",
                            "yml",
                            k ->
                                    pair(
                                            """
                alioss:
                  access-key-id: ${ALIYUN_ACCESS_KEY_ID:%s}
                  access-key-secret: ${ALIYUN_ACCESS_KEY_SECRET:%s}
                  bucket-name: ${ALIYUN_BUCKET_NAME:media}
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "java-builder-chain",
                            "java",
                            k ->
                                    pair(
                                            """
                StaticCredentialProvider provider = StaticCredentialProvider.create(Credential.builder()
                        .accessKeyId("%s")
                        .accessKeySecret("%s")
                        .build());
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "php-array",
                            "php",
                            k ->
                                    pair(
                                            """
                <?php
                return [
                    'oss' => [
                        'accessKeyId'     => '%s',
                        'accessKeySecret' => '%s',
                        'endpoint'        => 'oss-cn-hangzhou.aliyuncs.com',
                    ],
                ];
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "rust-struct",
                            "rs",
                            k ->
                                    pair(
                                            """
                let config = Config {
                    access_key_id: String::from("%s"),
                    access_key_secret: String::from("%s"),
                    endpoint: "https://oss-cn-hangzhou.aliyuncs.com".to_string(),
                };
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "cpp-credentials",
                            "cpp",
                            k ->
                                    pair(
                                            """
                #include <alibabacloud/oss/OssClient.h>
                using namespace AlibabaCloud::OSS;
                int main() {
                    ClientConfiguration conf;
                    OssClient client("oss-cn-hangzhou.aliyuncs.com", "%s", "%s", conf);
                }
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "serverless-devs-access",
                            "yaml",
                            k ->
                                    pair(
                                            """
                default:
                  AccountID: "1234567890123456"
                  AccessKeyID: %s
                  AccessKeySecret: %s
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "aliyun-cli-config-json",
                            "json",
                            k ->
                                    pair(
                                            """
                {
                  "current": "default",
                  "profiles": [
                    {
                      "name": "default",
                      "mode": "AK",
                      "access_key_id": "%s",
                      "access_key_secret": "%s",
                      "sts_token": "",
                      "region_id": "cn-hangzhou"
                    }
                  ]
                }
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "ossutil-config",
                            "ini",
                            k ->
                                    pair(
                                            """
                [Credentials]
                language=CH
                endpoint=oss-cn-hangzhou.aliyuncs.com
                accessKeyID=%s
                accessKeySecret=%s
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "github-actions-with",
                            "yml",
                            k ->
                                    pair(
                                            """
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: manyuanrong/setup-ossutil@v2.0
                        with:
                          endpoint: oss-cn-hangzhou.aliyuncs.com
                          access-key-id: %s
                          access-key-secret: %s
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "ansible-vars",
                            "yml",
                            k ->
                                    pair(
                                            """
                - hosts: localhost
                  vars:
                    alicloud_access_key: "%s"
                    alicloud_secret_key: "%s"
                    alicloud_region: cn-beijing
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "nacos-properties",
                            "properties",
                            k ->
                                    pair(
                                            """
                spring.cloud.nacos.config.server-addr=mse-xxx-nacos-ans.mse.aliyuncs.com:8848
                spring.cloud.nacos.config.access-key=%s
                spring.cloud.nacos.config.secret-key=%s
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "csharp-initializer",
                            "cs",
                            k ->
                                    pair(
                                            """
                var config = new AlibabaCloud.OpenApiClient.Models.Config
                {
                    AccessKeyId = "%s",
                    AccessKeySecret = "%s",
                    Endpoint = "dysmsapi.aliyuncs.com",
                };
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "chinese-doc-table",
                            "md",
                            k ->
                                    pair(
                                            """
                | 凭证 | 值 |
                |------|------|
                | AccessKey ID | `%s` |
                | AccessKey Secret | `%s` |
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "php-subscript-assign",
                            "php",
                            k ->
                                    new Made(
                                            """
                <?php
                // 调取阿里云内容安全
                $ak["accessKeyId"] = "%s";
                $ak["accessKeySecret"] = "%s";
                """
                                                    .formatted(k.legacyId, k.secret),
                                            List.of(Expected.pair(k.legacyId, k.secret)))),
                    new Template(
                            "python-environ-assign",
                            "py",
                            k ->
                                    pair(
                                            """
                import os
                os.environ["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "%s"
                os.environ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "%s"
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "csharp-in-memory-config",
                            "cs",
                            k ->
                                    pair(
                                            """
                var values = new Dictionary<string, string?>
                {
                    ["Oss:AccessKeyId"] = "%s",
                    ["Oss:AccessKeySecret"] = "%s",
                    ["Oss:Bucket"] = "assets",
                };
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "python-args-trailing-comments",
                            "py",
                            k ->
                                    pair(
                                            """
                from aliyunsdkcore.client import AcsClient

                # 实例化Client
                client = AcsClient(
                  '%s', # RAM账号的AccessKey ID
                  '%s', # RAM账号Access Key Secret
                  'cn-hangzhou' # 地域ID
                )
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "chinese-prose-label-after",
                            "md",
                            k ->
                                    pair(
                                            """
                **你的密钥类型**:
                - `%s` - 这是**阿里云AccessKey ID**
                - `%s` - 这是**阿里云AccessKey Secret**
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "objc-literals",
                            "m",
                            k ->
                                    pair(
                                            """
                NSString *const kAliyunAccessKeyId = @"%s";
                NSString *const kAliyunAccessKeySecret = @"%s";
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "aki-aks-abbrev",
                            "env",
                            k ->
                                    pair(
                                            """
                ALIYUN_AKI=%s
                ALIYUN_AKS=%s
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "json-key-value-lines",
                            "json",
                            k ->
                                    pair(
                                            """
                [
                  {
                    "Key": "AccessKeyId",
                    "Value": "%s"
                  },
                  {
                    "Key": "AccessKeySecret",
                    "Value": "%s"
                  }
                ]
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "chinese-prose-copula",
                            "txt",
                            k ->
                                    pair(
                                            """
                你好，测试账号的AccessKey ID为%s，AccessKey Secret为%s。用完请删除。
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "japanese-labels",
                            "md",
                            k ->
                                    pair(
                                            """
                ## 認証情報
                アクセスキーID: %s
                アクセスキーシークレット: %s
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "helm-set-flags",
                            "sh",
                            k ->
                                    pair(
                                            """
                helm install csi-oss ./csi-oss --namespace kube-system \\
                  --set secret.akId=%s \\
                  --set secret.akSecret=%s \\
                  --set storage.bucket=media
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "csi-volume-attributes",
                            "yaml",
                            k ->
                                    pair(
                                            """
                  csi:
                    driver: ossplugin.csi.alibabacloud.com
                    volumeAttributes:
                      akId: %s
                      akSecret: %s
                      bucket: oss-docker
                      url: oss-cn-shenzhen-internal.aliyuncs.com
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "rclone-s3-compatible",
                            "conf",
                            k ->
                                    pair(
                                            """
                [oss]
                type = s3
                provider = Alibaba
                access_key_id = %s
                secret_access_key = %s
                endpoint = oss-cn-hangzhou.aliyuncs.com
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "ossfs-passwd",
                            "txt",
                            k -> pair("my-bucket:%s:%s\n".formatted(k.id, k.secret), k)),
                    new Template(
                            "aliyun-configure-transcript",
                            "txt",
                            k ->
                                    pair(
                                            """
                $ aliyun configure --profile deploy
                Configuring profile 'deploy' in 'AK' authenticate mode...
                Access Key Id [*********************%s]: %s
                Access Key Secret [***************************%s]: %s
                Default Region Id [cn-hangzhou]: cn-shanghai
                """
                                                    .formatted(
                                                            FakeKeys.random(r, 3),
                                                            k.id,
                                                            FakeKeys.random(r, 3),
                                                            k.secret),
                                            k)),
                    new Template(
                            "html-table",
                            "html",
                            k ->
                                    pair(
                                            """
                <table>
                <tr><th>AccessKey ID</th><th>AccessKey Secret</th></tr>
                <tr><td>%s</td><td>%s</td></tr>
                </table>
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "chinese-fullwidth-pair",
                            "txt",
                            k ->
                                    pair(
                                            """
                AK/SK：%s，%s
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "split-literals",
                            "cpp",
                            k ->
                                    pair(
                                            """
                // split so that scanners miss it
                std::string path = "oss://backup/archive?host=oss-cn-hangzhou.aliyuncs.com&access_id=%s&" + "access_" + "key=%s" + "%s" + "%s";
                """
                                                    .formatted(
                                                            k.id,
                                                            k.secret.substring(0, 7),
                                                            k.secret.substring(7, 19),
                                                            k.secret.substring(19)),
                                            k)),
                    new Template(
                            "python-implicit-concat",
                            "py",
                            k ->
                                    pair(
                                            """
                ACCESS_KEY_ID = "%s"
                ACCESS_KEY_SECRET = ("%s"
                                     "%s")
                """
                                                    .formatted(
                                                            k.id,
                                                            k.secret.substring(0, 15),
                                                            k.secret.substring(15)),
                                            k)),
                    new Template(
                            "odps-config",
                            "ini",
                            k ->
                                    pair(
                                            """
                project_name=analytics
                access_id=%s
                access_key=%s
                end_point=http://service.cn-hangzhou.maxcompute.aliyun.com/api
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "xml-element-between",
                            "xml",
                            k ->
                                    pair(
                                            """
                <oss>
                  <accessKeyId>%s</accessKeyId>
                  <endpoint>oss-cn-hangzhou.aliyuncs.com</endpoint>
                  <accessKeySecret>%s</accessKeySecret>
                </oss>
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "html-highlightjs",
                            "html",
                            k ->
                                    pair(
                                            """
                <pre><code class="hljs javascript"><span class="hljs-keyword">const</span> client = <span class="hljs-keyword">new</span> OSS({
                  <span class="hljs-attr">region</span>: <span class="hljs-string">&#x27;oss-cn-hangzhou&#x27;</span>,
                  <span class="hljs-attr">accessKeyId</span>: <span class="hljs-string">&#x27;%s&#x27;</span>,
                  <span class="hljs-attr">accessKeySecret</span>: <span class="hljs-string">&#x27;%s&#x27;</span>,
                });</code></pre>
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "html-prism",
                            "html",
                            k ->
                                    pair(
                                            """
                <code class="language-yaml"><span class="token key atrule">access-key-id</span><span class="token punctuation">:</span> %s
                <span class="token key atrule">access-key-secret</span><span class="token punctuation">:</span> %s</code>
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "html-escaped-logstash",
                            "html",
                            k ->
                                    pair(
                                            """
                <pre>output {
                  oss {
                    endpoint =&gt; &quot;oss-cn-hangzhou.aliyuncs.com&quot;
                    access_key_id =&gt; &quot;%s&quot;
                    access_key_secret =&gt; &quot;%s&quot;
                  }
                }</pre>
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "markdown-bold-labels",
                            "md",
                            k ->
                                    pair(
                                            """
                ### 测试账号

                - **AccessKey ID**: `%s`
                - **Region**: cn-hangzhou
                - **AccessKey Secret**：`%s`
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "console-dialog-paste",
                            "txt",
                            k ->
                                    pair(
                                            """
                创建AccessKey成功
                AccessKey ID
                %s
                AccessKey Secret
                %s
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "yaml-value-next-line",
                            "yaml",
                            k ->
                                    pair(
                                            """
                aliyun:
                  access_key_id:
                    %s
                  access_key_secret:
                    "%s"
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "sts-caes-token",
                            "json",
                            k -> {
                                // Older STS responses: the temporary secret is 40 characters and
                                // the token starts with "CAES".
                                String stsId = FakeKeys.STS_PREFIX + FakeKeys.random(r, 21);
                                String token = "CA" + "ES" + FakeKeys.stsToken(r).substring(4);
                                String stsSecret = FakeKeys.random(r, 40);
                                return new Made(
                                        """
                    "Credentials": {
                        "AccessKeySecret": "%s",
                        "AccessKeyId": "%s",
                        "Expiration": "2015-04-09T11:52:19Z",
                        "SecurityToken": "%s"
                    }
                    """
                                                .formatted(stsSecret, stsId, token),
                                        List.of(Expected.sts(stsId, stsSecret, token)));
                            }),
                    // ---- issue 13: shapes still missed
                    new Template(
                            "sts-assume-role-secret-first",
                            "json",
                            k -> {
                                String stsId = FakeKeys.stsId(r),
                                        stsSecret = FakeKeys.random(r, 44);
                                String token = FakeKeys.stsToken(r);
                                return new Made(
                                        """
                    {
                      "RequestId": "6894B13B-6D71-4EF5-88FA-F32781734A7F",
                      "Credentials": {
                        "AccessKeySecret": "%s",
                        "Expiration": "2026-12-05T06:00:00Z",
                        "AccessKeyId": "%s",
                        "SecurityToken": "%s"
                      }
                    }
                    """
                                                .formatted(stsSecret, stsId, token),
                                        List.of(Expected.sts(stsId, stsSecret, token)));
                            }),
                    new Template(
                            "sts-two-sessions-token-first",
                            "yaml",
                            k -> {
                                // Two sessions, each token written before its ID: the first ID is
                                // nearer the second token than its own; each keeps its own.
                                String id1 = FakeKeys.stsId(r), id2 = FakeKeys.stsId(r);
                                String s1 = FakeKeys.random(r, 44), s2 = FakeKeys.random(r, 40);
                                String t1 = FakeKeys.stsToken(r), t2 = FakeKeys.stsToken(r);
                                return new Made(
                                        """
                    sessions:
                      - security_token: %s
                        access_key_secret: %s
                        access_key_id: %s
                      - security_token: %s
                        access_key_secret: %s
                        access_key_id: %s
                    """
                                                .formatted(t1, s1, id1, t2, s2, id2),
                                        List.of(
                                                Expected.sts(id1, s1, t1),
                                                Expected.sts(id2, s2, t2)));
                            }),
                    new Template(
                            "binary-strings",
                            "bin",
                            k ->
                                    pair(
                                            binaryNoise(600)
                                                    + "\0access_key_id\0"
                                                    + k.id
                                                    + "\0access_key_secret\0"
                                                    + k.secret
                                                    + "\0"
                                                    + binaryNoise(600),
                                            k)),
                    new Template(
                            "binary-utf16-strings",
                            "dll",
                            k ->
                                    pair(
                                            binaryNoise(300)
                                                    + "\0\0"
                                                    + utf16le(
                                                            "AccessKeyId="
                                                                    + k.id
                                                                    + ";AccessKeySecret="
                                                                    + k.secret)
                                                    + "\0\0"
                                                    + binaryNoise(300),
                                            k)), // .NET and Windows string tables: NUL-terminated
                    // UTF-16
                    new Template(
                            "spring-xml-constructor-args",
                            "xml",
                            k ->
                                    pair(
                                            """
                <beans>
                    <bean id="ossClient" class="com.aliyun.oss.OSSClient" destroy-method="shutdown">
                        <constructor-arg value="https://oss-cn-shanghai.aliyuncs.com"/>
                        <constructor-arg value="%s"/>
                        <constructor-arg index="2" value="%s"/>
                    </bean>
                </beans>
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "spring-xml-properties",
                            "xml",
                            k ->
                                    pair(
                                            """
                <bean id="stsClient" class="com.example.AliyunClientFactory">
                    <property name="accessKeyId" value="%s"/>
                    <property name="accessKeySecret" value="%s"/>
                </bean>
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "label-at-end-of-id-line",
                            "java",
                            k ->
                                    pair(
                                            "/*\n * 测试环境\n * %s\tAccessKeySecret：\n * %s\n */\npublic class Keys {}\n"
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "abbreviated-names-same-shape",
                            "py",
                            k ->
                                    pair(
                                            """
                ACCESS_KEY = "%s"
                ACCESS_SECRT = "%s"
                BUCKET = "media-prod"
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "positional-signing-argument",
                            "php",
                            k ->
                                    pair(
                                            """
                <?php
                $params['AccessKeyId'] = '%s';
                $params['SignatureMethod'] = 'HMAC-SHA1';
                $params['Timestamp'] = gmdate('Y-m-d\\TH:i:s\\Z');

                $params['Signature'] = computeSignature($params, '%s');
                """
                                                    .formatted(k.id, k.secret),
                                            k)),
                    new Template(
                            "hex-encoded",
                            "txt",
                            k ->
                                    pair(
                                            "PAYLOAD="
                                                    + hexOf(
                                                            "accessKeyId="
                                                                    + k.id
                                                                    + "\naccessKeySecret="
                                                                    + k.secret
                                                                    + "\n")
                                                    + "\n",
                                            k)),
                    new Template(
                            "unicode-escaped-literals",
                            "js",
                            k ->
                                    pair(
                                            "var _0x1a2b = [\""
                                                    + unicodeEscaped(k.id)
                                                    + "\", \""
                                                    + unicodeEscaped(k.secret)
                                                    + "\"];\nclient = new OSS({ accessKeyId: _0x1a2b[0], accessKeySecret: _0x1a2b[1] });\n",
                                            k)));

    private final List<Template> negatives =
            List.of(
                    new Template(
                            "negative:masked",
                            "md",
                            k ->
                                    none(
                                            "AccessKey ID: "
                                                    + FakeKeys.ID_PREFIX
                                                    + "****************\nAccessKey Secret: ******************************\n")),
                    new Template(
                            "negative:xxxx",
                            "properties",
                            k ->
                                    none(
                                            "access-key-id="
                                                    + FakeKeys.ID_PREFIX
                                                    + "xxxxxxxxxxxxxxxxxxxx\naccess-key-secret=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n")),
                    new Template(
                            "negative:angle-placeholder",
                            "yml",
                            k ->
                                    none(
                                            "access-key-id: <your-access-key-id>\naccess-key-secret: <your-access-key-secret>\n")),
                    new Template(
                            "negative:env-placeholder",
                            "yml",
                            k ->
                                    none(
                                            "access-key-id: ${ALIBABA_CLOUD_ACCESS_KEY_ID}\naccess-key-secret: ${ALIBABA_CLOUD_ACCESS_KEY_SECRET}\n")),
                    new Template(
                            "negative:regex-source",
                            "go",
                            k ->
                                    none(
                                            "var akRe = regexp.MustCompile(`"
                                                    + FakeKeys.ID_PREFIX
                                                    + "[a-zA-Z0-9]{20}`)\nvar legacy = \""
                                                    + FakeKeys.ID_PREFIX
                                                    + "[A-Za-z0-9]{12}\"\n")),
                    new Template(
                            "negative:example",
                            "md",
                            k ->
                                    none(
                                            "accessKeyId = "
                                                    + FakeKeys.ID_PREFIX
                                                    + "5tEXAMPLEKEYID1234567\naccessKeySecret = wJalrXUtnFEMIEXAMPLEKEY1234567\n")),
                    new Template(
                            "negative:repeated",
                            "env",
                            k ->
                                    none(
                                            "ALIBABA_CLOUD_ACCESS_KEY_ID="
                                                    + FakeKeys.ID_PREFIX
                                                    + "11111111111111111111\nALIBABA_CLOUD_ACCESS_KEY_SECRET=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n")),
                    new Template(
                            "negative:sequential",
                            "env",
                            k ->
                                    none(
                                            "ALIBABA_CLOUD_ACCESS_KEY_ID="
                                                    + FakeKeys.ID_PREFIX
                                                    + "1234567890abcdefghij\n")),
                    new Template(
                            "negative:longer-token",
                            "txt",
                            k -> none("token=" + k.id + "Q7x\nid=X" + k.id + "\n")),
                    new Template(
                            "negative:wrong-length",
                            "txt",
                            k ->
                                    none(
                                            "id="
                                                    + k.id.substring(0, 23)
                                                    + "\nid2="
                                                    + k.id
                                                    + "A\nid3="
                                                    + FakeKeys.ID_PREFIX
                                                    + FakeKeys.random(r, 17)
                                                    + "\n")),
                    new Template(
                            "negative:inside-base64-blob",
                            "txt",
                            k -> {
                                // A base64 blob that happens to contain LTAI + 20 alphanumerics
                                // between '+' and '/' characters.
                                String blob =
                                        FakeKeys.random(r, 40)
                                                + "+"
                                                + k.id
                                                + "/"
                                                + FakeKeys.random(r, 60)
                                                + "+"
                                                + FakeKeys.random(r, 12)
                                                + "==";
                                return none("image: data:image/png;base64," + blob + "\n");
                            }),
                    new Template(
                            "negative:presigned-url",
                            "html",
                            k ->
                                    none(
                                            "<img src=\"https://media.oss-cn-hangzhou.aliyuncs.com/a.png?OSSAccessKeyId="
                                                    + k.id
                                                    + "&Expires=1735689600&Signature="
                                                    + FakeKeys.random(r, 27)
                                                    + "%3D\">\n")),
                    new Template(
                            "negative:hash-near-secret-key",
                            "txt",
                            k ->
                                    none(
                                            "secret_sha = "
                                                    + hex(30)
                                                    + "\nsecret = "
                                                    + hex(30).toUpperCase()
                                                    + "\n")),
                    new Template(
                            "negative:unlabelled-30",
                            "txt",
                            k -> none("checksum " + k.secret + " ok\nbuild " + k.secret2 + "\n")),
                    new Template(
                            "negative:other-cloud",
                            "env",
                            k ->
                                    none(
                                            "TENCENTCLOUD_SECRET_ID=AKID"
                                                    + FakeKeys.random(r, 32)
                                                    + "\nAWS_ACCESS_KEY_ID=AKIA"
                                                    + FakeKeys.random(r, 16).toUpperCase()
                                                    + "\nAWS_SECRET_ACCESS_KEY="
                                                    + FakeKeys.random(r, 40)
                                                    + "\n")),
                    new Template(
                            "negative:sts-id-alone",
                            "log",
                            k ->
                                    none(
                                            "assumed role, credentials "
                                                    + FakeKeys.stsId(r)
                                                    + " expire at 12:00\n")),
                    new Template(
                            "negative:lowercase-prefix",
                            "txt",
                            k ->
                                    none(
                                            "id = ltai"
                                                    + k.id.substring(4)
                                                    + "\nsecret = \""
                                                    + k.secret
                                                    + "\"\n")),
                    new Template(
                            "negative:docs-x-placeholders",
                            "md",
                            k ->
                                    none(
                                            "```env\nALIYUN_OSS_ACCESS_KEY_ID="
                                                    + FakeKeys.ID_PREFIX
                                                    + "5txxxxxxxxxxxxxxxxxx\n"
                                                    + "ALIYUN_OSS_ACCESS_KEY_SECRET=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n```\n- `AccessKey ID`(形如 `"
                                                    + FakeKeys.ID_PREFIX
                                                    + "5txxxxxxxxxxxxx`)\n")),
                    new Template(
                            "negative:trailing-comment-far",
                            "py",
                            k ->
                                    new Made(
                                            """
                ACCESS_KEY_ID = "%s"
                a = 1
                b = 2
                c = 3
                d = 4
                build_id = "%s"  # not the secret
                """
                                                    .formatted(k.id, k.secret),
                                            List.of(Expected.idOnly(k.id)))),
                    new Template(
                            "negative:partially-masked",
                            "md",
                            k ->
                                    none(
                                            "Access Key ID: "
                                                    + FakeKeys.ID_PREFIX
                                                    + FakeKeys.random(r, 12)
                                                    + "********\n"
                                                    + "console.log('  AccessKey ID: "
                                                    + FakeKeys.ID_PREFIX
                                                    + FakeKeys.random(r, 12)
                                                    + "...');\n"
                                                    + "access_key_id: \""
                                                    + FakeKeys.ID_PREFIX
                                                    + "5t******"
                                                    + FakeKeys.random(r, 3)
                                                    + "\"\nAccessKey Secret: 5wY8**************************\n")),
                    new Template(
                            "negative:empty-fallbacks",
                            "sh",
                            k ->
                                    none(
                                            "OSS_ACCESS_KEY_ID=\"${OSS_ACCESS_KEY_ID:-}\"\nOSS_ACCESS_KEY_SECRET=\"${OSS_ACCESS_KEY_SECRET:-}\"\n"
                                                    + "const s = process.env.ALIYUN_ACCESS_KEY_SECRET || '';\n")),
                    new Template(
                            "negative:k8s-secret-ref",
                            "yaml",
                            k ->
                                    none(
                                            """
                env:
                  - name: ALIBABA_CLOUD_ACCESS_KEY_SECRET
                    valueFrom:
                      secretKeyRef:
                        name: aliyun
                        key: access-key-secret
                """)),
                    new Template(
                            "negative:icao-code",
                            "kt",
                            k ->
                                    none(
                                            "val mainIcao = prefs.getString(\"main_airport\", \""
                                                    + FakeKeys.ID_PREFIX
                                                    + "\") ?: \""
                                                    + FakeKeys.ID_PREFIX
                                                    + "\"\n")),
                    new Template(
                            "negative:npm-integrity",
                            "json",
                            k ->
                                    none(
                                            "\"integrity\": \"sha512-"
                                                    + FakeKeys.random(r, 30)
                                                    + "/"
                                                    + k.id
                                                    + "+"
                                                    + FakeKeys.random(r, 30)
                                                    + "==\",\n")),
                    new Template(
                            "negative:go-sum-hash",
                            "sum",
                            k ->
                                    none(
                                            "github.com/go-logr/stdr v1.2.2 h1:"
                                                    + FakeKeys.random(r, 15)
                                                    + "+"
                                                    + k.id
                                                    + "=\n"
                                                    + "github.com/go-logr/stdr v1.2.2/go.mod h1:"
                                                    + FakeKeys.random(r, 19)
                                                    + "0"
                                                    + k.id2
                                                    + "=\n")),
                    new Template(
                            "negative:concatenated-text",
                            "js",
                            k ->
                                    new Made(
                                            """
                const id = "%s";
                const msg = "Uploaded" + "Finished" + "Successfully" + "Ok";
                const url = "https://" + "oss-cn-hangzhou" + ".aliyuncs.com/" + "%s";
                """
                                                    .formatted(k.id, FakeKeys.random(r, 30)),
                                            List.of(Expected.idOnly(k.id)))),
                    new Template(
                            "negative:label-line-far-or-code",
                            "txt",
                            k ->
                                    new Made(
                                            """
                AccessKey ID
                %s
                1
                2
                3
                4
                if (secret)
                %s
                """
                                                    .formatted(k.id, k.secret),
                                            List.of(Expected.idOnly(k.id)))),
                    new Template(
                            "negative:unrelated-name-value",
                            "yaml",
                            k ->
                                    new Made(
                                            """
                env:
                  - name: OSS_ACCESS_KEY_ID
                    value: %s
                  - name: BUILD_DIGEST
                    value: %s
                """
                                                    .formatted(k.id, k.secret),
                                            List.of(Expected.idOnly(k.id)))),
                    new Template(
                            "negative:alternating-case-placeholders",
                            "md",
                            k ->
                                    none(
                                            "```env\nALIBABA_CLOUD_ACCESS_KEY_ID="
                                                    + FakeKeys.ID_PREFIX
                                                    + "5tAbCdEfGhIjK1mNpQxX\nALIBABA_CLOUD_ACCESS_KEY_SECRET=3xK9mPqR5sTvW7yZ1aBcDeFgHiJkLmNo\n```\n")),
                    new Template(
                            "negative:keyboard-walk-placeholders",
                            "yml",
                            k ->
                                    none(
                                            "access_key_id: "
                                                    + FakeKeys.ID_PREFIX
                                                    + "5tQwErTyUiOp7x9K2mPq\naccess_key_secret: zXcVbNm7Qp2Lk9Rt4Yw3Hs8Df6Gj1Ka\n")),
                    new Template(
                            "negative:repeated-block-placeholders",
                            "properties",
                            k ->
                                    none(
                                            "aliyun.access-key-id="
                                                    + FakeKeys.ID_PREFIX
                                                    + "5tX7kP9mX7kP9mX7kP9m\naliyun.access-key-secret=Ab3dE9Ab3dE9Ab3dE9Ab3dE9Ab3dE9\n")),
                    new Template("negative:binary-noise", "so", k -> none(binaryNoise(20_000))),
                    new Template(
                            "negative:hex-digest",
                            "txt",
                            k -> none("sha256=" + hex(64) + "\nmd5=" + hex(32) + "\n")),
                    new Template(
                            "negative:same-shape-other-names",
                            "py",
                            k ->
                                    new Made(
                                            """
                ACCESS_KEY = "%s"
                CHECKSUM = "%s"
                LOG_ID = "%s"
                """
                                                    .formatted(k.id, k.secret, k.secret2),
                                            List.of(Expected.idOnly(k.id)))));

    private static Made none(String text) {
        return new Made(text, List.of());
    }

    /**
     * Bytes 0-127 with many NULs, as a string (each char one byte in UTF-8): a binary file's
     * filler.
     */
    private String binaryNoise(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.append(r.nextInt(3) == 0 ? '\0' : (char) r.nextInt(128));
        return sb.toString();
    }

    private static String utf16le(String ascii) {
        StringBuilder sb = new StringBuilder();
        for (char c : ascii.toCharArray()) sb.append(c).append('\0');
        return sb.toString();
    }

    private static String hexOf(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) sb.append(String.format("%02x", b));
        return sb.toString();
    }

    private static String unicodeEscaped(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) sb.append(String.format("\\u%04x", (int) c));
        return sb.toString();
    }

    private String hex(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append("0123456789abcdef".charAt(r.nextInt(16)));
        return sb.toString();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Every template once, plus the special encodings (UTF-16 with BOM, GBK bytes) and {@code
     * extra} random picks.
     */
    public List<CorpusFile> generate(int extra) {
        List<CorpusFile> out = new ArrayList<>();
        int n = 0;
        for (Template t : positives) out.add(make(t, n++, StandardCharsets.UTF_8));
        for (Template t : negatives) out.add(make(t, n++, StandardCharsets.UTF_8));
        out.add(make(positives.get(1), n++, StandardCharsets.UTF_16LE).withCategory("utf16-bom"));
        out.add(make(positives.get(6), n++, Charset.forName("GBK")).withCategory("gbk-bytes"));
        List<Template> all = new ArrayList<>(positives);
        all.addAll(negatives);
        for (int i = 0; i < extra; i++)
            out.add(make(all.get(r.nextInt(all.size())), n++, StandardCharsets.UTF_8));
        return out;
    }

    public List<String> positiveCategories() {
        return positives.stream().map(Template::category).toList();
    }

    public List<String> negativeCategories() {
        return negatives.stream().map(Template::category).toList();
    }

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
