package org.annals.base.ui;

/**
 * A script for every page's head that takes a fixed 50 ms wait out of every full page load (issue 21).
 *
 * <p>Vaadin's client is GWT code, and its start-up waits for the document to be ready in the old way: it listens
 * for {@code DOMContentLoaded} and, in case that has passed already, checks {@code document.readyState} every
 * 50 ms, not at once. Vaadin imports the client after the page's other scripts, which is always after
 * {@code DOMContentLoaded}, so every page opened by its address waited for that first check: the browser's main
 * thread sat idle 48 ms between the client's script and its start (Chromium trace of the 100 KB source's page,
 * docs/performance.md, issue 21 round 5).
 *
 * <p>The script makes a {@code DOMContentLoaded} listener added to the document once the document is ready get
 * what it waited for: it is called with an event of that type in a task of its own right away ({@code setTimeout}
 * 0), where the 50 ms check would have called it 50 ms later, as jQuery's {@code ready} does for late callers. Not
 * in a microtask of the caller's task: Vaadin's client must finish what it does after registering (started that
 * early, a project page's shell stayed hidden in SearchJourneyTest). Listeners added while the page still loads,
 * other event types and other targets are left alone. A listener that nobody would ever have called before is the
 * only change, and a listener for the document being ready is added to run when it is.
 */
public final class LateReadyListeners {

    public static final String SCRIPT = """
            (function () {
              var add = Document.prototype.addEventListener;
              Document.prototype.addEventListener = function (type, listener, options) {
                add.call(this, type, listener, options);
                if (type === 'DOMContentLoaded' && listener && this.readyState !== 'loading') {
                  var target = this;
                  setTimeout(function () {
                    var event = new Event('DOMContentLoaded');
                    if (typeof listener === 'function') listener.call(target, event);
                    else if (typeof listener.handleEvent === 'function') listener.handleEvent(event);
                  }, 0);
                }
              };
            })();
            """;

    private LateReadyListeners() {
    }
}
