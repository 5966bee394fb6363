package org.annals.review;

public enum ChangeAction { CREATE, UPDATE, DELETE }
