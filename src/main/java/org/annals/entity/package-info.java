/**
 * The entity registry: people, organisations and armed groups, places, military units. Entities
 * change only through reviewed changesets ({@link org.annals.entity.EntityRecordType} plugs them
 * into the moderation engine); merged duplicates stay as redirects so old links keep working.
 */
@NullMarked
package org.annals.entity;

import org.jspecify.annotations.NullMarked;
