package org.annals.collab;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How live updates travel (see {@code config/application.yaml}).
 *
 * @param bus {@code in-process} for one node, {@code postgres} for several nodes on one PostgreSQL database
 * @param deliveryThreads threads per node that hand events to open pages (which then reload what they show)
 */
@ConfigurationProperties("annals.collab")
public record CollabProperties(@DefaultValue("in-process") Bus bus, @DefaultValue("4") int deliveryThreads) {

    public CollabProperties {
        if (deliveryThreads < 1) {
            throw new IllegalArgumentException("annals.collab.delivery-threads must be at least 1");
        }
    }

    public enum Bus {
        IN_PROCESS,
        POSTGRES
    }
}
