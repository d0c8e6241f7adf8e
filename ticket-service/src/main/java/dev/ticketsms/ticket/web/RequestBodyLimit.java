package dev.ticketsms.ticket.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;

/**
 * Refuses request bodies above {@code tickets.api.max-request-body} before anything reads them: a declared
 * {@code Content-Length} above the limit is a 413 problem at once; a body without one (chunked) is cut off at the
 * limit, which the JSON reader then reports as a 400. No ticket field needs more than a few kilobytes.
 */
@Component
class RequestBodyLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final JsonMapper json;

    RequestBodyLimit(@Value("${tickets.api.max-request-body}") DataSize max, JsonMapper json) {
        this.maxBytes = max.toBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            var problem = new LinkedHashMap<String, Object>();
            problem.put("type", "about:blank");
            problem.put("title", "Content Too Large");
            problem.put("status", HttpStatus.CONTENT_TOO_LARGE.value());
            problem.put("detail", "The request body must not exceed " + maxBytes + " bytes");
            problem.put("instance", request.getRequestURI());
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request, maxBytes) : request, response);
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long maxBytes;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream body = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = body.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = body.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) throws IOException {
                    read += n;
                    if (read > maxBytes) {
                        throw new IOException("The request body exceeds " + maxBytes + " bytes");
                    }
                }

                @Override
                public boolean isFinished() {
                    return body.isFinished();
                }

                @Override
                public boolean isReady() {
                    return body.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    body.setReadListener(listener);
                }
            };
        }
    }
}
