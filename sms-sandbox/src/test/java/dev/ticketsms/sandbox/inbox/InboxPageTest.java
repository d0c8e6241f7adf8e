package dev.ticketsms.sandbox.inbox;

import dev.ticketsms.sandbox.FreshSandbox;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsms.sandbox.SandboxHttp;
import dev.ticketsms.sandbox.SandboxTest;
import org.junit.jupiter.api.Test;

@SandboxTest
class InboxPageTest extends FreshSandbox {

    @Test
    void the_inbox_shows_one_conversation_per_phone_newest_first_with_status_and_body() {
        send("+15551230501", "first for Alice");
        send("+15551230502", "only for Bob");
        send("+15551230501", "second for Alice");

        var page = http.getPage("/sandbox/inbox");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        var html = page.body();
        assertThat(html).contains("<meta http-equiv=\"refresh\" content=\"3\">");
        assertThat(html.indexOf("<h2>+15551230501</h2>")).isPositive().isLessThan(html.indexOf("<h2>+15551230502</h2>"));
        assertThat(html.indexOf("second for Alice")).isLessThan(html.indexOf("first for Alice"));
        assertThat(html.indexOf("first for Alice")).isLessThan(html.indexOf("<h2>+15551230502</h2>"));
        assertThat(html).containsPattern("class=\"status (queued|sent|delivered)\"");
    }

    @Test
    void message_bodies_are_escaped_so_a_body_cannot_inject_markup() {
        send("+15551230503", "<script>alert('x')</script> & <b>bold</b>");

        var html = http.getPage("/sandbox/inbox").body();

        assertThat(html).doesNotContain("<script>").doesNotContain("<b>bold</b>");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;");
    }

    @Test
    void the_home_page_redirects_to_the_inbox() {
        var home = http.getPage("/");

        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/sandbox/inbox"));
    }

    private void send(String to, String body) {
        var reply = http.postForm("/2010-04-01/Accounts/" + sandbox.accountSid() + "/Messages.json",
                SandboxHttp.basicAuth(sandbox.accountSid(), sandbox.authToken()),
                "To", to, "From", "+15005550006", "Body", body);
        assertThat(reply.status()).isEqualTo(201);
    }
}
