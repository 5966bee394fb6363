/** Pages of the export feature. */
@NullMarked
package org.annals.export.ui;

import org.jspecify.annotations.NullMarked;
