package dev.ticketsms.ticket.tickets;

import dev.ticketsms.events.TicketStatus;
import dev.ticketsms.ticket.memberships.TeamMemberships;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.github.bucket4j.TimeMeter;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The ticket use cases. Saving a ticket publishes its registered events to the outbox in the same transaction.
 * A ticket of a team the caller does not belong to is treated as absent, so its existence does not leak.
 * Each event texts the team, so openings per user and status changes per ticket are limited ({@link TicketLimits}).
 */
@Service
public class Tickets {

    private final TicketRepository repository;
    private final TeamMemberships memberships;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final RateLimit<String> openingsPerUser;
    private final RateLimit<UUID> statusChangesPerTicket;

    Tickets(TicketRepository repository, TeamMemberships memberships, Clock clock, TransactionTemplate transactions,
            TicketLimits limits) {
        this.repository = repository;
        this.memberships = memberships;
        this.clock = clock;
        this.transactions = transactions;
        TimeMeter time = new ClockTime(clock);
        this.openingsPerUser = new RateLimit<>("Tickets opened by one user", limits.creationsPerUser(), time);
        this.statusChangesPerTicket = new RateLimit<>("Status changes of one ticket", limits.statusChangesPerTicket(), time);
    }

    /**
     * Opens a ticket for one of the caller's teams. Membership is checked against profile-service when the replica
     * does not know it yet (someone added a moment ago), before the transaction starts, so no database connection
     * waits on that call.
     *
     * @throws NotATeamMemberException   when the caller may not open tickets for that team
     * @throws TooManyRequestsException when the caller has opened as many tickets as {@link TicketLimits} allows
     */
    public Ticket open(NewTicket details, Caller caller) {
        if (!caller.admin() && !memberships.isMemberNow(caller.userId(), details.teamId())) {
            throw new NotATeamMemberException(details.teamId());
        }
        openingsPerUser.take(caller.userId());
        return transactions.execute(status ->
                repository.save(Ticket.open(repository.nextNumber(), details, caller.author(), clock.instant())));
    }

    @Transactional(readOnly = true)
    public Optional<Ticket> find(UUID id, Caller caller) {
        return repository.findById(id).filter(ticket -> mayAccess(caller, ticket.teamId()));
    }

    @Transactional(readOnly = true)
    public Page<Ticket> list(TicketFilter filter, Caller caller, Pageable page) {
        if (caller.admin() && filter.teamId() == null) {
            return filter.status() == null ? repository.findAll(page) : repository.findByStatus(filter.status(), page);
        }
        Collection<UUID> teams = filter.teamId() == null ? memberships.teamsOf(caller.userId())
                : mayAccess(caller, filter.teamId()) ? List.of(filter.teamId()) : List.of();
        if (teams.isEmpty()) {
            return Page.empty(page);
        }
        return filter.status() == null ? repository.findByTeamIdIn(teams, page)
                : repository.findByTeamIdInAndStatus(teams, filter.status(), page);
    }

    /**
     * Moves a ticket to {@code to}; moving it to the status it has changes nothing and publishes nothing.
     *
     * @param expectedVersion the version the caller last saw, if they said (HTTP {@code If-Match})
     * @return the ticket as stored, or empty when it does not exist or is not the caller's to see
     * @throws StaleTicketVersionException     when the ticket changed since {@code expectedVersion}
     * @throws StatusChangeNotAllowedException when the workflow does not allow the move
     * @throws TooManyRequestsException        when the ticket has changed as often as {@link TicketLimits} allows;
     *                                         only real changes count (not a move to the status it has, nor a refused one)
     */
    @Transactional
    public Optional<Ticket> changeStatus(UUID id, TicketStatus to, OptionalLong expectedVersion, Caller caller) {
        Optional<Ticket> found = repository.findById(id).filter(ticket -> mayAccess(caller, ticket.teamId()));
        found.ifPresent(ticket -> change(ticket, to, expectedVersion, caller.author()));
        return found;
    }

    /**
     * A member's command by SMS ("RESOLVE 1234"): moves ticket {@code number} to {@code to} as {@code author}, who must
     * belong to the ticket's team. Membership is checked as for opening a ticket (the replica, then profile-service for
     * someone added a moment ago), before the transaction starts. The rules and the event are those of
     * {@link #changeStatus}.
     *
     * @return the ticket as stored, or empty when there is no such ticket or it is not of the author's teams (the same
     *         answer, so a stranger learns nothing)
     * @throws StatusChangeNotAllowedException when the workflow does not allow the move
     * @throws TooManyRequestsException        when the ticket has changed as often as {@link TicketLimits} allows
     */
    public Optional<Ticket> changeStatusByNumber(long number, TicketStatus to, Author author) {
        Optional<UUID> teamId = repository.findByNumber(number).map(Ticket::teamId);
        if (teamId.isEmpty() || !memberships.isMemberNow(author.userId(), teamId.get())) {
            return Optional.empty();
        }
        return transactions.execute(status -> repository.findByNumber(number).map(ticket -> {
            change(ticket, to, OptionalLong.empty(), author);
            return ticket;
        }));
    }

    private void change(Ticket ticket, TicketStatus to, OptionalLong expectedVersion, Author author) {
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != ticket.version()) {
            throw new StaleTicketVersionException(ticket.id(), expectedVersion.getAsLong(), ticket.version());
        }
        if (ticket.changeStatus(to, author, clock.instant())) {
            // refused here, the transaction rolls back: the change in memory is neither stored nor published
            statusChangesPerTicket.take(ticket.id());
            // flushed now so that the returned ticket carries the version its event announced
            repository.saveAndFlush(ticket);
        }
    }

    private boolean mayAccess(Caller caller, UUID teamId) {
        return caller.admin() || memberships.isMember(caller.userId(), teamId);
    }

    /** The limits' time is the service's clock, so a test can move it instead of waiting. */
    private record ClockTime(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
