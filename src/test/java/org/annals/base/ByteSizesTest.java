package org.annals.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteSizesTest {

    private static final long MB = 1024 * 1024;

    @Test
    void a_limit_reads_back_as_it_was_configured() {
        assertThat(ByteSizes.format(10 * MB)).isEqualTo("10 MB");
        assertThat(ByteSizes.format(500 * 1024)).isEqualTo("500 KB");
        assertThat(ByteSizes.format(32 * MB)).isEqualTo("32 MB");
        assertThat(ByteSizes.format(MB + MB / 2)).isEqualTo("1.5 MB");
        assertThat(ByteSizes.format(900)).isEqualTo("900 bytes");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            11010048  | 10485760 | The file is too large (10.5 MB). The limit is 10 MB.
            10485761  | 10485760 | The file is too large (10.1 MB). The limit is 10 MB.
            104857600 | 10485760 | The file is too large (100 MB). The limit is 10 MB.
            512001    | 512000   | The file is too large (500.1 KB). The limit is 500 KB.
            """)
    void a_size_over_the_limit_never_reads_like_the_limit(long size, long limit, String message) {
        assertThat(ByteSizes.tooLarge("The file", size, limit)).isEqualTo(message);
    }

    @Test
    void a_limit_that_is_not_round_still_differs_from_the_size_over_it() {
        long limit = 10 * MB + MB / 4;
        assertThat(ByteSizes.tooLarge("The file", limit + 1, limit))
                .isEqualTo("The file is too large (10.3 MB). The limit is 10.25 MB.");
    }
}
