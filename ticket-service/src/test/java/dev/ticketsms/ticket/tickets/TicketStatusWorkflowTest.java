package dev.ticketsms.ticket.tickets;

import dev.ticketsms.events.Severity;
import dev.ticketsms.events.TicketCreated;
import dev.ticketsms.events.TicketStatus;
import dev.ticketsms.events.TicketStatusChanged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.ticketsms.events.TicketStatus.CLOSED;
import static dev.ticketsms.events.TicketStatus.IN_PROGRESS;
import static dev.ticketsms.events.TicketStatus.OPEN;
import static dev.ticketsms.events.TicketStatus.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The status rules of ARCHITECTURE.md, checked for every ordered pair of statuses. */
class TicketStatusWorkflowTest {

    private static final Instant CREATED = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-25T11:00:00Z");
    private static final Author ALICE = new Author("alice", "Alice Agent");

    /** The table from ARCHITECTURE.md, written out independently of the production code. */
    private static final List<Arguments> ALLOWED = List.of(
            Arguments.of(OPEN, IN_PROGRESS), Arguments.of(OPEN, RESOLVED), Arguments.of(OPEN, CLOSED),
            Arguments.of(IN_PROGRESS, OPEN), Arguments.of(IN_PROGRESS, RESOLVED), Arguments.of(IN_PROGRESS, CLOSED),
            Arguments.of(RESOLVED, IN_PROGRESS), Arguments.of(RESOLVED, CLOSED));

    static Stream<Arguments> allowedMoves() {
        return ALLOWED.stream();
    }

    static Stream<Arguments> disallowedMoves() {
        var pairs = new ArrayList<Arguments>();
        for (TicketStatus from : TicketStatus.values()) {
            for (TicketStatus to : TicketStatus.values()) {
                if (from != to && ALLOWED.stream().noneMatch(a -> a.get()[0] == from && a.get()[1] == to)) {
                    pairs.add(Arguments.of(from, to));
                }
            }
        }
        return pairs.stream();
    }

    @Test
    void theTablesCoverEveryPairOfDifferentStatuses() {
        int statuses = TicketStatus.values().length;
        assertThat(ALLOWED.size() + disallowedMoves().count()).isEqualTo((long) statuses * (statuses - 1));
        assertThat(disallowedMoves()).hasSize(4);
    }

    @ParameterizedTest(name = "{0} -> {1} is allowed and registers one TicketStatusChanged")
    @MethodSource("allowedMoves")
    void anAllowedMoveChangesTheStatusAndRegistersOneEventWithTheNextVersion(TicketStatus from, TicketStatus to) {
        Ticket ticket = ticketIn(from);
        long version = ticket.version();
        int eventsBefore = ticket.events().size();

        assertThat(ticket.changeStatus(to, ALICE, LATER)).isTrue();

        assertThat(ticket.status()).isEqualTo(to);
        assertThat(ticket.updatedAt()).isEqualTo(LATER);
        assertThat(ticket.events()).hasSize(eventsBefore + 1);
        assertThat(ticket.events().getLast()).isInstanceOfSatisfying(TicketStatusChanged.class, changed -> {
            assertThat(changed.fromStatus()).isEqualTo(from);
            assertThat(changed.toStatus()).isEqualTo(to);
            assertThat(changed.ticketId()).isEqualTo(ticket.id());
            assertThat(changed.teamId()).isEqualTo(ticket.teamId());
            assertThat(changed.ticketVersion()).isEqualTo(version + 1);
            assertThat(changed.changedBy()).isEqualTo("alice");
            assertThat(changed.changedByName()).isEqualTo("Alice Agent");
            assertThat(changed.title()).isEqualTo("Printer on fire");
            assertThat(changed.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(changed.category()).isEqualTo("Hardware");
            assertThat(changed.occurredAt()).isEqualTo(LATER);
        });
    }

    @ParameterizedTest(name = "{0} -> {1} is refused")
    @MethodSource("disallowedMoves")
    void aDisallowedMoveIsRefusedNamingTheAllowedOnesAndChangesNothing(TicketStatus from, TicketStatus to) {
        Ticket ticket = ticketIn(from);
        int eventsBefore = ticket.events().size();

        assertThatExceptionOfType(StatusChangeNotAllowedException.class)
                .isThrownBy(() -> ticket.changeStatus(to, ALICE, LATER))
                .satisfies(refused -> {
                    assertThat(refused.from()).isEqualTo(from);
                    assertThat(refused.to()).isEqualTo(to);
                    assertThat(refused.allowed()).isEqualTo(expectedAllowedFrom(from));
                });
        assertThat(ticket.status()).isEqualTo(from);
        assertThat(ticket.events()).hasSize(eventsBefore);
    }

    @ParameterizedTest(name = "{0} -> {0} is a no-op")
    @MethodSource("everyStatus")
    void theSameStatusIsANoOpWithoutAnEvent(TicketStatus status) {
        Ticket ticket = ticketIn(status);
        int eventsBefore = ticket.events().size();
        Instant updatedAt = ticket.updatedAt();

        assertThat(ticket.changeStatus(status, ALICE, LATER.plusSeconds(60))).isFalse();

        assertThat(ticket.status()).isEqualTo(status);
        assertThat(ticket.updatedAt()).isEqualTo(updatedAt);
        assertThat(ticket.events()).hasSize(eventsBefore);
    }

    @Test
    void closedIsFinal() {
        assertThat(TicketStatusWorkflow.allowedMovesFrom(CLOSED)).isEmpty();
    }

    @Test
    void aNewTicketIsOpenAtVersionZeroAndRegistersTicketCreated() {
        Ticket ticket = Ticket.open(7, new NewTicket("Printer on fire", "Smoke", Severity.CRITICAL, "Hardware",
                UUID.randomUUID()), ALICE, CREATED);

        assertThat(ticket.status()).isEqualTo(OPEN);
        assertThat(ticket.version()).isZero();
        assertThat(ticket.events()).singleElement().isInstanceOfSatisfying(TicketCreated.class, created -> {
            assertThat(created.ticketVersion()).isZero();
            assertThat(created.createdBy()).isEqualTo("alice");
        });
    }

    static Stream<TicketStatus> everyStatus() {
        return Stream.of(TicketStatus.values());
    }

    private static Set<TicketStatus> expectedAllowedFrom(TicketStatus from) {
        var allowed = new java.util.LinkedHashSet<TicketStatus>();
        ALLOWED.stream().filter(a -> a.get()[0] == from).forEach(a -> allowed.add((TicketStatus) a.get()[1]));
        return allowed;
    }

    /** A ticket brought to {@code status} along allowed moves. */
    private static Ticket ticketIn(TicketStatus status) {
        Ticket ticket = Ticket.open(7, new NewTicket("Printer on fire", "Smoke", Severity.CRITICAL, "Hardware",
                UUID.randomUUID()), new Author("bob", "Bob"), CREATED);
        switch (status) {
            case OPEN -> {
            }
            case IN_PROGRESS -> ticket.changeStatus(IN_PROGRESS, ALICE, CREATED);
            case RESOLVED -> ticket.changeStatus(RESOLVED, ALICE, CREATED);
            case CLOSED -> ticket.changeStatus(CLOSED, ALICE, CREATED);
        }
        return ticket;
    }
}
