package org.annals.base;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseWarningTest {

    @Test
    void an_h2_file_database_is_flagged_for_trial_use_and_postgresql_recommended() {
        assertThat(EmbeddedDatabaseWarning.warning("jdbc:h2:file:./data/annals;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"))
                .hasValueSatisfying(message -> assertThat(message)
                        .contains("trying Annals out", "power cut", "PostgreSQL")
                        .doesNotContain("WRITE_DELAY"));
    }

    @Test
    void an_h2_url_without_the_write_delay_setting_is_also_told_so() {
        assertThat(EmbeddedDatabaseWarning.warning("jdbc:h2:./data/annals;DB_CLOSE_ON_EXIT=FALSE"))
                .hasValueSatisfying(message -> assertThat(message).contains("lacks WRITE_DELAY=0"));
    }

    @Test
    void postgresql_and_in_memory_databases_get_no_warning() {
        assertThat(EmbeddedDatabaseWarning.warning("jdbc:postgresql://localhost/annals")).isEmpty();
        assertThat(EmbeddedDatabaseWarning.warning("jdbc:h2:mem:annals;DB_CLOSE_DELAY=-1")).isEmpty();
        assertThat(EmbeddedDatabaseWarning.warning("")).isEmpty();
    }
}
