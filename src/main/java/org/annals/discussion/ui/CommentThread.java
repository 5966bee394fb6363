package org.annals.discussion.ui;

import org.annals.base.ui.Moments;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.annals.base.InvalidInputException;
import org.annals.collab.CollabEvent;
import org.annals.collab.CollabService;
import org.annals.collab.ui.LiveRefresh;
import org.annals.discussion.DiscussionService;
import org.annals.discussion.Mentionable;
import org.annals.discussion.ThreadComment;

/**
 * A discussion: the comments, oldest first, and a box to add one. Bodies are shown as text, exactly as
 * typed (markup stays visible as characters), with {@code @names} marked. While attached the thread
 * follows its project's live updates and reloads its comments when someone comments on it, on any
 * node; the box and what is being typed in it are left alone. Typing {@code @} and the start of a
 * name offers the members the writer may mention.
 */
public final class CommentThread extends Div {

    /** Where a thread's comments come from and go to. */
    public interface Source {

        UUID projectId();

        List<ThreadComment> load();

        /** Stores a comment; throws {@link InvalidInputException} with a message for the writer. */
        void post(String body);

        /** Whether a live event may have changed this thread (runs on a bus thread: read captured ids only). */
        boolean concerns(CollabEvent event);
    }

    private static final int SUGGESTIONS = 6;
    /** An {@code @} and the start of a name at the end of what is typed: what completion completes. */
    private static final Pattern TYPING_MENTION = Pattern.compile("(?:^|[^\\p{L}\\p{N}._@-])@([A-Za-z0-9._-]{0,32})$");

    private final Source source;
    private final DiscussionService discussion;
    private final Div comments = new Div();
    private final TextArea text = new TextArea();
    private final Div suggestions = new Div();

    CommentThread(Source source, DiscussionService discussion, CollabService collab) {
        this.source = source;
        this.discussion = discussion;
        addClassName("comment-thread");
        comments.addClassName("comment-list");
        comments.getElement().setAttribute("aria-live", "polite");

        text.setLabel("Add a comment");
        text.setPlaceholder("Type @ and a name to tell someone");
        text.setWidthFull();
        text.setMaxLength(DiscussionService.BODY_MAX_LENGTH);
        text.setHelperText("Shown exactly as typed, as text. At most "
                + String.format("%,d", DiscussionService.BODY_MAX_LENGTH) + " characters.");
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addValueChangeListener(e -> {
            text.setInvalid(false);
            suggest(e.getValue());
        });
        text.addClassName("comment-input");
        suggestions.addClassName("mention-suggestions");
        var post = new Button("Comment", e -> post());
        post.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        post.addClassName("comment-post");

        add(new H3("Discussion"), comments, text, suggestions, post);
        reload();
        LiveRefresh.of(this, collab).follow(source.projectId(), source::concerns, events -> reload());
    }

    private void post() {
        try {
            source.post(text.getValue());
        } catch (InvalidInputException invalid) {
            // What was typed stays, with the reason beside it.
            text.setErrorMessage(invalid.getMessage());
            text.setInvalid(true);
            return;
        }
        text.clear();
        suggestions.removeAll();
        reload();
    }

    private void reload() {
        comments.removeAll();
        List<ThreadComment> all = source.load();
        if (all.isEmpty()) {
            var none = new Paragraph("No comments yet.");
            none.addClassName("comment-none");
            comments.add(none);
        }
        for (ThreadComment comment : all) {
            var author = new Span(comment.author());
            author.addClassName("comment-author");
            var at = new Span(" · " + Moments.format(comment.at()));
            at.addClassName("comment-at");
            var item = new Div(new Div(author, at), body(comment.body()));
            item.addClassName("comment");
            comments.add(item);
        }
    }

    /** The body as text nodes, with mentions in spans of their own: never parsed as markup. */
    static Paragraph body(String body) {
        var paragraph = new Paragraph();
        paragraph.addClassName("comment-body");
        Matcher m = DiscussionService.MENTION.matcher(body);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                paragraph.add(new Text(body.substring(at, m.start())));
            }
            var mention = new Span(m.group());
            mention.addClassName("mention");
            paragraph.add(mention);
            at = m.end();
        }
        if (at < body.length()) {
            paragraph.add(new Text(body.substring(at)));
        }
        return paragraph;
    }

    private void suggest(String value) {
        suggestions.removeAll();
        Matcher typing = TYPING_MENTION.matcher(value);
        if (!typing.find()) {
            return;
        }
        String start = typing.group(1);
        for (Mentionable who : discussion.mentionable(source.projectId(), start, SUGGESTIONS)) {
            var choice = new Button(who.label(), e -> {
                String current = text.getValue();
                Matcher still = TYPING_MENTION.matcher(current);
                if (still.find()) {
                    text.setValue(current.substring(0, still.start(1) - 1) + who.handle() + " ");
                }
                suggestions.removeAll();
                text.focus();
            });
            choice.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            choice.addClassName("mention-suggestion");
            suggestions.add(choice);
        }
    }
}
