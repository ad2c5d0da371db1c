package dev.akguard.monitor.alibaba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlibabaEndpointTest {
    @Test
    void productionUsesEachProductsHostOverHttps() {
        AlibabaEndpoint p = AlibabaEndpoint.production();
        GetCallerIdentityRequest req = new GetCallerIdentityRequest();
        p.apply(req, KeyValidator.STS_HOST);
        assertEquals(ProtocolType.HTTPS, req.getSysProtocol());
        assertEquals("sts.aliyuncs.com", req.getSysProductDomain().getDomainName());
        assertEquals(
                "actiontrail.cn-shanghai.aliyuncs.com",
                p.hostFor("actiontrail.cn-shanghai.aliyuncs.com"));
        assertFalse(p.isOverride());
    }

    @Test
    void loopbackHttpOverrideSendsEveryProductThere() {
        AlibabaEndpoint o = AlibabaEndpoint.override("http://127.0.0.1:8090");
        GetCallerIdentityRequest req = new GetCallerIdentityRequest();
        o.apply(req, KeyValidator.STS_HOST);
        assertEquals("127.0.0.1:8090", req.getSysProductDomain().getDomainName());
        assertEquals(ProtocolType.HTTP, req.getSysProtocol());
        assertEquals("127.0.0.1:8090", o.hostFor(RamAdmin.RAM_HOST));
        assertEquals(ProtocolType.HTTP, AlibabaEndpoint.override("http://localhost:1/").protocol());
        assertEquals("[::1]:9", AlibabaEndpoint.override("http://[::1]:9").hostFor("x"));
    }

    @Test
    void httpsAndBareHostOverrides() {
        assertEquals(
                ProtocolType.HTTPS,
                AlibabaEndpoint.override("https://gw.corp.example:8443").protocol());
        AlibabaEndpoint bare = AlibabaEndpoint.override("gw.corp.example");
        assertEquals(ProtocolType.HTTPS, bare.protocol());
        assertEquals("gw.corp.example", bare.hostFor("sts.aliyuncs.com"));
    }

    @Test
    void plainHttpToANetworkHostIsRefusedWithAFix() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> AlibabaEndpoint.override("http://gw.corp.example:8080"));
        assertTrue(
                e.getMessage().contains("plain http is allowed only for loopback"), e.getMessage());
        assertTrue(e.getMessage().contains("https://gw.corp.example:8080"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> AlibabaEndpoint.override("http://127.0.0.1.evil.example"));
        assertThrows(
                IllegalArgumentException.class, () -> AlibabaEndpoint.override("http://10.0.0.1"));
    }

    @Test
    void malformedOverridesAreRefused() {
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> AlibabaEndpoint.override("ftp://127.0.0.1"))
                        .getMessage()
                        .contains("scheme"));
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> AlibabaEndpoint.override("http://127.0.0.1:8090/api"))
                        .getMessage()
                        .contains("path"));
        assertThrows(IllegalArgumentException.class, () -> AlibabaEndpoint.override("http://"));
        assertThrows(IllegalArgumentException.class, () -> AlibabaEndpoint.override("http://a b"));
    }

    @Test
    void environmentVariableSelectsTheOverride() {
        assertEquals(
                "127.0.0.1:1234",
                AlibabaEndpoint.fromEnvironment(
                                Map.of(AlibabaEndpoint.ENV, "http://127.0.0.1:1234"))
                        .hostFor("x"));
        assertFalse(AlibabaEndpoint.fromEnvironment(Map.of()).isOverride());
        assertFalse(
                AlibabaEndpoint.fromEnvironment(Map.of(AlibabaEndpoint.ENV, "  ")).isOverride());
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        AlibabaEndpoint.fromEnvironment(
                                Map.of(AlibabaEndpoint.ENV, "http://example.com")));
    }
}
