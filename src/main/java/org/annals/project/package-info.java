/**
 * Projects (one curation workspace each) and their members. {@link org.annals.project.ProjectAccess}
 * is the one place that answers "may the current user do this in this project?"; every service of
 * every feature asks it before touching project data.
 */
@NullMarked
package org.annals.project;

import org.jspecify.annotations.NullMarked;
