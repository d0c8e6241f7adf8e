package dev.ticketsms.sandbox.faults;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import org.apache.catalina.Context;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.stereotype.Component;

/**
 * Closes the connection of a request marked with {@link #drop} without writing any HTTP answer, so the
 * client sees what a network failure looks like (end of stream or reset). The servlet API cannot do
 * that, so a Tomcat valve asks the connector to close the socket once the request has been handled:
 * nothing has been written yet, and the close discards the response Tomcat would otherwise send.
 */
@Component
class ConnectionDrops implements TomcatContextCustomizer {

    private static final String DROP = ConnectionDrops.class.getName() + ".DROP";

    static void drop(HttpServletRequest request) {
        request.setAttribute(DROP, Boolean.TRUE);
    }

    @Override
    public void customize(Context context) {
        context.getPipeline().addValve(new DropValve());
    }

    private static final class DropValve extends ValveBase {

        DropValve() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            getNext().invoke(request, response);
            if (Boolean.TRUE.equals(request.getAttribute(DROP)) && !response.isCommitted()) {
                response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, null);
            }
        }
    }
}
