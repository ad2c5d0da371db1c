package dev.akguard.monitor.alibaba;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.auth.AlibabaCloudCredentials;
import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.auth.DefaultCredentialsProvider;
import com.aliyuncs.auth.StaticCredentialsProvider;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.utils.AuthUtils;
import dev.akguard.monitor.redact.Redaction;
import dev.akguard.monitor.store.Database;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The security team's own Alibaba Cloud credentials (for RAM and ActionTrail), found the platform
 * way: the SDK's {@link DefaultCredentialsProvider} chain, i.e. the system properties {@code
 * alibabacloud.accessKeyId} / {@code alibabacloud.accessKeySecret}, the environment ({@value
 * #ENV_ID} / {@value #ENV_SECRET}, optional {@value #ENV_TOKEN}), OIDC role (RRSA on ACK: {@code
 * ALIBABA_CLOUD_ROLE_ARN}, {@code ALIBABA_CLOUD_OIDC_PROVIDER_ARN}, {@code
 * ALIBABA_CLOUD_OIDC_TOKEN_FILE}), the CLI's profiles ({@code ~/.aliyun/config.json}), the
 * credentials file ({@code ALIBABA_CLOUD_CREDENTIALS_FILE}, default {@code
 * $HOME/.alibabacloud/credentials}), the ECS RAM role named by {@code ALIBABA_CLOUD_ECS_METADATA},
 * and a credentials URI ({@code ALIBABA_CLOUD_CREDENTIALS_URI}). Role-based credentials are
 * refreshed by the SDK, so a monitor on ECS or ACK needs no long-lived AccessKey. Never printed:
 * {@link #toString()} names only the AccessKey ID and the source.
 */
public final class AdminCredentials {
    public static final String ENV_ID = "ALIBABA_CLOUD_ACCESS_KEY_ID";
    public static final String ENV_SECRET = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
    public static final String ENV_TOKEN = "ALIBABA_CLOUD_SECURITY_TOKEN";
    static final String ENV_FILE = "ALIBABA_CLOUD_CREDENTIALS_FILE";
    static final String ENV_ECS_ROLE = "ALIBABA_CLOUD_ECS_METADATA";

    /** Where the chain looks, for messages. */
    static final String CHAIN = "the Alibaba Cloud credentials chain";

    private final AlibabaCloudCredentialsProvider provider;
    private final String accessKeyId;
    private final String source;

    private AdminCredentials(
            AlibabaCloudCredentialsProvider provider, String accessKeyId, String source) {
        this.provider = provider;
        this.accessKeyId = accessKeyId;
        this.source = source;
    }

    /** Fixed credentials (tests, or a caller that has them); {@code securityToken} may be null. */
    public AdminCredentials(
            String accessKeyId, String secret, String securityToken, String source) {
        this(
                new StaticCredentialsProvider(
                        securityToken == null || securityToken.isBlank()
                                ? new BasicCredentials(accessKeyId, secret)
                                : new BasicSessionCredentials(accessKeyId, secret, securityToken)),
                accessKeyId,
                source);
    }

    /**
     * From the SDK's default chain, with the credentials file under {@code $HOME} as git and the
     * monitor use it.
     */
    public static AdminCredentials load() {
        return load(System::getenv, Database.home());
    }

    /**
     * @throws AlibabaCredentialsException when no link of the chain has credentials, saying where
     *     to put them
     */
    static synchronized AdminCredentials load(UnaryOperator<String> env, Path home) {
        Path file = home.resolve(".alibabacloud").resolve("credentials");
        if (env.apply(ENV_FILE) == null) AuthUtils.setEnvironmentCredentialsFile(file.toString());
        // The ECS link asks the instance metadata service (100.100.100.200) for a role when none is
        // named: only
        // where a role is named, so a laptop or CI runner never sends that request.
        AuthUtils.disableECSMetaData(env.apply(ENV_ECS_ROLE) == null);
        try {
            AlibabaCloudCredentialsProvider chain = new DefaultCredentialsProvider();
            AlibabaCloudCredentials found = chain.getCredentials();
            if (found == null
                    || found.getAccessKeyId() == null
                    || found.getAccessKeyId().isBlank()) {
                throw new ClientException("no credentials");
            }
            return new AdminCredentials(chain, found.getAccessKeyId(), CHAIN);
        } catch (ClientException | RuntimeException e) {
            throw new AlibabaCredentialsException(
                    "No Alibaba Cloud admin credentials: set "
                            + ENV_ID
                            + " and "
                            + ENV_SECRET
                            + " (and "
                            + ENV_TOKEN
                            + " for STS), or write "
                            + file
                            + " with a [default] section holding enable = true, "
                            + "type = access_key, access_key_id and access_key_secret, or run on ECS with "
                            + ENV_ECS_ROLE
                            + " naming the instance's RAM role (ACK: the RRSA OIDC variables). The chain said: "
                            + Redaction.signedUrls(String.valueOf(e.getMessage())));
        }
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    /** Where the credentials came from, for messages. */
    public String source() {
        return source;
    }

    /**
     * An SDK client signing with these credentials (role credentials refreshed by the SDK); the
     * region only matters for regional endpoints.
     */
    IAcsClient client(String region) {
        return new DefaultAcsClient(DefaultProfile.getProfile(region), provider);
    }

    @Override
    public String toString() {
        return "AdminCredentials[" + accessKeyId + ", from " + source + "]";
    }

    /** For tests: the environment as a map. */
    static UnaryOperator<String> env(Map<String, String> vars) {
        return vars::get;
    }
}
