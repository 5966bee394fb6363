/** Pages of the timeline feature. */
@NullMarked
package org.annals.event.ui;

import org.jspecify.annotations.NullMarked;
