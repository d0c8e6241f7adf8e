package dev.ticketsms.sandbox.slack;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Slack's incoming webhooks, faked: {@code POST /sandbox/slack/{channel}} takes the payload Slack takes
 * ({@code {"text": ...}}) and answers as Slack does ({@code 200 ok}, {@code 400 invalid_payload} or {@code no_text},
 * plain text), so a team's webhook in SLACK_WEBHOOKS can point here; {@code GET /sandbox/slack/messages} shows what was
 * posted, newest last. Keeps the latest {@value #CAPACITY} posts.
 */
@RestController
@RequestMapping("/sandbox/slack")
class SlackWebhookFake {

    static final int CAPACITY = 1000;

    record Post(String channel, String text, Instant receivedAt) {
    }

    private final Deque<Post> posts = new ArrayDeque<>();
    private final Clock clock;

    SlackWebhookFake(Clock clock) {
        this.clock = clock;
    }

    @PostMapping(path = "/{channel}", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> post(@PathVariable String channel, @RequestBody(required = false) JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body("invalid_payload");
        }
        JsonNode text = payload.get("text");
        if (text == null || !text.isString() || text.asString().isBlank()) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body("no_text");
        }
        synchronized (posts) {
            if (posts.size() == CAPACITY) {
                posts.removeFirst();
            }
            posts.addLast(new Post(channel, text.asString(), clock.instant()));
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("ok");
    }

    @GetMapping("/messages")
    List<Post> messages(@RequestParam(required = false) String channel) {
        synchronized (posts) {
            return posts.stream().filter(post -> channel == null || post.channel().equals(channel)).toList();
        }
    }

    @DeleteMapping("/messages")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clear() {
        synchronized (posts) {
            posts.clear();
        }
    }
}
