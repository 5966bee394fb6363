package org.annals.review;

/**
 * A record offered in a picker before it is approved (decision 0023): proposed in the caller's own
 * draft ({@code draft}), or submitted by someone for review. Using it makes the new changeset wait for
 * the one that creates it.
 */
public record Pending<T>(T item, boolean draft) {
}
