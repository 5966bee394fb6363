/** The comment thread shown on records and changesets, and the project's activity page. */
@NullMarked
package org.annals.discussion.ui;

import org.jspecify.annotations.NullMarked;
