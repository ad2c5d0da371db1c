package dev.akguard.monitor.anomaly;

import dev.akguard.monitor.settings.SettingsException;
import dev.akguard.monitor.settings.SettingsJson;
import dev.akguard.monitor.settings.SettingsStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Configuration of every anomaly rule, persisted as one JSON document (see
 * docs/monitor/anomalies.md). Every field has a default, so {@code {}} is a complete configuration
 * with all rules on.
 */
public final class AnomalySettings {
    /**
     * The sensitive APIs flagged by default: privilege escalation, persistence, audit tampering,
     * resource abuse.
     */
    public static final List<String> DEFAULT_SENSITIVE_APIS =
            List.of(
                    // RAM: new identities, keys, logins and privileges (persistence and escalation)
                    "CreateAccessKey",
                    "CreateUser",
                    "CreateLoginProfile",
                    "UpdateLoginProfile",
                    "AttachPolicyToUser",
                    "AttachPolicyToRole",
                    "AttachPolicyToGroup",
                    "AddUserToGroup",
                    "CreateRole",
                    "UpdateRole",
                    "CreatePolicy",
                    "CreatePolicyVersion",
                    "SetDefaultPolicyVersion",
                    "UnbindMFADevice",
                    "SetSecurityPreference",
                    // ActionTrail: hiding tracks
                    "DeleteTrail",
                    "StopLogging",
                    "UpdateTrail",
                    // compute abuse (mining) and data destruction / exposure
                    "RunInstances",
                    "CreateInstance",
                    "ModifyInstanceAttribute",
                    "ImportKeyPair",
                    "AttachKeyPair",
                    "AuthorizeSecurityGroup",
                    "DeleteBucket",
                    "PutBucketAcl",
                    "PutBucketPolicy",
                    "DeleteDBInstance",
                    "ModifySecurityIps");

    public ThreatIp threatIp = new ThreatIp();
    public SharedIp sharedIp = new SharedIp();
    public SensitiveApi sensitiveApi = new SensitiveApi();
    public LeakedKeyUsed leakedKeyUsed = new LeakedKeyUsed();
    public RateSpike rateSpike = new RateSpike();
    public RootKey rootKey = new RootKey();

    /** Calls from an address or CIDR block in a threat-list file. */
    public static final class ThreatIp {
        public boolean enabled = true;

        /**
         * Path of the threat list (one IP or CIDR per line, '#' comments); none means the rule
         * matches nothing.
         */
        public String listFile;
    }

    /** One source IP using the keys of several users or accounts within a time window. */
    public static final class SharedIp {
        public boolean enabled = true;
        public int minDistinctUsers = 3;
        public int minDistinctAccounts = 2;
        public int windowMinutes = 60;
    }

    /** Calls to APIs on a curated, editable list (names compared case-insensitively). */
    public static final class SensitiveApi {
        public boolean enabled = true;
        public List<String> apis = new ArrayList<>(DEFAULT_SENSITIVE_APIS);
    }

    /** Any call by a key at or after the time its leak was first seen. */
    public static final class LeakedKeyUsed {
        public boolean enabled = true;

        /**
         * akguard's own validity check (STS GetCallerIdentity sent with a user agent containing
         * this text) is not an attacker's call; it is ignored only when both the API and the user
         * agent match.
         */
        public String ownCheckUserAgent = "akguard";

        public String ownCheckEventName = "GetCallerIdentity";
    }

    /**
     * An hour with far more calls than the key's own robust baseline (median + k * MAD per hour).
     */
    public static final class RateSpike {
        public boolean enabled = true;
        public double k = 6.0;

        /**
         * Hours of history (since the key's first observed call) needed before the rule judges a
         * key.
         */
        public int minHistoryHours = 24;

        /** How far back the baseline looks. */
        public int baselineHours = 168;

        /** An hour with fewer calls than this never fires, however quiet the key usually is. */
        public int minCount = 30;
    }

    /** Calls whose identity type says root account (compared case-insensitively). */
    public static final class RootKey {
        public boolean enabled = true;
        public List<String> identityTypes =
                new ArrayList<>(List.of("root-account", "Account", "root"));
    }

    public static AnomalySettings defaults() {
        return new AnomalySettings();
    }

    public static AnomalySettings fromJson(String json) {
        AnomalySettings s = SettingsJson.read(json, AnomalySettings.class, "anomaly settings");
        s.fillMissingSections();
        s.validate();
        return s;
    }

    public String toJson() {
        return SettingsJson.write(this);
    }

    /** The stored settings, or the defaults when none were saved. */
    public static AnomalySettings load(SettingsStore store) {
        return store.load().map(AnomalySettings::fromJson).orElseGet(AnomalySettings::defaults);
    }

    public void save(SettingsStore store) {
        validate();
        store.save(toJson());
    }

    /**
     * Settings that are valid but probably not what was meant, for `monitor anomalies` to print.
     */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        if (threatIp.enabled && (threatIp.listFile == null || threatIp.listFile.isBlank())) {
            out.add(
                    "threatIp is on but threatIp.listFile is not set: the threat-IP rule matches nothing");
        }
        if (sensitiveApi.enabled && sensitiveApi.apis != null && sensitiveApi.apis.isEmpty()) {
            out.add(
                    "sensitiveApi is on but sensitiveApi.apis is empty: the sensitive-API rule matches nothing");
        }
        return out;
    }

    /** Throws a {@link SettingsException} naming every field that is out of range. */
    public void validate() {
        List<String> problems = new ArrayList<>();
        if (sharedIp.minDistinctUsers < 2)
            problems.add("sharedIp.minDistinctUsers must be at least 2");
        if (sharedIp.minDistinctAccounts < 2)
            problems.add("sharedIp.minDistinctAccounts must be at least 2");
        if (sharedIp.windowMinutes < 1) problems.add("sharedIp.windowMinutes must be at least 1");
        if (sensitiveApi.apis == null)
            problems.add("sensitiveApi.apis must be a list of API names");
        if (!(rateSpike.k > 0) || Double.isInfinite(rateSpike.k))
            problems.add("rateSpike.k must be a positive number");
        if (rateSpike.minHistoryHours < 1)
            problems.add("rateSpike.minHistoryHours must be at least 1");
        if (rateSpike.baselineHours < rateSpike.minHistoryHours)
            problems.add("rateSpike.baselineHours must be at least rateSpike.minHistoryHours");
        if (rateSpike.minCount < 1) problems.add("rateSpike.minCount must be at least 1");
        if (rootKey.identityTypes == null)
            problems.add("rootKey.identityTypes must be a list of identity types");
        if (!problems.isEmpty()) {
            throw new SettingsException("anomaly settings: " + String.join("; ", problems));
        }
    }

    /** An explicit {@code "sharedIp": null} in the JSON means "defaults", not a crash later. */
    /** Missing sections (written as null) get their defaults. */
    public void fillMissingSections() {
        if (threatIp == null) threatIp = new ThreatIp();
        if (sharedIp == null) sharedIp = new SharedIp();
        if (sensitiveApi == null) sensitiveApi = new SensitiveApi();
        if (leakedKeyUsed == null) leakedKeyUsed = new LeakedKeyUsed();
        if (rateSpike == null) rateSpike = new RateSpike();
        if (rootKey == null) rootKey = new RootKey();
    }
}
