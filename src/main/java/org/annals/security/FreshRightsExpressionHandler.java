package org.annals.security;

import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.expression.EvaluationContext;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.core.Authentication;

/**
 * Spring's {@code @PreAuthorize} evaluation, with one step first: the caller's session is compared
 * with the account in the database ({@link SessionStanding}). Every service carries
 * {@code @PreAuthorize} (decision 0002), so this is the one place where every action of a browser
 * page or an API call re-checks the person; the rule in the annotation then runs as before.
 */
final class FreshRightsExpressionHandler extends DefaultMethodSecurityExpressionHandler {

    private final ObjectProvider<SessionStanding> standing;

    FreshRightsExpressionHandler(ObjectProvider<SessionStanding> standing) {
        this.standing = standing;
    }

    @Override
    public EvaluationContext createEvaluationContext(Supplier<? extends Authentication> authentication,
            MethodInvocation invocation) {
        standing.getObject().verify(authentication.get());
        return super.createEvaluationContext(authentication, invocation);
    }
}
