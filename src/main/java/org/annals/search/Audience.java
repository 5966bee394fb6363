package org.annals.search;

/**
 * Who may see a document, by the same rules as the pages: stored with the document, checked at query
 * time against the person asking (their role in the project is read afresh for every search).
 */
public enum Audience {
    /** Vetted data (and sources, and comments on records): every member of the project. */
    MEMBERS,
    /** A proposal submitted for review: editors and up. */
    EDITORS,
    /** Something in a person's own draft: that person alone ({@link SearchDocument#ownerId()}). */
    OWNER
}
