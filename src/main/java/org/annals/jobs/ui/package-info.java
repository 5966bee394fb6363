/** What views share to show a background job: its progress, a cancel button, and the "busy" message. */
@NullMarked
package org.annals.jobs.ui;

import org.jspecify.annotations.NullMarked;
