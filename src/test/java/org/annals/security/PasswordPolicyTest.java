package org.annals.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.annals.base.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            short                                  | at least 12
            elevenchars                            | at least 12
            password1234                           | too common
            PASSWORD1234                           | too common
            iloveyou1234                           | too common
            Sunshine2024!                          | too common
            !!football!!2023                       | too common
            aaaaaaaaaaaaaa                         | too easy
            abababababababab                       | too easy
            abcdefghijklmnop                       | too easy
            qwertyuiopasdf                         | too easy
            3456789012345                          | too easy
            9876543210987                          | too easy
            my-name-is-margaret-ok                 | user name
            """)
    void weak_passwords_are_refused_with_a_reason(String password, String reason) {
        assertThatThrownBy(() -> policy.check(password, "margaret"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"quiet-harbour-lantern-917", "Tomate verde y cinco gatos", "مكتبة الإسكندرية القديمة",
            "zebra ink 4 hollow maple"})
    void long_uncommon_passwords_in_any_script_are_accepted(String password) {
        assertThatCode(() -> policy.check(password, "margaret")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(ints = {256, 257})
    void passwords_are_capped_so_hashing_cannot_be_abused(int length) {
        String password = "correct-horse-".repeat(20).substring(0, length);
        if (length <= PasswordPolicy.MAX_LENGTH) {
            assertThatCode(() -> policy.check(password, "margaret")).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> policy.check(password, "margaret")).hasMessageContaining("at most 256");
        }
    }
}
