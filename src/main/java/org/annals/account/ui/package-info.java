/** Pages for one's own account and for administering users. */
@NullMarked
package org.annals.account.ui;

import org.jspecify.annotations.NullMarked;
