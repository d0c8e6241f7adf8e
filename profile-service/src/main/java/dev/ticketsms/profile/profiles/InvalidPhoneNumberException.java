package dev.ticketsms.profile.profiles;

/** The message says why, phrased to follow the field name: "phoneNumber is too short; ...". */
public class InvalidPhoneNumberException extends IllegalArgumentException {

    InvalidPhoneNumberException(String reason) {
        super(reason);
    }
}
