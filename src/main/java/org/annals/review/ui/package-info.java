/** Pages of the review feature. */
@NullMarked
package org.annals.review.ui;

import org.jspecify.annotations.NullMarked;
