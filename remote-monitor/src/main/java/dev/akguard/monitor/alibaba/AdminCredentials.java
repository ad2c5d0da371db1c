package dev.akguard.monitor.alibaba;

import dev.akguard.monitor.redact.Redaction;

import com.aliyuncs.IAcsClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The security team's own Alibaba Cloud credentials (for RAM and ActionTrail), from the standard places:
 * `ALIBABA_CLOUD_ACCESS_KEY_ID` / `ALIBABA_CLOUD_ACCESS_KEY_SECRET` (+ optional `ALIBABA_CLOUD_SECURITY_TOKEN`),
 * else the `[default]` profile of `~/.alibabacloud/credentials`. Never printed: {@link #toString()} redacts.
 */
public final class AdminCredentials {
    public static final String ENV_ID = "ALIBABA_CLOUD_ACCESS_KEY_ID";
    public static final String ENV_SECRET = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
    public static final String ENV_TOKEN = "ALIBABA_CLOUD_SECURITY_TOKEN";

    private final String accessKeyId;
    private final String secret;
    private final String securityToken;
    private final String source;

    public AdminCredentials(String accessKeyId, String secret, String securityToken, String source) {
        this.accessKeyId = accessKeyId;
        this.secret = secret;
        this.securityToken = securityToken;
        this.source = source;
    }

    public static AdminCredentials load() {
        return load(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * @throws AlibabaCredentialsException when no complete pair is found, naming every place looked at
     */
    public static AdminCredentials load(Map<String, String> env, Path home) {
        String id = blankToNull(env.get(ENV_ID));
        String secret = blankToNull(env.get(ENV_SECRET));
        if (id != null || secret != null) {
            if (id == null || secret == null) {
                throw new AlibabaCredentialsException((id == null ? ENV_ID : ENV_SECRET) + " is not set but "
                        + (id == null ? ENV_SECRET : ENV_ID) + " is: set both, or neither to use ~/.alibabacloud/credentials");
            }
            return new AdminCredentials(id, secret, blankToNull(env.get(ENV_TOKEN)), "environment");
        }
        Path file = home.resolve(".alibabacloud").resolve("credentials");
        if (Files.isRegularFile(file)) {
            return fromIni(file);
        }
        throw new AlibabaCredentialsException("No Alibaba Cloud admin credentials: set " + ENV_ID + " and " + ENV_SECRET
                + ", or create " + file + " with a [default] section holding type = access_key, access_key_id and access_key_secret");
    }

    private static AdminCredentials fromIni(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AlibabaCredentialsException("Cannot read " + file + ": " + e.getMessage());
        }
        Map<String, String> section = new HashMap<>();
        String current = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = line.substring(1, line.length() - 1).strip();
                continue;
            }
            int eq = line.indexOf('=');
            if ("default".equals(current) && eq > 0) {
                section.put(line.substring(0, eq).strip().toLowerCase(Locale.ROOT), line.substring(eq + 1).strip());
            }
        }
        String type = section.getOrDefault("type", "access_key");
        if (!type.equals("access_key") && !type.equals("sts")) {
            throw new AlibabaCredentialsException(file + " [default] has type = " + type
                    + "; akguard reads only type = access_key (or sts); set the environment variables instead");
        }
        String id = blankToNull(section.get("access_key_id"));
        String secret = blankToNull(section.get("access_key_secret"));
        if (id == null || secret == null) {
            throw new AlibabaCredentialsException(file + " has no [default] section with access_key_id and access_key_secret");
        }
        return new AdminCredentials(id, secret, blankToNull(section.get("security_token")), file.toString());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String accessKeyId() { return accessKeyId; }

    /** Where the credentials came from ("environment" or the file path), for messages. */
    public String source() { return source; }

    /** An SDK client signing with these credentials; region only matters for regional endpoints. */
    IAcsClient client(String region) {
        return SdkClients.create(region, accessKeyId, secret, securityToken);
    }

    @Override
    public String toString() {
        return "AdminCredentials[" + accessKeyId + ", secret " + Redaction.secret(secret) + ", from " + source + "]";
    }
}
