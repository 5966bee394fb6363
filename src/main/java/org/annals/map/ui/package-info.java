/** The map page and the {@code annals-map} component's Java side. */
@NullMarked
package org.annals.map.ui;

import org.jspecify.annotations.NullMarked;
