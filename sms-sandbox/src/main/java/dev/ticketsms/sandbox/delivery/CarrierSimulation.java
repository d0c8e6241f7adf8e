package dev.ticketsms.sandbox.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.ticketsms.sandbox.PhoneMask;
import dev.ticketsms.sandbox.SandboxProperties;
import dev.ticketsms.sandbox.delivery.DeliveryPlan.Step;
import dev.ticketsms.sandbox.faults.Faults;
import dev.ticketsms.sandbox.messages.MessageAccepted;
import dev.ticketsms.sandbox.messages.ReceivedMessages;
import dev.ticketsms.sandbox.messages.SandboxMessage;
import dev.ticketsms.sandbox.stats.SandboxStats;
import dev.ticketsms.sandbox.twilio.SignedWebhooks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What happens to a message after the API's 201: every {@code sandbox.callbacks.delay} it takes the next
 * step of its {@link DeliveryPlan}, the store follows, and, when the message named a
 * {@code StatusCallback}, one signed callback is posted per step (in the configured order, duplicated
 * on request). Each message runs on its own virtual thread, so a slow callback receiver delays only
 * its own message's callbacks.
 */
@Component
class CarrierSimulation implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CarrierSimulation.class);

    private final ReceivedMessages messages;
    private final Faults faults;
    private final CallbackSettings settings;
    private final SignedWebhooks webhooks;
    private final SandboxStats stats;
    private final Clock clock;
    private final Duration delay;
    private final ExecutorService carriers = Executors.newVirtualThreadPerTaskExecutor();

    CarrierSimulation(ReceivedMessages messages, Faults faults, CallbackSettings settings, SignedWebhooks webhooks,
            SandboxStats stats, Clock clock, SandboxProperties properties) {
        this.messages = messages;
        this.faults = faults;
        this.settings = settings;
        this.webhooks = webhooks;
        this.stats = stats;
        this.clock = clock;
        this.delay = properties.callbacks().delay();
    }

    @EventListener
    void deliver(MessageAccepted accepted) {
        var message = accepted.message();
        var plan = DeliveryPlan.of(message.status(), faults.carrierFailureFor(message.to()));
        var current = settings.current();
        var callbacks = current.order().arrange(plan.steps());
        carriers.execute(() -> run(message, plan, callbacks, current.order(), current.duplicates()));
    }

    private void run(SandboxMessage message, DeliveryPlan plan, List<Step> callbacks, CallbackOrder order, int duplicates) {
        try {
            for (int i = 0; i < plan.steps().size(); i++) {
                Thread.sleep(delay);
                var step = plan.steps().get(i);
                messages.updateStatus(message.sid(), step.status(), step.errorCode(), clock.instant());
                if (message.statusCallback() != null && order != CallbackOrder.NONE) {
                    for (int copy = 0; copy <= duplicates; copy++) {
                        postCallback(message, callbacks.get(i));
                    }
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException unexpected) {
            log.error("Delivery simulation of {} stopped", message.sid(), unexpected);
        }
    }

    private void postCallback(SandboxMessage message, Step step) {
        var answer = webhooks.postWithRetries(message.statusCallback(), callbackForm(message, step));
        stats.callback(answer.succeeded());
        if (!answer.succeeded()) {
            log.warn("Status callback {} of {} to {} not taken after {} attempt(s)", step.status().wireName(),
                    message.sid(), PhoneMask.of(message.to()), answer.attempts());
        }
    }

    /** The form fields Twilio posts to a StatusCallback URL. */
    static Map<String, String> callbackForm(SandboxMessage message, Step step) {
        var form = new LinkedHashMap<String, String>();
        form.put("MessageSid", message.sid().value());
        form.put("SmsSid", message.sid().value());
        form.put("AccountSid", message.accountSid());
        if (message.messagingServiceSid() != null) {
            form.put("MessagingServiceSid", message.messagingServiceSid());
        }
        if (message.from() != null) {
            form.put("From", message.from());
        }
        form.put("To", message.to());
        form.put("MessageStatus", step.status().wireName());
        form.put("SmsStatus", step.status().wireName());
        form.put("ApiVersion", "2010-04-01");
        if (step.errorCode() != null) {
            form.put("ErrorCode", String.valueOf(step.errorCode()));
        }
        return form;
    }

    @Override
    public void destroy() {
        carriers.shutdownNow();
    }
}
