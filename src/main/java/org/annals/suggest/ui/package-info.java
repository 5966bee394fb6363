/** The managers' page of what the project's suggestions leave out. */
@NullMarked
package org.annals.suggest.ui;

import org.jspecify.annotations.NullMarked;
