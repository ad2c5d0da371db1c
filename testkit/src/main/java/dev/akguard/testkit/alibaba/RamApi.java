package dev.akguard.testkit.alibaba;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RAM 2015-05-01: users and their AccessKeys in the caller's account. Changes take effect at once,
 * so a key disabled here is refused by every product afterwards.
 */
final class RamApi implements ProductApi {
    private final Directory directory;

    RamApi(Directory directory) {
        this.directory = directory;
    }

    @Override
    public String product() {
        return "Ram";
    }

    @Override
    public String host() {
        return "ram.aliyuncs.com";
    }

    @Override
    public Map<String, Object> call(String action, Map<String, String> params, EmulatedKey caller) {
        return switch (action) {
            case "ListUsers" -> listUsers(params, caller);
            case "GetUser" -> getUser(params, caller);
            case "ListAccessKeys" -> listAccessKeys(params, caller);
            case "UpdateAccessKey" -> updateAccessKey(params, caller);
            case "DeleteAccessKey" -> deleteAccessKey(params, caller);
            case "GetAccessKeyLastUsed" -> lastUsed(params, caller);
            default -> throw ProductApi.unknownAction(action);
        };
    }

    private Map<String, Object> listUsers(Map<String, String> params, EmulatedKey caller) {
        List<EmulatedUser> users = caller.account().users();
        int maxItems = intParam(params, "MaxItems", 100, 1, 1000);
        int start = 0;
        String marker = params.get("Marker");
        if (marker != null && !marker.isEmpty()) {
            try {
                start = Integer.parseInt(marker);
            } catch (NumberFormatException e) {
                throw ApiException.invalid("Marker", "unknown marker");
            }
        }
        int end = Math.min(users.size(), start + maxItems);
        List<Object> list = new ArrayList<>();
        for (EmulatedUser u : users.subList(Math.min(start, users.size()), end)) {
            list.add(userFields(u));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("IsTruncated", end < users.size());
        if (end < users.size()) {
            out.put("Marker", Integer.toString(end));
        }
        out.put("Users", Map.of("User", list));
        return out;
    }

    private Map<String, Object> getUser(Map<String, String> params, EmulatedKey caller) {
        EmulatedUser user = namedUser(params, caller);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("User", userFields(user));
        return out;
    }

    private Map<String, Object> listAccessKeys(Map<String, String> params, EmulatedKey caller) {
        List<EmulatedKey> keys =
                params.containsKey("UserName") ? namedUser(params, caller).keys() : ownKeys(caller);
        List<Object> list = new ArrayList<>();
        for (EmulatedKey k : keys) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("AccessKeyId", k.id());
            m.put("Status", k.status());
            m.put("CreateDate", k.createDate().toString());
            list.add(m);
        }
        return new LinkedHashMap<>(Map.of("AccessKeys", Map.of("AccessKey", list)));
    }

    private Map<String, Object> updateAccessKey(Map<String, String> params, EmulatedKey caller) {
        EmulatedKey key = targetKey(params, caller);
        String status = required(params, "Status");
        switch (status) {
            case "Active" -> key.enable();
            case "Inactive" -> key.disable();
            default -> throw ApiException.invalid("Status", "must be Active or Inactive");
        }
        return new LinkedHashMap<>();
    }

    private Map<String, Object> deleteAccessKey(Map<String, String> params, EmulatedKey caller) {
        directory.delete(targetKey(params, caller));
        return new LinkedHashMap<>();
    }

    private Map<String, Object> lastUsed(Map<String, String> params, EmulatedKey caller) {
        Instant used = targetKey(params, caller).lastUsed();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("AccessKeyLastUsed", Map.of("LastUsedDate", used == null ? "" : used.toString()));
        return out;
    }

    /**
     * The key named by UserAccessKeyId, which must belong to UserName (or to the caller when
     * UserName is absent).
     */
    private EmulatedKey targetKey(Map<String, String> params, EmulatedKey caller) {
        String keyId = required(params, "UserAccessKeyId");
        List<EmulatedKey> keys =
                params.containsKey("UserName") ? namedUser(params, caller).keys() : ownKeys(caller);
        return keys.stream()
                .filter(k -> k.id().equals(keyId))
                .findFirst()
                .orElseThrow(
                        () ->
                                new ApiException(
                                        404,
                                        "EntityNotExist.User.AccessKey",
                                        "The AccessKey does not exist: " + keyId));
    }

    private List<EmulatedKey> ownKeys(EmulatedKey caller) {
        if (caller.user() != null) {
            return caller.user().keys();
        }
        if (caller.isRoot()) {
            return caller.account().rootKeys();
        }
        throw ApiException.missing("UserName");
    }

    private static EmulatedUser namedUser(Map<String, String> params, EmulatedKey caller) {
        String name = required(params, "UserName");
        return caller.account()
                .user(name)
                .orElseThrow(
                        () ->
                                new ApiException(
                                        404,
                                        "EntityNotExist.User",
                                        "The user does not exist: " + name));
    }

    private static Map<String, Object> userFields(EmulatedUser u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("UserId", u.userId());
        m.put("UserName", u.name());
        m.put("DisplayName", u.displayName());
        m.put("Comments", "");
        m.put("CreateDate", u.createDate().toString());
        m.put("UpdateDate", u.createDate().toString());
        return m;
    }

    static String required(Map<String, String> params, String name) {
        String v = params.get(name);
        if (v == null || v.isEmpty()) {
            throw ApiException.missing(name);
        }
        return v;
    }

    static int intParam(Map<String, String> params, String name, int dflt, int min, int max) {
        String v = params.get(name);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw ApiException.invalid(name, "must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "not a number");
        }
    }
}
