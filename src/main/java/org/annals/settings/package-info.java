/** Site-wide settings that administrators change at run time (deployment settings live in config/application.yaml). */
@NullMarked
package org.annals.settings;

import org.jspecify.annotations.NullMarked;
