/** Pages of the sources feature. */
@NullMarked
package org.annals.source.ui;

import org.jspecify.annotations.NullMarked;
