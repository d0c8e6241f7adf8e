package dev.ticketsms.web.input;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ReadListener;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.StreamUtils;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** A body over the limit never reaches a handler, whether its length is declared or it arrives in chunks. */
class RequestBodyLimitTest {

    private final RequestBodyLimit limit = new RequestBodyLimit(DataSize.ofBytes(100), JsonMapper.builder().build());

    @Test
    void aDeclaredLengthOverTheLimitIsA413ProblemAndTheHandlerNeverRuns() throws Exception {
        var request = post(new byte[101]);
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();

        limit.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":413")
                .contains("The request body must not exceed 100 bytes");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413ProblemAndTheHandlerNeverRuns() throws Exception {
        var request = chunked("x".repeat(10_000));
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();

        limit.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("\"status\":413");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void aChunkedBodyWithinTheLimitReachesTheHandlerWhole() throws Exception {
        String body = "{\"name\":\"" + "y".repeat(80) + "\"}";
        var handlerRead = new AtomicReference<String>();
        var response = new MockHttpServletResponse();

        limit.doFilter(chunked(body), response, (req, res) ->
                handlerRead.set(StreamUtils.copyToString(req.getInputStream(), StandardCharsets.UTF_8)));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(handlerRead.get()).isEqualTo(body);
    }

    @Test
    void aBodyOfExactlyTheLimitIsAccepted() throws Exception {
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();

        limit.doFilter(post(new byte[100]), response, chain);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(chain.getRequest()).isNotNull();
    }

    private static MockHttpServletRequest post(byte[] body) {
        var request = new MockHttpServletRequest("POST", "/api/user/profile");
        request.setContentType("application/json");
        request.setContent(body);
        return request;
    }

    /** No Content-Length, as a client streaming with {@code Transfer-Encoding: chunked} sends it. */
    private static MockHttpServletRequest chunked(String body) {
        var in = new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
        var request = new MockHttpServletRequest("POST", "/api/user/profile") {
            @Override
            public ServletInputStream getInputStream() {
                return new ServletInputStream() {
                    @Override
                    public int read() {
                        return in.read();
                    }

                    @Override
                    public boolean isFinished() {
                        return in.available() == 0;
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                    }
                };
            }

            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setContentType("application/json");
        request.addHeader("Transfer-Encoding", "chunked");
        return request;
    }
}
