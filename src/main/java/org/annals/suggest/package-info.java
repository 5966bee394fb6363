/**
 * Suggestions: what the server's recognisers find in a source for an editor to accept in one key or reject,
 * reviewed as any other change once accepted. Each recogniser ({@link org.annals.suggest.Recogniser}) is a
 * small plug-in: registry names and aliases, dates, casualty figures, names the registry lacks. They run in
 * the JVM over text folded as search folds it; nothing leaves the machine and no model is downloaded. The event
 * form and the link dialog read passages with the same recognisers, so text and forms always agree.
 */
@NullMarked
package org.annals.suggest;

import org.jspecify.annotations.NullMarked;
