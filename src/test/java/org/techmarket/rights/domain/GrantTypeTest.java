package org.techmarket.rights.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class GrantTypeTest {

    @Test
    void four_kinds_of_licence_and_two_of_them_exclusive() {
        assertThat(Arrays.stream(GrantType.values()).filter(GrantType::isLicence))
                .containsExactlyInAnyOrder(
                        GrantType.EXCLUSIVE_LICENCE,
                        GrantType.SOLE_LICENCE,
                        GrantType.NON_EXCLUSIVE_LICENCE,
                        GrantType.OPEN_LICENCE);
        assertThat(EnumSet.allOf(GrantType.class).stream().filter(GrantType::isExclusiveKind))
                .containsExactlyInAnyOrder(GrantType.EXCLUSIVE_LICENCE, GrantType.SOLE_LICENCE);
    }
}
