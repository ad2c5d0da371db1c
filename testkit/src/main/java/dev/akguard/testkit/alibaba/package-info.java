/**
 * A loopback emulator of the Alibaba Cloud APIs akguard calls (STS GetCallerIdentity, RAM user and
 * AccessKey management, ActionTrail LookupEvents), for tests that must not leave the machine.
 *
 * <p>{@link dev.akguard.testkit.alibaba.AlibabaCloudEmulator} is a real HTTP/1.1 server: the
 * official SDKs run against it unchanged. It verifies signature V1 (HMAC-SHA1) and V3
 * (ACS3-HMAC-SHA256), key states, security tokens, timestamps and nonces, and answers with the real
 * error codes, HTTP statuses and JSON error bodies. Tests shape the world through {@link
 * dev.akguard.testkit.alibaba.EmulatedAccount}, {@link dev.akguard.testkit.alibaba.EmulatedUser}
 * and {@link dev.akguard.testkit.alibaba.EmulatedKey}, inject faults with {@link
 * dev.akguard.testkit.alibaba.Faults}, seed {@link dev.akguard.testkit.alibaba.TrailEvent}s, and
 * assert on {@link dev.akguard.testkit.alibaba.RecordedRequest}s.
 */
package dev.akguard.testkit.alibaba;
