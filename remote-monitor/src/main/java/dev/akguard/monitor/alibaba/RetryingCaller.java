package dev.akguard.monitor.alibaba;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import dev.akguard.monitor.retry.Backoff;
import dev.akguard.monitor.retry.Sleeper;
import java.time.Duration;

/**
 * Runs one SDK call, retrying throttling, 5xx and network failures with {@link Backoff}. The SDK
 * signs every attempt afresh (new nonce and timestamp), so the same request object can be sent
 * again.
 */
final class RetryingCaller {
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final Duration timeout;

    RetryingCaller(Backoff backoff, Sleeper sleeper, Duration timeout) {
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.timeout = timeout;
    }

    <T extends AcsResponse> T call(IAcsClient client, AcsRequest<T> request)
            throws ClientException, InterruptedException {
        return call(client, request, null);
    }

    /**
     * Like {@link #call(IAcsClient, AcsRequest)}, every attempt (retries too) going through the
     * rate limiter.
     */
    <T extends AcsResponse> T call(IAcsClient client, AcsRequest<T> request, RateLimiter limiter)
            throws ClientException, InterruptedException {
        request.setSysConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        request.setSysReadTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        for (int attempt = 1; ; attempt++) {
            ClientException failure;
            if (limiter != null) {
                limiter.acquire();
            }
            try {
                return client.getAcsResponse(request);
            } catch (ClientException e) {
                failure = e;
            } finally {
                if (limiter != null) {
                    limiter.release();
                }
            }
            if (!ErrorKind.of(failure).retryable() || attempt >= backoff.maxAttempts()) {
                throw failure;
            }
            sleeper.sleep(backoff.delay(attempt));
        }
    }

    /** Attempts made at most per call, for messages. */
    int maxAttempts() {
        return backoff.maxAttempts();
    }
}
