/** Pages for the project list, a project's overview and its members. */
@NullMarked
package org.annals.project.ui;

import org.jspecify.annotations.NullMarked;
