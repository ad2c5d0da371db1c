package dev.akguard.monitor.github;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read up to a byte limit: once {@code limit} bytes have arrived the download is
 * cancelled, so a 2 GB file costs {@code limit} bytes of memory and bandwidth, not 2 GB.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final long limit;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private BoundedBody(long limit) {
        this.limit = limit;
    }

    static HttpResponse.BodyHandler<byte[]> handler(long limit) {
        return info -> new BoundedBody(limit);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) return;
        for (ByteBuffer b : items) {
            int take = (int) Math.min(b.remaining(), limit - buffer.size());
            byte[] chunk = new byte[take];
            b.get(chunk);
            buffer.write(chunk, 0, take);
            if (buffer.size() >= limit) {
                result.complete(buffer.toByteArray());
                subscription.cancel();
                return;
            }
        }
    }

    @Override
    public void onError(Throwable t) {
        if (!result.isDone()) result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        if (!result.isDone()) result.complete(buffer.toByteArray());
    }
}
