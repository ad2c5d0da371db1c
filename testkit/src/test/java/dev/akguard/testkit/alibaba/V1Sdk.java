package dev.akguard.testkit.alibaba;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.auth.StaticCredentialsProvider;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;

/** The official v1 SDK pointed at the emulator, the way API-FACTS.md says. */
final class V1Sdk {
    private V1Sdk() {}

    static DefaultAcsClient client(EmulatedKey key) {
        DefaultProfile profile = DefaultProfile.getProfile("cn-hangzhou", key.id(), key.secret());
        if (key.securityToken() != null) {
            return new DefaultAcsClient(
                    profile,
                    new StaticCredentialsProvider(
                            new BasicSessionCredentials(
                                    key.id(), key.secret(), key.securityToken())));
        }
        return new DefaultAcsClient(profile);
    }

    static DefaultAcsClient client(String id, String secret) {
        return new DefaultAcsClient(DefaultProfile.getProfile("cn-hangzhou", id, secret));
    }

    static <T extends AcsResponse> T call(
            DefaultAcsClient client, AcsRequest<T> request, AlibabaCloudEmulator emu)
            throws ClientException {
        request.setSysEndpoint(emu.endpoint());
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysConnectTimeout(2000);
        request.setSysReadTimeout(5000);
        return client.getAcsResponse(request);
    }
}
