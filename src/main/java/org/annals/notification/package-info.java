/** In-app notifications: what a person should know about others' decisions on their work, and mentions of them. */
@NullMarked
package org.annals.notification;

import org.jspecify.annotations.NullMarked;
