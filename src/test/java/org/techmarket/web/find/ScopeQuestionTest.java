package org.techmarket.web.find;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.techmarket.rights.GrantKind;
import org.techmarket.rights.GrantScope;
import org.techmarket.shared.Rejection;

class ScopeQuestionTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 8);

    @Test
    void noPickerFieldsSentIsNoQuestion() {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("lang", "en");

        ScopeQuestion question = ScopeQuestion.of(parameters);

        assertThat(question).isEqualTo(new ScopeQuestion(null, null, null, null, null));
        assertThat(question.asked()).isFalse();
    }

    @Test
    void thePickersFieldsAreTakenAsSentTheFirstOfARepeatedOne() {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("kind", "SOLE_LICENCE");
        parameters.add("kind", "ASSIGNMENT");
        parameters.add("territory", "440000");
        parameters.add("field", " H01M ");
        parameters.add("start", "2027-01-01");
        parameters.add("end", "");

        ScopeQuestion question = ScopeQuestion.of(parameters);

        assertThat(question.asked()).isTrue();
        assertThat(question.grantKind()).isEqualTo(GrantKind.SOLE_LICENCE);
        GrantScope scope = question.scope(TODAY);
        assertThat(scope.fields()).containsExactly("H01M");
        assertThat(scope.territories()).containsExactly("440000");
        assertThat(scope.start()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(scope.end()).as("a blank end is a year on").isEqualTo(LocalDate.of(2028, 1, 1));
    }

    @Test
    void aKindThePickerDoesNotOfferOrADateThatIsNoneIsRefusedNamingTheField() {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.put("kind", List.of("FREEHOLD"));
        parameters.put("start", List.of("tomorrow"));
        ScopeQuestion question = ScopeQuestion.of(parameters);

        assertThatThrownBy(question::grantKind).isInstanceOf(Rejection.class).hasMessageContaining("kind");
        assertThatThrownBy(() -> question.scope(TODAY))
                .isInstanceOf(Rejection.class)
                .hasMessageContaining("start is a date");
    }
}
