package org.annals.collab;

import static org.assertj.core.api.Assertions.assertThat;

import org.annals.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** One node on H2: the in-process bus (the default) is its own observer. */
@IntegrationTest
class CollabH2Test extends CollabContract {

    @Override
    CollabBus observer() {
        return bus;
    }

    @Test
    void the_default_bus_is_in_process() {
        assertThat(bus).isInstanceOf(InProcessCollabBus.class);
    }
}
