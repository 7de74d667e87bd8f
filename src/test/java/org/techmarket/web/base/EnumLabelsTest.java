package org.techmarket.web.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.techmarket.asset.AssetKind;
import org.techmarket.asset.LegalStatus;
import org.techmarket.deal.domain.ContractType;
import org.techmarket.deal.domain.DealStatus;
import org.techmarket.deal.domain.LicenceKind;
import org.techmarket.deal.domain.OfferStatus;
import org.techmarket.deal.domain.TransferSubject;
import org.techmarket.demand.domain.NeedKind;
import org.techmarket.demand.domain.NeedStatus;
import org.techmarket.demand.domain.ProposalStatus;
import org.techmarket.ledger.domain.CashOutStatus;
import org.techmarket.listing.application.BidStanding;
import org.techmarket.listing.domain.ListingStatus;
import org.techmarket.listing.domain.MechanismType;
import org.techmarket.participant.OrganizationStatus;
import org.techmarket.participant.OrganizationType;
import org.techmarket.reference.FutureIndustry;
import org.techmarket.rights.GrantKind;
import org.techmarket.rights.domain.GrantType;
import org.techmarket.shared.Money;
import org.techmarket.shared.Role;

/** Every constant of every enum a page shows has words in Chinese and in English, and the two differ. */
class EnumLabelsTest {

    static final List<Class<? extends Enum<?>>> SHOWN = List.of(
            AssetKind.class,
            LegalStatus.class,
            OrganizationType.class,
            OrganizationStatus.class,
            Role.class,
            FutureIndustry.class,
            GrantKind.class,
            GrantType.class,
            ListingStatus.class,
            MechanismType.class,
            DealStatus.class,
            OfferStatus.class,
            BidStanding.class,
            LicenceKind.class,
            ContractType.class,
            TransferSubject.class,
            NeedStatus.class,
            NeedKind.class,
            ProposalStatus.class,
            CashOutStatus.class);

    @ParameterizedTest
    @ValueSource(strings = {"i18n/enums_zh.properties", "i18n/enums.properties"})
    void everyConstantHasALabel(String bundle) throws IOException {
        Properties labels = load(bundle);
        List<String> missing = new ArrayList<>();
        for (Class<? extends Enum<?>> type : SHOWN) {
            for (Enum<?> constant : type.getEnumConstants()) {
                String label = labels.getProperty(Fmt.key(constant));
                if (label == null || label.isBlank()) {
                    missing.add(Fmt.key(constant));
                }
            }
        }
        for (String currency : Money.CURRENCIES) {
            if (labels.getProperty("currency." + currency) == null) {
                missing.add("currency." + currency);
            }
        }
        assertThat(missing).as("labels missing from " + bundle).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"i18n/enums_zh.properties"})
    void theChineseLabelsAreChinese(String bundle) throws IOException {
        Properties chinese = load(bundle);
        Properties english = load("i18n/enums.properties");
        Set<String> same = chinese.stringPropertyNames().stream()
                .filter(key -> chinese.getProperty(key).equals(english.getProperty(key)))
                .collect(Collectors.toSet());
        assertThat(same).isEmpty();
        assertThat(chinese.getProperty("enum.AssetKind.UTILITY_MODEL")).isEqualTo("实用新型专利");
    }

    private static Properties load(String bundle) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = EnumLabelsTest.class.getClassLoader().getResourceAsStream(bundle)) {
            assertThat(in).as(bundle).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
