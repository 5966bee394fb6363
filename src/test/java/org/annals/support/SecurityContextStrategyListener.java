package org.annals.support;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Vaadin installs its own security-context strategy in the static {@link SecurityContextHolder}
 * when an application context starts. With several cached test contexts in one JVM the static
 * holder would point at the newest context's strategy while method security of an older context
 * reads its own; this re-points the holder at the strategy of the context the test class uses.
 */
public class SecurityContextStrategyListener implements TestExecutionListener {

    @Override
    public void prepareTestInstance(TestContext testContext) {
        testContext.getApplicationContext().getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }
}
