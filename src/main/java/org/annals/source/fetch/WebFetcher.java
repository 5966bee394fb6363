package org.annals.source.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.annals.base.ByteSizes;
import org.annals.source.ImportProperties;
import org.annals.source.fetch.FetchFailedException.Reason;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Fetches one address with the JDK's HTTP client, defensively: redirects are followed by hand so that every hop's
 * address is checked by {@link AddressPolicy} before it is connected to; the body is read into memory only up to
 * the size limit (a larger one is refused as it arrives, and refused at once when its declared length says so);
 * the whole fetch, redirects and body included, has one deadline, so a server that trickles bytes is cut off; and
 * only web pages, plain text and PDF are read. No cookies, no proxy, no credentials are ever sent.
 */
@Component
public class WebFetcher implements AutoCloseable {

    /** Content types read: web pages, plain text (and text formats Annals imports), PDF. */
    private static final List<String> READABLE = List.of("text/html", "application/xhtml+xml", "text/plain",
            "text/markdown", "text/x-markdown", "application/pdf");

    private final FetchProperties settings;
    private final AddressPolicy policy;
    private final long maxBytes;
    /**
     * Made on the first fetch, not at start-up: building a client loads the JDK's TLS set-up and trust
     * store (a few hundred milliseconds on a small machine) that most starts never use (issue 21).
     */
    private HttpClient client;

    @Autowired
    WebFetcher(FetchProperties settings, ImportProperties imports) {
        this(settings, new AddressPolicy(settings), Math.min(settings.maxBodySize().toBytes(),
                imports.maxFileSize().toBytes()));
    }

    WebFetcher(FetchProperties settings, AddressPolicy policy, long maxBytes) {
        this.settings = settings;
        this.policy = policy;
        this.maxBytes = maxBytes;
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(settings.connectTimeout())
                    .proxy(HttpClient.Builder.NO_PROXY)
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();
        }
        return client;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /**
     * Fetches an address, following redirects.
     *
     * @throws FetchFailedException when fetching is off, the address is refused, or the fetch fails; the message
     *         says why in words a person understands
     */
    public FetchedPage fetch(String address) {
        if (!settings.enabled()) {
            throw new FetchFailedException(Reason.DISABLED, "Fetching by address is turned off on this server.");
        }
        URI requested = AddressPolicy.parse(address);
        long deadline = System.nanoTime() + settings.readTimeout().toNanos();
        URI current = requested;
        for (int hop = 0; ; hop++) {
            policy.check(current);
            HttpResponse<byte[]> response = send(current, deadline);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    throw new FetchFailedException(Reason.HTTP_STATUS, "The server answered " + status
                            + " (a redirect) without saying where to.");
                }
                if (hop >= settings.maxRedirects()) {
                    throw new FetchFailedException(Reason.TOO_MANY_REDIRECTS, "More than " + settings.maxRedirects()
                            + " redirects; the last one pointed to " + AddressPolicy.shown(location) + ".");
                }
                current = next(current, location);
                continue;
            }
            if (status < 200 || status >= 300) {
                throw new FetchFailedException(Reason.HTTP_STATUS, "The server answered " + status + describe(status)
                        + " for " + AddressPolicy.shown(current.toString()) + ".");
            }
            String type = response.headers().firstValue("Content-Type").map(String::strip).orElse(null);
            byte[] body = response.body();
            if (body.length == 0) {
                throw new FetchFailedException(Reason.UNREADABLE, "The server sent an empty page.");
            }
            return new FetchedPage(requested.toString(), current.toString(), status, type, body, Instant.now());
        }
    }

    private static URI next(URI current, String location) {
        try {
            URI target = current.resolve(new URI(location.strip())).normalize();
            if (target.toString().length() > org.annals.source.Source.URL_MAX_LENGTH) {
                throw new FetchFailedException(Reason.INVALID_ADDRESS, "A redirect pointed to an address longer than "
                        + org.annals.source.Source.URL_MAX_LENGTH + " characters.");
            }
            return target;
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new FetchFailedException(Reason.INVALID_ADDRESS, "A redirect pointed to an invalid address: "
                    + AddressPolicy.shown(location) + ".");
        }
    }

    private HttpResponse<byte[]> send(URI uri, long deadline) {
        Duration left = Duration.ofNanos(deadline - System.nanoTime());
        if (left.isNegative() || left.isZero()) {
            throw timedOut();
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(uri).GET().timeout(left)
                    .header("User-Agent", settings.userAgent())
                    .header("Accept", "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8")
                    .build();
        } catch (IllegalArgumentException e) {
            throw new FetchFailedException(Reason.INVALID_ADDRESS, "This is not a valid web address: "
                    + AddressPolicy.shown(uri.toString()) + ".");
        }
        var body = new AtomicReference<@Nullable CappedBody>();
        // A refusal on the headers (type, declared length) ends the wait at once: the client itself would wait for
        // the body it was told not to read until the server sent more or the deadline passed.
        var refused = new CompletableFuture<Void>();
        CompletableFuture<HttpResponse<byte[]>> future = client().sendAsync(request, info -> handle(info, body, refused));
        try {
            CompletableFuture.anyOf(future, refused).get(Math.max(1, left.toMillis()), TimeUnit.MILLISECONDS);
            return future.get();
        } catch (TimeoutException e) {
            cancel(future, body);
            throw timedOut();
        } catch (InterruptedException e) {
            cancel(future, body);
            Thread.currentThread().interrupt();
            throw new FetchFailedException(Reason.UNREACHABLE, "The fetch was interrupted.");
        } catch (ExecutionException e) {
            cancel(future, body);
            throw failure(e.getCause(), uri);
        }
    }

    /** Decides from the status and headers whether the body is read at all, and how much of it. */
    private BodySubscriber<byte[]> handle(HttpResponse.ResponseInfo info, AtomicReference<@Nullable CappedBody> body,
            CompletableFuture<Void> refused) {
        int status = info.statusCode();
        if (status < 200 || status >= 300) {
            // Redirects and errors: their bodies are read past and dropped (within the deadline), which lets the
            // connection serve the next hop.
            return HttpResponse.BodySubscribers.replacing(new byte[0]);
        }
        String type = info.headers().firstValue("Content-Type").orElse("");
        FetchFailedException refusal = null;
        if (!readable(type)) {
            refusal = new FetchFailedException(Reason.UNSUPPORTED_TYPE, "This address gives "
                    + AddressPolicy.shown(type.strip()) + ", not a web page, plain text or PDF.");
        } else if (info.headers().firstValueAsLong("Content-Length").orElse(-1) > maxBytes) {
            refusal = tooLarge(info.headers().firstValueAsLong("Content-Length").getAsLong());
        }
        if (refusal != null) {
            refused.completeExceptionally(refusal);
            return new CappedBody(0, refusal);
        }
        var capped = new CappedBody(maxBytes, null);
        body.set(capped);
        return capped;
    }

    private static boolean readable(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        String mediaType = (semicolon < 0 ? type : type.substring(0, semicolon)).strip();
        return mediaType.isEmpty() || READABLE.contains(mediaType); // no type: judged by the bytes later
    }

    private FetchFailedException tooLarge(long size) {
        return new FetchFailedException(Reason.TOO_LARGE, ByteSizes.tooLarge("The page", size, maxBytes));
    }

    private FetchFailedException timedOut() {
        return new FetchFailedException(Reason.TIMEOUT, "The server took longer than "
                + settings.readTimeout().toSeconds() + " seconds to send the page; it was not imported.");
    }

    private static void cancel(CompletableFuture<?> future, AtomicReference<@Nullable CappedBody> body) {
        CappedBody reading = body.get();
        if (reading != null) {
            reading.cancel();
        }
        future.cancel(true);
    }

    private FetchFailedException failure(@Nullable Throwable cause, URI uri) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof FetchFailedException failed) {
                return failed;
            }
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new FetchFailedException(Reason.TIMEOUT, "No connection to " + uri.getHost() + " within "
                    + settings.connectTimeout().toSeconds() + " seconds.");
        }
        if (cause instanceof HttpTimeoutException) {
            return timedOut();
        }
        if (cause instanceof ConnectException) {
            return new FetchFailedException(Reason.UNREACHABLE, "No connection to " + uri.getHost() + ".");
        }
        if (cause instanceof javax.net.ssl.SSLException) {
            return new FetchFailedException(Reason.UNREACHABLE, "The secure connection to " + uri.getHost()
                    + " failed (its certificate is not trusted, or it speaks no TLS Annals accepts).");
        }
        if (cause instanceof IOException) {
            return new FetchFailedException(Reason.UNREACHABLE, "The connection to " + uri.getHost()
                    + " broke off before the page arrived.");
        }
        return new FetchFailedException(Reason.UNREACHABLE, "The page could not be fetched from " + uri.getHost()
                + ".");
    }

    private static String describe(int status) {
        return switch (status) {
            case 401, 403 -> " (the page is not public)";
            case 404, 410 -> " (no such page)";
            case 429 -> " (too many requests; try again later)";
            default -> status >= 500 ? " (an error on the server)" : "";
        };
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
    }

    /**
     * A body read into memory up to a cap: the moment more arrives than the cap allows, the download is cancelled
     * and the fetch fails; nothing past the cap is ever held. Given a refusal, it refuses at once without reading.
     */
    private final class CappedBody implements BodySubscriber<byte[]> {

        private final long cap;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private volatile Flow.@Nullable Subscription subscription;
        private long received;

        CappedBody(long cap, @Nullable FetchFailedException refusal) {
            this.cap = cap;
            if (refusal != null) {
                result.completeExceptionally(refusal);
            }
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (result.isDone()) {
                s.cancel();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                received += item.remaining();
                if (received > cap) {
                    cancel();
                    result.completeExceptionally(new FetchFailedException(Reason.TOO_LARGE,
                            "The page is larger than " + ByteSizes.format(cap) + ", the most Annals fetches;"
                                    + " it was refused while it arrived."));
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        void cancel() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }
}
