/**
 * What every feature shares: the entity base class with application-generated ids and optimistic
 * versions, and the exceptions that carry a message meant for the user.
 */
@NullMarked
package org.annals.base;

import org.jspecify.annotations.NullMarked;
