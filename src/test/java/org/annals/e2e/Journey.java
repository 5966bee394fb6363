package org.annals.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Map;

/**
 * What a person does in a browser, counted the way the journey budgets count it: every click or tap,
 * every key press (Enter, Escape, a shortcut), every text selection made with the mouse, and every
 * character typed. A field filled counts one interaction (the click into it) plus its characters; a
 * field that the application pre-filled and the person only confirms costs nothing. Navigation by
 * typing an address counts one interaction. Used by the journey tests (which check the counts) and
 * the journey benchmark (which also reports the wall time).
 */
public final class Journey {

    private final Page page;
    private int interactions;
    private int typed;

    public Journey(Page page) {
        this.page = page;
    }

    public Page page() {
        return page;
    }

    public void open(String url) {
        interactions++;
        page.navigate(url);
    }

    public void click(Locator target) {
        interactions++;
        target.click();
    }

    /** Clicks into a field and types the text (replacing what was there). */
    public void type(Locator field, String text) {
        interactions++;
        typed += text.length();
        field.fill(text);
    }

    /** Clicks into a field and types the text key by key (a combo box filters as it is typed). */
    public void typeKeys(Locator field, String text) {
        interactions++;
        typed += text.length();
        field.click();
        field.pressSequentially(text);
    }

    public void press(Locator target, String key) {
        interactions++;
        target.press(key);
    }

    public void press(String key) {
        interactions++;
        page.keyboard().press(key);
    }

    /** A selection made with the mouse (press, drag, release): one interaction. */
    public Map<String, Double> select(String phrase, int occurrence) {
        interactions++;
        return AnnotationJourneyTest.select(page, phrase, occurrence);
    }

    public int interactions() {
        return interactions;
    }

    public int typedCharacters() {
        return typed;
    }

    @Override
    public String toString() {
        return interactions + " interactions, " + typed + " typed characters";
    }
}
