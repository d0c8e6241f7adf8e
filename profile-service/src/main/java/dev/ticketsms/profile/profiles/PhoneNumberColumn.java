package dev.ticketsms.profile.profiles;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
class PhoneNumberColumn implements AttributeConverter<PhoneNumber, String> {

    @Override
    public String convertToDatabaseColumn(PhoneNumber phoneNumber) {
        return phoneNumber == null ? null : phoneNumber.value();
    }

    @Override
    public PhoneNumber convertToEntityAttribute(String e164) {
        return e164 == null ? null : new PhoneNumber(e164);
    }
}
