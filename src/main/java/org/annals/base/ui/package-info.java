/**
 * The application shell: the main layout with navigation and the user menu, the central error
 * handler, and the pages shown for missing records and refused access.
 */
@NullMarked
package org.annals.base.ui;

import org.jspecify.annotations.NullMarked;
