package org.annals.event;

/** How much of a date is known. The stored date is the first day of what is known. */
public enum DatePrecision {
    DAY, MONTH, YEAR,
    /** "Around" the given day: sources do not agree or do not say. */
    APPROXIMATE
}
