package dev.ticketsms.notification.sms;

import com.twilio.constant.EnumConstants;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP client the Twilio SDK sends through. It exists for three reasons the SDK's own client cannot serve
 * (see "The Twilio client" in docs/architecture.md): requests go to the configured API base URL (the sandbox or any Twilio-compatible endpoint)
 * instead of the hard-coded twilio.com host; nothing is retried here (the SDK retries 5xx POSTs and Apache's client
 * re-sends on 429/503, either of which can send an SMS twice); and the configured timeouts really apply.
 */
final class TwilioHttpClient extends HttpClient implements Closeable {

    private final CloseableHttpClient client;
    private final RequestConfig requestConfig;
    private final URI apiBaseUrl;

    TwilioHttpClient(TwilioProperties properties) {
        this.apiBaseUrl = properties.apiBaseUrl();
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                        .setSocketTimeout(Timeout.of(properties.readTimeout()))
                        // a pooled connection the server has closed would fail the next request with "no response",
                        // which we must treat as "maybe sent": check every pooled connection before reusing it
                        // (a 1 ms stale check, small beside a Twilio round trip)
                        .setValidateAfterInactivity(TimeValue.ZERO_MILLISECONDS)
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .setMaxConnTotal(properties.maxConnections())
                .setMaxConnPerRoute(properties.maxConnections())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
        this.requestConfig = RequestConfig.custom()
                .setResponseTimeout(Timeout.of(properties.readTimeout()))
                .setConnectionRequestTimeout(Timeout.of(properties.poolWaitTimeout()))
                .build();
    }

    /** One request, never more: whether to try again is the gateway's decision, made per error. */
    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        HttpMethod method = request.getMethod();
        var http = new HttpUriRequestBase(method.toString(), rebase(request.constructURL()));
        http.setConfig(requestConfig);
        http.addHeader(HttpHeaders.ACCEPT, "application/json");
        if (request.requiresAuthentication()) {
            http.addHeader(HttpHeaders.AUTHORIZATION, request.getAuthString());
        }
        request.getHeaderParams().forEach((name, values) -> values.forEach(value -> http.addHeader(name, value)));
        if (method == HttpMethod.POST || method == HttpMethod.PUT) {
            http.setEntity(request.getContentType() == EnumConstants.ContentType.JSON
                    ? new StringEntity(request.getBody(), ContentType.APPLICATION_JSON)
                    : new StringEntity(request.encodeFormBody(), ContentType.APPLICATION_FORM_URLENCODED));
        }
        Response response;
        try {
            response = client.execute(http, answer -> new Response(
                    answer.getEntity() == null ? "" : EntityUtils.toString(answer.getEntity(), StandardCharsets.UTF_8),
                    answer.getCode(),
                    answer.getHeaders()));
        } catch (IOException e) {
            throw new ApiException(e.getMessage(), e);
        }
        if (response.getStatusCode() >= 400 && !response.getContent().stripLeading().startsWith("{")) {
            // the SDK would report this without any status; the status is what tells a 429 from a 503
            throw new UnparsedErrorResponse(response.getStatusCode());
        }
        return response;
    }

    /** An HTTP error without Twilio's JSON error body: a proxy's HTML page, an empty 429 or 503. */
    static final class UnparsedErrorResponse extends ApiException {

        private final int httpStatus;

        UnparsedErrorResponse(int httpStatus) {
            super("Twilio answered HTTP " + httpStatus + " without an error body");
            this.httpStatus = httpStatus;
        }

        int httpStatus() {
            return httpStatus;
        }
    }

    /** Keeps the SDK's path and query, on the configured scheme, host, port and path prefix. */
    private URI rebase(URL sdkUrl) {
        String prefix = apiBaseUrl.getRawPath() == null ? "" : apiBaseUrl.getRawPath().replaceAll("/+$", "");
        String query = sdkUrl.getQuery() == null ? "" : "?" + sdkUrl.getQuery();
        return URI.create(apiBaseUrl.getScheme() + "://" + apiBaseUrl.getRawAuthority() + prefix + sdkUrl.getPath() + query);
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
