package dev.ticketsms.ticket.tickets;

import dev.ticketsms.events.Severity;
import dev.ticketsms.events.TicketCreated;
import dev.ticketsms.events.TicketEvent;
import dev.ticketsms.events.TicketStatus;
import dev.ticketsms.events.TicketStatusChanged;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.springframework.data.domain.AbstractAggregateRoot;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A support ticket: the aggregate owns its state and registers the {@link TicketEvent}s that its changes produce,
 * which the outbox stores in the same transaction.
 */
@Entity
@Table(name = "tickets")
public class Ticket extends AbstractAggregateRoot<Ticket> {

    @Id
    private UUID id;

    /** The short human number ("#1234"), unique and increasing, from the ticket_numbers sequence. */
    @Column(updatable = false)
    private long number;

    private String title;

    private String description;

    @Enumerated(EnumType.STRING)
    private Severity severity;

    private String category;

    @Column(name = "team_id")
    private UUID teamId;

    @Enumerated(EnumType.STRING)
    private TicketStatus status;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_by_name")
    private String createdByName;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    /** Optimistic lock; also the {@code ticketVersion} of the last event this ticket published. */
    @Version
    private long version;

    protected Ticket() {
    }

    /** Opens a new ticket and registers {@link TicketCreated}. */
    static Ticket open(long number, NewTicket details, Author author, Instant now) {
        var ticket = new Ticket();
        ticket.id = UUID.randomUUID();
        ticket.number = number;
        ticket.title = details.title();
        ticket.description = details.description();
        ticket.severity = details.severity();
        ticket.category = details.category();
        ticket.teamId = details.teamId();
        ticket.status = TicketStatus.OPEN;
        ticket.createdBy = author.userId();
        ticket.createdByName = author.displayName();
        ticket.createdAt = now;
        ticket.updatedAt = now;
        ticket.registerEvent(new TicketCreated(UUID.randomUUID(), now, ticket.id, ticket.teamId, ticket.version,
                ticket.title, ticket.severity, ticket.category, ticket.createdBy, ticket.createdByName, ticket.number));
        return ticket;
    }

    /**
     * Moves the ticket to {@code to} if its workflow allows it and registers {@link TicketStatusChanged} carrying
     * the version this change will be stored under. One change per transaction: the optimistic-lock version grows
     * once per flush.
     *
     * @return false, and nothing registered, when the ticket already has that status
     * @throws StatusChangeNotAllowedException when the workflow does not allow the move
     */
    boolean changeStatus(TicketStatus to, Author author, Instant now) {
        if (to == status) {
            return false;
        }
        if (!TicketStatusWorkflow.allows(status, to)) {
            throw new StatusChangeNotAllowedException(status, to);
        }
        TicketStatus from = status;
        status = to;
        updatedAt = now;
        registerEvent(new TicketStatusChanged(UUID.randomUUID(), now, id, teamId, version + 1, title, severity,
                category, from, to, author.userId(), author.displayName(), number));
        return true;
    }

    /** The events registered and not yet published (they are published, and cleared, when the ticket is saved). */
    List<Object> events() {
        return List.copyOf(domainEvents());
    }

    public UUID id() {
        return id;
    }

    public long number() {
        return number;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public Severity severity() {
        return severity;
    }

    public String category() {
        return category;
    }

    public UUID teamId() {
        return teamId;
    }

    public TicketStatus status() {
        return status;
    }

    public String createdBy() {
        return createdBy;
    }

    public String createdByName() {
        return createdByName;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
