/** The source page with its annotation editor, the evidence lists of records, and their pieces. */
@NullMarked
package org.annals.annotation.ui;

import org.jspecify.annotations.NullMarked;
