package org.annals.review;

/** What a reviewer can do with a submitted changeset. */
public enum ReviewAction { APPROVE, REJECT, REQUEST_CHANGES }
