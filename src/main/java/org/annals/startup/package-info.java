/**
 * Start-up as people meet it: the training run that fills the JDK's ahead-of-time cache with the
 * classes and method profiles of signing in and opening pages (decision 41).
 */
@NullMarked
package org.annals.startup;

import org.jspecify.annotations.NullMarked;
