package org.annals.base;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class H2CrashRecoveryTest {

    @TempDir
    Path folder;

    @Test
    void only_a_local_h2_file_is_checked_before_start_up() {
        assertThat(H2CrashRecovery.databaseFile("jdbc:h2:file:/srv/annals/data/annals;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"))
                .contains(Path.of("/srv/annals/data/annals.mv.db"));
        assertThat(H2CrashRecovery.databaseFile("jdbc:h2:./data/annals")).contains(Path.of("./data/annals.mv.db"));
        assertThat(H2CrashRecovery.databaseFile("jdbc:h2:mem:annals;DB_CLOSE_DELAY=-1")).isEmpty();
        assertThat(H2CrashRecovery.databaseFile("jdbc:h2:tcp://localhost/~/annals")).isEmpty();
        assertThat(H2CrashRecovery.databaseFile("jdbc:h2:file:./data/annals;CIPHER=AES")).isEmpty();
        assertThat(H2CrashRecovery.databaseFile("jdbc:postgresql://localhost/annals")).isEmpty();
        assertThat(H2CrashRecovery.databaseFile("")).isEmpty();
    }

    @Test
    void the_recovery_pass_keeps_every_committed_row_and_leaves_a_file_h2_opens() throws Exception {
        String url = "jdbc:h2:file:" + folder.resolve("annals") + ";WRITE_DELAY=0";
        try (var connection = DriverManager.getConnection(url, "annals", "")) {
            connection.createStatement().execute("create table kept (id int primary key)");
            connection.createStatement().execute("insert into kept select x from system_range(1, 500)");
            connection.createStatement().execute("delete from kept where id > 300");
        }
        Path file = H2CrashRecovery.databaseFile(url).orElseThrow();
        assertThat(file).isRegularFile();

        H2CrashRecovery.recover(file);

        try (var connection = DriverManager.getConnection(url, "annals", "");
                var rows = connection.createStatement().executeQuery("select count(*), max(id) from kept")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(300);
            assertThat(rows.getInt(2)).isEqualTo(300);
        }
        assertThat(Files.size(file)).isPositive();
    }
}
