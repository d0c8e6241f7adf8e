package dev.ticketsms.profile.teams;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "teams")
class Team {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "owner_id")
    private String ownerId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Team() {
    }

    Team(String name, String ownerId, Instant createdAt) {
        this.name = name.strip();
        this.ownerId = ownerId;
        this.createdAt = createdAt;
    }

    /** Admins manage every team's members; the owner manages their own team's. */
    boolean canBeManagedBy(TeamManager manager) {
        return manager.admin() || isOwnedBy(manager.userId());
    }

    boolean isOwnedBy(String userId) {
        return userId.equals(ownerId);
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    String ownerId() {
        return ownerId;
    }
}
