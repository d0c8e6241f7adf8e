package dev.ticketsms.sandbox.delivery;

import java.util.ArrayList;

import dev.ticketsms.sandbox.delivery.CallbackSettings.Settings;
import dev.ticketsms.web.problems.InvalidField;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /sandbox/callbacks}: whether status callbacks come in Twilio's order or out of order, and
 * duplicated, so a receiver's forward-only, deduplicating handling can be tested.
 */
@RestController
@RequestMapping("/sandbox/callbacks")
class CallbackSettingsApi {

    private static final int MAX_DUPLICATES = 10;

    private final CallbackSettings settings;

    CallbackSettingsApi(CallbackSettings settings) {
        this.settings = settings;
    }

    /** Both fields optional: a missing order is TWILIO, missing duplicates 0. */
    record NewSettings(CallbackOrder order, Integer duplicates) {
    }

    @GetMapping
    Settings current() {
        return settings.current();
    }

    @PutMapping
    Settings change(@RequestBody NewSettings request) {
        var invalid = new ArrayList<InvalidField>();
        if (request.duplicates() != null && (request.duplicates() < 0 || request.duplicates() > MAX_DUPLICATES)) {
            invalid.add(new InvalidField("duplicates", "must be between 0 and " + MAX_DUPLICATES));
        }
        if (!invalid.isEmpty()) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, InvalidField.problem(invalid), null);
        }
        var changed = new Settings(request.order() == null ? CallbackOrder.TWILIO : request.order(),
                request.duplicates() == null ? 0 : request.duplicates());
        settings.change(changed);
        return changed;
    }

    /** Back to Twilio's order without duplicates. */
    @DeleteMapping
    Settings reset() {
        settings.change(CallbackSettings.TWILIO_LIKE);
        return settings.current();
    }
}
