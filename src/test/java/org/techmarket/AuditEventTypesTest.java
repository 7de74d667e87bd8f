package org.techmarket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.techmarket.asset.AssetOwnershipCorrected;
import org.techmarket.audit.AuditEventType;
import org.techmarket.audit.AuditLog;
import org.techmarket.participant.OrganizationSuspended;
import org.techmarket.rights.GrantExpired;
import org.techmarket.rights.GrantRecorded;
import org.techmarket.rights.GrantTerminated;
import org.techmarket.rights.OpenLicenceDeclared;
import org.techmarket.rights.OpenLicenceTaken;
import org.techmarket.rights.OpenLicenceWithdrawn;
import org.techmarket.rights.PledgeReleased;
import org.techmarket.support.EnumScan;

/**
 * The audit log's event types are stored strings that readers of the log match on: naming them in enums and
 * records must not change one of them.
 */
class AuditEventTypesTest {

    @Test
    void theModulesEnumsNameTheTypesStoredSoFar() {
        assertThat(EnumScan.constantsOf(AuditEventType.class))
                .extracting(Enum::name)
                .containsExactlyInAnyOrder(
                        "AssetRegistered",
                        "AssetUpdated",
                        "AssetOwnershipTransferred",
                        "CoOwnershipConfirmed",
                        "CoOwnershipDeclined",
                        "OwnershipDisputeFiled",
                        "OwnershipDisputeDecided",
                        "OrganizationRegistered",
                        "OrganizationVerified",
                        "OrganizationParticularsChanged",
                        "UserAdded",
                        "UserDeactivated",
                        "UserReactivated",
                        "TokenIssued",
                        "TokenRevoked",
                        "AccountUnlocked",
                        "VenueOpened",
                        "MandateProposed",
                        "MandateConfirmed",
                        "MandateRevoked",
                        "BrokerQualificationRecorded",
                        "RegulatorProvincesLimited",
                        "FeeScheduleSet",
                        "RulebookPublished",
                        "CrossListingRequested",
                        "CrossListingApproved",
                        "VerificationConcernRaised",
                        "TransfersPosted",
                        "EscrowOpened",
                        "HoldPlaced",
                        "HoldCaptured",
                        "HoldReleased",
                        "HoldExpired",
                        "CashInRecorded",
                        "CashOutRequested",
                        "CashOutConfirmed",
                        "CashOutCancelled",
                        "StuckItemReleased",
                        "AlertRaised",
                        "AlertReviewed",
                        "AssetValued",
                        "SavedSearchCreated",
                        "SavedSearchDeleted",
                        "SearchRebuildRequested",
                        "NeedDrafted",
                        "NeedPublished",
                        "NeedFulfilled",
                        "NeedClosed",
                        "NeedExpired",
                        "ProposalSubmitted",
                        "ProposalScored",
                        "WinnerSelected",
                        "WebhookRegistered",
                        "WebhookRemoved",
                        "WebhookDeliveryAbandoned",
                        "NotificationsRead",
                        "FinancingRequested",
                        "FinancingConsented",
                        "FinancingOffered",
                        "FinancingOfferExpired",
                        "LoanDisbursed",
                        "InterestAccrued",
                        "InstalmentCollected",
                        "LoanOverdue",
                        "LoanBroughtCurrent",
                        "LoanRepaid",
                        "LoanDefaulted",
                        "LoanSaleListed",
                        "LoanSettledBySale",
                        "SignerKeyRegistered",
                        "SignerKeyRevoked",
                        "ServerHeldKeysChosen");
    }

    @Test
    void anEventPublishedAsARecordIsLoggedUnderTheRecordsName() {
        List<Class<? extends Record>> published = List.of(
                GrantRecorded.class,
                GrantTerminated.class,
                GrantExpired.class,
                OpenLicenceDeclared.class,
                OpenLicenceWithdrawn.class,
                OpenLicenceTaken.class,
                AssetOwnershipCorrected.class,
                OrganizationSuspended.class,
                PledgeReleased.class);
        assertThat(published)
                .extracting(AuditLog::typeOf)
                .containsExactly(
                        "GrantRecorded",
                        "GrantTerminated",
                        "GrantExpired",
                        "OpenLicenceDeclared",
                        "OpenLicenceWithdrawn",
                        "OpenLicenceTaken",
                        "AssetOwnershipCorrected",
                        "OrganizationSuspended",
                        "PledgeReleased");
    }
}
