package org.techmarket.deal.domain;

import java.time.LocalDate;
import java.util.Optional;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

/**
 * What a venue's technology contract registration certifies: the number, the contract's hash, the parties, the
 * type, the technology transaction amount and whether the income qualifies as technology transfer income. Only a
 * signed contract in force is registered, under a number of the venue's region and the year of registration.
 */
public record ContractRegistration(
        RegistrationNumber number,
        String venueId,
        ContractHash contractHash,
        Party seller,
        Party buyer,
        ContractType type,
        Optional<TransferSubject> transferSubject,
        Optional<LicenceKind> licenceKind,
        Money transactionAmount,
        TransferIncomeQualification qualification,
        LocalDate registeredOn) {

    public ContractRegistration {
        Require.present(number, "number");
        Require.text(venueId, "venueId", 100);
        Require.present(contractHash, "contractHash");
        Require.present(seller, "seller");
        Require.present(buyer, "buyer");
        Require.present(type, "type");
        transferSubject = transferSubject == null ? Optional.empty() : transferSubject;
        licenceKind = licenceKind == null ? Optional.empty() : licenceKind;
        Require.present(transactionAmount, "transactionAmount");
        Require.present(qualification, "qualification");
        Require.present(registeredOn, "registeredOn");
    }

    /**
     * Registers a contract. The transaction amount is the contract price: for a running royalty that is the
     * upfront fee, since royalties are not known when the contract is registered.
     */
    public static ContractRegistration register(
            RegistrationNumber number,
            Venue venue,
            Contract contract,
            ContractHash hash,
            DealStatus status,
            boolean whollyRelated,
            LocalDate registeredOn) {
        if (!status.mayRegister()) {
            throw Rejection.conflict(
                    DealCodes.DEAL_NOT_SIGNED,
                    "Only a signed contract in force can be registered;" + " this deal is " + status);
        }
        if (!number.regionCode().equals(venue.regionCode()) || number.year() != registeredOn.getYear()) {
            throw Rejection.invalid(
                    DealCodes.INVALID_REGISTRATION_NUMBER,
                    "registrationNumber",
                    "a number of "
                            + venue.name() + " in " + registeredOn.getYear() + " begins " + registeredOn.getYear() + "-"
                            + venue.regionCode());
        }
        return new ContractRegistration(
                number,
                venue.id(),
                hash,
                contract.seller(),
                contract.buyer(),
                contract.type(),
                contract.transferSubject(),
                contract.licenceKind(),
                contract.price(),
                TransferIncomeQualification.assess(contract, whollyRelated),
                registeredOn);
    }
}
