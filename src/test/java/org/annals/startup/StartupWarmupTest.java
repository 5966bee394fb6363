package org.annals.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The start-up warm-up (issue 21, point 4) creates every repository that start-up left to first use,
 * and reads and writes nothing: every table has the same rows before and after. The automatic run
 * after start is switched off here so that the test sees the repositories before and after one run.
 */
@SpringBootTest
@TestPropertySource(locations = "classpath:annals-test.properties", properties = "annals.startup.warm-up=false")
class StartupWarmupTest {

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void creates_every_repository_left_for_first_use_and_changes_nothing_in_the_database() {
        ConfigurableListableBeanFactory beans = context.getBeanFactory();
        // Read from the bean definitions, which creates nothing: every Spring Data repository of the app.
        List<String> repositories = Arrays.stream(beans.getBeanDefinitionNames())
                .filter(name -> String.valueOf(beans.getBeanDefinition(name).getBeanClassName())
                        .endsWith("RepositoryFactoryBean"))
                .toList();
        assertThat(repositories).hasSizeGreaterThan(10);
        List<String> notYetCreated = repositories.stream().filter(name -> !beans.containsSingleton(name)).toList();
        assertThat(notYetCreated).as("repositories start-up leaves to first use").isNotEmpty();
        Map<String, Object> before = snapshot();

        int warmed = StartupWarmup.warmUp(context);

        assertThat(warmed).isEqualTo(repositories.size());
        assertThat(repositories).allSatisfy(name -> assertThat(beans.containsSingleton(name)).as(name).isTrue());
        assertThat(snapshot()).isEqualTo(before);
    }

    /** Every table's row count and, where it has one, the sum of its row versions. */
    private Map<String, Object> snapshot() {
        var tables = jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'PUBLIC'"
                + " and table_type = 'BASE TABLE' order by table_name", String.class);
        assertThat(tables).isNotEmpty();
        var snapshot = new LinkedHashMap<String, Object>();
        for (String table : tables) {
            snapshot.put(table, jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class));
            var versioned = jdbc.queryForObject("select count(*) from information_schema.columns where table_schema ="
                    + " 'PUBLIC' and table_name = ? and column_name = 'VERSION'", Long.class, table);
            if (versioned != null && versioned > 0) {
                snapshot.put(table + ".version", jdbc.queryForObject("select coalesce(sum(version), 0) from \"" + table
                        + "\"", Long.class));
            }
        }
        return snapshot;
    }
}
