package dev.akguard.testkit.alibaba;

import java.util.LinkedHashMap;
import java.util.Map;

/** STS 2015-04-01: GetCallerIdentity, which needs no permission and tells who owns the key. */
final class StsApi implements ProductApi {
    @Override
    public String product() {
        return "Sts";
    }

    @Override
    public String host() {
        return "sts.aliyuncs.com";
    }

    @Override
    public Map<String, Object> call(String action, Map<String, String> params, EmulatedKey caller) {
        if (!"GetCallerIdentity".equals(action)) {
            throw ProductApi.unknownAction(action);
        }
        String account = caller.account().id();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("AccountId", account);
        if (caller.isSession()) {
            String roleId = caller.account().roleId(caller.roleName());
            String principal = roleId + ":" + caller.roleSessionName();
            out.put("IdentityType", "AssumedRoleUser");
            out.put("UserId", principal);
            out.put("PrincipalId", principal);
            out.put("RoleId", roleId);
            out.put(
                    "Arn",
                    "acs:ram::"
                            + account
                            + ":assumed-role/"
                            + caller.roleName()
                            + "/"
                            + caller.roleSessionName());
        } else if (caller.user() != null) {
            out.put("IdentityType", "RAMUser");
            out.put("UserId", caller.user().userId());
            out.put("PrincipalId", caller.user().userId());
            out.put("Arn", "acs:ram::" + account + ":user/" + caller.user().name());
        } else {
            out.put("IdentityType", "Account");
            out.put("UserId", account);
            out.put("PrincipalId", account);
            out.put("Arn", "acs:ram::" + account + ":root");
        }
        return out;
    }
}
