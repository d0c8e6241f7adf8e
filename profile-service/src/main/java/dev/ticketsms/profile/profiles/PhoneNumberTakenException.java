package dev.ticketsms.profile.profiles;

class PhoneNumberTakenException extends RuntimeException {

    PhoneNumberTakenException(Throwable cause) {
        super("This phone number is already registered to another user", cause);
    }
}
