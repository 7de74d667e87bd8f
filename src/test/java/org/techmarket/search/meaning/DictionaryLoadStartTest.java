package org.techmarket.search.meaning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.support.GenericApplicationContext;

class DictionaryLoadStartTest {

    @Test
    void theDictionaryStartsLoadingOnlyOnceTheMarketAcceptsTraffic() {
        Translations translations =
                Translations.pending(() -> BilingualDictionary.of(List.of("燃料电池\tfuel cell / fuel cells")));
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.registerBean(Translations.class, () -> translations);
            context.refresh();
            MeaningConfiguration meaning = new MeaningConfiguration();

            meaning.loadDictionary(new AvailabilityChangeEvent<>(context, ReadinessState.REFUSING_TRAFFIC));
            assertThat(translations.loadingStarted()).isFalse();

            meaning.loadDictionary(new AvailabilityChangeEvent<>(context, ReadinessState.ACCEPTING_TRAFFIC));
            assertThat(translations.loadingStarted()).isTrue();
        }
    }
}
