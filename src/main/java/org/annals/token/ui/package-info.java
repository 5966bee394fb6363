/** The page where users create and revoke their personal access tokens. */
@NullMarked
package org.annals.token.ui;

import org.jspecify.annotations.NullMarked;
