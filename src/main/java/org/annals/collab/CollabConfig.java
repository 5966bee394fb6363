package org.annals.collab;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the bus that {@code annals.collab.bus} names. */
@Configuration(proxyBeanMethods = false)
class CollabConfig {

    private static final Logger log = LoggerFactory.getLogger(CollabConfig.class);

    @Bean(destroyMethod = "close")
    CollabBus collabBus(CollabProperties properties, DataSource dataSource,
            ObjectProvider<JdbcConnectionDetails> connectionDetails) throws SQLException, InterruptedException {
        if (properties.bus() == CollabProperties.Bus.IN_PROCESS) {
            return new InProcessCollabBus(properties.deliveryThreads());
        }
        try (Connection probe = dataSource.getConnection()) {
            if (!probe.isWrapperFor(PGConnection.class)) {
                throw new IllegalStateException("annals.collab.bus=postgres needs PostgreSQL, but the database is "
                        + probe.getMetaData().getDatabaseProductName() + ": use the postgres profile, or the in-process bus");
            }
        }
        // The listening connection stays open for the node's lifetime: it is opened directly, not taken
        // from the pool (where it would hold a slot forever). Without Boot's connection details (a
        // data source from elsewhere), it comes from the pool after all.
        JdbcConnectionDetails details = connectionDetails.getIfAvailable();
        PostgresCollabBus.Connector listen = details == null ? dataSource::getConnection : () -> {
            var info = new Properties();
            if (details.getUsername() != null) {
                info.setProperty("user", details.getUsername());
            }
            if (details.getPassword() != null) {
                info.setProperty("password", details.getPassword());
            }
            info.setProperty("ApplicationName", "annals live updates");
            info.setProperty("tcpKeepAlive", "true");
            return DriverManager.getConnection(details.getJdbcUrl(), info);
        };
        var bus = new PostgresCollabBus(listen, dataSource::getConnection, properties.deliveryThreads());
        bus.start();
        // Ready once it hears the other nodes; a database that is slow to answer only delays that.
        if (!bus.awaitListening(Duration.ofSeconds(30))) {
            log.warn("Live updates: not listening to the other nodes yet; still trying");
        }
        return bus;
    }
}
