package dev.ticketsms.bench;

import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The yardstick for the pipeline: the plain Twilio SDK ({@code Message.creator(...).create(client)}) in a loop
 * against the same sandbox, with nothing around it: no Kafka, no ledger, no lookups. The SDK has no base-URL setting;
 * as in notification-service (see /work/shared/twilio/SDK-FACTS.md) its HTTP client sends the SDK's path and query
 * to the sandbox instead of api.twilio.com, with a pool of 32 connections like notification-service's.
 */
final class RawTwilioLoop {

    /** Sends per second with this many threads, each looping create() for {@code duration}. */
    static double sendsPerSecond(String sandboxBaseUrl, int threads, Duration duration) throws InterruptedException {
        try (var http = HttpClients.custom().disableAutomaticRetries().setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(32).setMaxConnPerRoute(32).build()).build()) {
            var client = new TwilioRestClient.Builder(Stack.ACCOUNT_SID, Stack.AUTH_TOKEN)
                    .httpClient(new SandboxHttpClient(http, URI.create(sandboxBaseUrl))).build();
            var sent = new AtomicLong();
            long deadline = System.nanoTime() + duration.toNanos();
            var workers = new ArrayList<Thread>();
            long started = System.nanoTime();
            for (int i = 0; i < threads; i++) {
                workers.add(Thread.ofPlatform().start(() -> {
                    while (System.nanoTime() < deadline) {
                        Message.creator(new PhoneNumber("+14155550190"), new PhoneNumber(Stack.FROM), "raw loop").create(client);
                        sent.incrementAndGet();
                    }
                }));
            }
            for (Thread worker : workers) {
                worker.join();
            }
            return sent.get() / ((System.nanoTime() - started) / 1e9);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class SandboxHttpClient extends HttpClient {

        private final CloseableHttpClient http;
        private final URI base;

        SandboxHttpClient(CloseableHttpClient http, URI base) {
            this.http = http;
            this.base = base;
        }

        @Override
        public Response makeRequest(Request request) {
            var url = request.constructURL();
            String query = url.getQuery() == null ? "" : "?" + url.getQuery();
            var message = new HttpUriRequestBase(request.getMethod().toString(), base.resolve(url.getPath() + query));
            message.addHeader("Authorization", request.getAuthString());
            message.addHeader("Accept", "application/json");
            if (request.getMethod() == HttpMethod.POST) {
                message.setEntity(new StringEntity(request.encodeFormBody(), ContentType.APPLICATION_FORM_URLENCODED));
            }
            try {
                return http.execute(message, answer -> new Response(
                        answer.getEntity() == null ? "" : EntityUtils.toString(answer.getEntity(), StandardCharsets.UTF_8),
                        answer.getCode(), answer.getHeaders()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
