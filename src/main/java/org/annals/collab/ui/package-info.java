/** Live updates in views: keeping a page subscribed while it is open and reloading it through its UI. */
@NullMarked
package org.annals.collab.ui;

import org.jspecify.annotations.NullMarked;
