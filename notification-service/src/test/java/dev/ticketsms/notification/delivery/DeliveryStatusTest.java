package dev.ticketsms.notification.delivery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;

import static dev.ticketsms.notification.delivery.DeliveryStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The ledger's state machine: what may follow what, and what never moves again. */
class DeliveryStatusTest {

    @Test
    void aClaimedRowGoesOnTheWireOrIsHeldSkippedOrGivenUpNothingElse() {
        assertThat(movesFrom(PENDING)).containsExactlyInAnyOrder(SENDING, HELD, SKIPPED, FAILED);
    }

    @Test
    void aHeldRowIsReleasedForSendingOrSummarizedNeverSentStraightFromHeld() {
        assertThat(movesFrom(HELD)).containsExactlyInAnyOrder(PENDING, SKIPPED);
    }

    @Test
    void aRequestOnTheWireEndsInAnyTwilioOutcomeOrIsHandedBackOrUnknown() {
        assertThat(movesFrom(SENDING)).containsExactlyInAnyOrder(PENDING, UNKNOWN, SENT, DELIVERED, UNDELIVERED, FAILED);
        assertThat(SENDING.mayMoveTo(SKIPPED)).as("a request on the wire can no longer be withheld").isFalse();
    }

    @Test
    void anUnknownOutcomeIsSettledByTwilioOrSentAgainNeverSkipped() {
        assertThat(movesFrom(UNKNOWN)).containsExactlyInAnyOrder(PENDING, SENT, DELIVERED, UNDELIVERED, FAILED);
    }

    @Test
    void aSentMessageOnlyMovesForwardSoALateSentNeverOverwritesDelivered() {
        assertThat(movesFrom(SENT)).containsExactlyInAnyOrder(DELIVERED, UNDELIVERED, FAILED);
        assertThat(DELIVERED.mayMoveTo(SENT)).isFalse();
        assertThat(SENT.mayMoveTo(PENDING)).as("never sent twice").isFalse();
    }

    @ParameterizedTest
    @EnumSource(names = {"DELIVERED", "UNDELIVERED", "FAILED", "SKIPPED"})
    void finalStatusesNeverMove(DeliveryStatus status) {
        assertThat(status.isFinal()).isTrue();
        assertThat(movesFrom(status)).isEmpty();
    }

    @Test
    void updatesTakeTheirStartingStatesFromTheTable() {
        assertThat(DeliveryStatus.from(PENDING)).containsExactlyInAnyOrder("HELD", "SENDING", "UNKNOWN");
        assertThat(DeliveryStatus.from(DELIVERED)).containsExactlyInAnyOrder("SENDING", "UNKNOWN", "SENT");
    }

    @Test
    void retentionMayDeleteOnlyRowsNothingWillSendAnyMore() {
        assertThat(DeliveryStatus.settled()).containsExactlyInAnyOrder("SENT", "DELIVERED", "UNDELIVERED", "FAILED", "SKIPPED");
    }

    private static EnumSet<DeliveryStatus> movesFrom(DeliveryStatus from) {
        EnumSet<DeliveryStatus> moves = EnumSet.noneOf(DeliveryStatus.class);
        for (DeliveryStatus next : values()) {
            if (from.mayMoveTo(next)) {
                moves.add(next);
            }
        }
        return moves;
    }
}
