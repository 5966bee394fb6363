/** Pages of the entity registry: list and search, one entity with its history, and the proposal form. */
@NullMarked
package org.annals.entity.ui;

import org.jspecify.annotations.NullMarked;
