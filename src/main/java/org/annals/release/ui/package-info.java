/** The releases page. */
@NullMarked
package org.annals.release.ui;

import org.jspecify.annotations.NullMarked;
