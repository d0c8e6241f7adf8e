package dev.ticketsms.profile.profiles;

import java.util.List;

import org.springframework.data.repository.Repository;

/** Append-only: there is no way to change or delete an entry. */
interface SmsConsentHistory extends Repository<SmsConsentRecord, Long> {

    SmsConsentRecord save(SmsConsentRecord entry);

    List<SmsConsentRecord> findByUserIdOrderByRecordedAtDescIdDesc(String userId);
}
