package dev.akguard.monitor.alibaba;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.auth.StaticCredentialsProvider;
import com.aliyuncs.profile.DefaultProfile;

/**
 * Official v1 SDK clients for a key pair, with STS session credentials when a security token is
 * given.
 */
final class SdkClients {
    private SdkClients() {}

    /**
     * The region matters only for regional endpoints; every request gets its endpoint set
     * explicitly ({@link AlibabaEndpoint#apply}), so the SDK never resolves one over the network.
     */
    static IAcsClient create(
            String region, String accessKeyId, String secret, String securityToken) {
        DefaultProfile profile = DefaultProfile.getProfile(region, accessKeyId, secret);
        if (securityToken != null && !securityToken.isBlank()) {
            return new DefaultAcsClient(
                    profile,
                    new StaticCredentialsProvider(
                            new BasicSessionCredentials(accessKeyId, secret, securityToken)));
        }
        return new DefaultAcsClient(profile);
    }
}
