package org.annals.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;
import org.annals.collab.CollabEvent;
import org.annals.collab.CollabService;
import org.annals.collab.ui.LiveRefresh;
import org.annals.notification.NotificationService;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;
import org.annals.project.ui.ProjectRoutes;
import org.annals.search.ui.ShellSearch;
import org.annals.security.AnnalsPrincipal;
import org.annals.security.CurrentUser;

/**
 * The frame around every signed-in page: site navigation, the current project's navigation and search
 * box when a project page is open, and the user menu (password, API tokens, the REST API's description, theme,
 * sign out).
 */
@Layout
@PermitAll
public final class MainLayout extends AppLayout implements AfterNavigationObserver {

    static final String COLOR_SCHEME_KEY = StoredColorScheme.KEY;

    private final ProjectService projects;
    private final NotificationService notifications;
    private final AuthenticationContext authentication;
    private final Div projectSection = new Div();
    private final ShellSearch search = new ShellSearch();
    private final Button bell = new Button(VaadinIcon.BELL_O.create());
    private final LiveRefresh bellLive;
    /** The count the bell shows, so that a recount that changed nothing sends nothing to the browser. */
    private long shownUnread = -1;

    MainLayout(ProjectService projects, NotificationService notifications, AuthenticationContext authentication,
            CollabService collab) {
        this.projects = projects;
        this.bellLive = LiveRefresh.of(bell, collab);
        this.notifications = notifications;
        this.authentication = authentication;
        setPrimarySection(Section.DRAWER);

        var brand = new Span("Annals");
        brand.addClassName("app-brand");
        projectSection.addClassName("project-nav");
        var navigation = new Div(siteNavigation(), projectSection);
        addToDrawer(brand, new Scroller(navigation));

        var spacer = new Span();
        spacer.addClassName("navbar-spacer");
        addToNavbar(new DrawerToggle(), spacer, search, notificationBell(), userMenu());
        // Typed work another person left in this browser is theirs alone: it goes when someone else signs in.
        addAttachListener(e -> TypedWork.forgetOthers(e.getUI()));
    }

    /** Unread decisions on the user's changesets and mentions of them; opening the list marks them read. */
    private Component notificationBell() {
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        bell.addClassName("notification-bell");
        bell.getElement().setAttribute("aria-label", "Notifications");
        showUnread();
        bell.addClickListener(e -> {
            var dialog = new Dialog();
            dialog.setHeaderTitle("Notifications");
            var list = notifications.mine(30);
            if (list.isEmpty()) {
                dialog.add(new Paragraph("Nothing yet. You will be told here when a reviewer decides on your changes"
                        + " or someone mentions you in a comment."));
            }
            for (var notification : list) {
                var line = new Div();
                line.addClassName(notification.isRead() ? "notification-read" : "notification-unread");
                if (notification.getLink() != null) {
                    var link = new Anchor(notification.getLink(), notification.getMessage());
                    line.add(link);
                } else {
                    line.add(new Span(notification.getMessage()));
                }
                dialog.add(line);
            }
            notifications.markAllRead();
            showUnread();
            dialog.getFooter().add(new Button("Close", c -> dialog.close()));
            dialog.open();
        });
        return bell;
    }

    private void showUnread() {
        long unread = CurrentUser.get().isPresent() ? notifications.unread() : 0;
        if (unread == shownUnread) {
            return;
        }
        shownUnread = unread;
        bell.setText(unread > 0 ? Long.toString(unread) : "");
        bell.setClassName("has-unread", unread > 0);
        bell.getElement().setAttribute("aria-label", unread > 0 ? "Notifications (" + unread + " unread)" : "Notifications");
    }

    private SideNav siteNavigation() {
        var nav = new SideNav();
        nav.addItem(new SideNavItem("Projects", "", VaadinIcon.FOLDER_OPEN.create()));
        if (CurrentUser.get().map(AnnalsPrincipal::isAdmin).orElse(false)) {
            nav.addItem(new SideNavItem("Users", "admin/users", VaadinIcon.USERS.create()));
            nav.addItem(new SideNavItem("Search index", "admin/search", VaadinIcon.SEARCH.create()));
        }
        return nav;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        projectSection.removeAll();
        Optional<ProjectSummary> project = currentProject(event);
        project.ifPresent(p -> projectSection.add(projectNavigation(p)));
        search.follow(project.map(ProjectSummary::id).orElse(null));
        // Mentions, decisions and conflicts notify the viewer while a page of the project is open: the bell
        // recounts when the viewer got one (only they hear of it), not on every change in the project.
        // The project deleted by a manager while a page of it is open: the page leaves for the list of projects.
        project.ifPresentOrElse(p -> bellLive.follow(p.id(),
                e -> e.kind() == CollabEvent.Kind.NOTIFIED || e.kind() == CollabEvent.Kind.RESYNC
                        || e.kind() == CollabEvent.Kind.PROJECT_DELETED,
                events -> {
                    if (events.stream().anyMatch(e -> e.kind() == CollabEvent.Kind.PROJECT_DELETED)) {
                        leaveDeletedProject(p);
                    } else {
                        showUnread();
                    }
                }), bellLive::stop);
    }

    private void leaveDeletedProject(ProjectSummary project) {
        bellLive.stop();
        getUI().ifPresent(ui -> {
            // Dialogs of the project (a form, a confirmation) go with it.
            ui.getChildren().filter(Dialog.class::isInstance).map(Dialog.class::cast).forEach(Dialog::close);
            ui.navigate("");
            var notice = Notification.show("The project \"" + project.name() + "\" was deleted by one of its"
                    + " managers, with everything in it.", 10_000, Notification.Position.MIDDLE);
            notice.addThemeVariants(NotificationVariant.LUMO_WARNING);
        });
    }

    /** The project of the page being shown, if it is a project page the user may see. */
    private Optional<ProjectSummary> currentProject(AfterNavigationEvent event) {
        return event.getRouteParameters().get(ProjectRoutes.PROJECT_ID).flatMap(ProjectRoutes::parseId)
                .flatMap(projects::findVisible);
    }

    private SideNav projectNavigation(ProjectSummary project) {
        var nav = new SideNav();
        nav.setLabel(project.name());
        String base = ProjectRoutes.path(project.id());
        nav.addItem(new SideNavItem("Overview", base, VaadinIcon.HOME_O.create()));
        nav.addItem(new SideNavItem("Sources", base + "/sources", VaadinIcon.FILE_TEXT_O.create()));
        nav.addItem(new SideNavItem("Entities", base + "/entities", VaadinIcon.USERS.create()));
        nav.addItem(new SideNavItem("Timeline", base + "/timeline", VaadinIcon.CALENDAR_CLOCK.create()));
        nav.addItem(new SideNavItem("Map", base + "/map", VaadinIcon.MAP_MARKER.create()));
        nav.addItem(new SideNavItem("Activity", base + "/activity", VaadinIcon.COMMENTS_O.create()));
        if (project.myRole().includes(ProjectRole.EDITOR)) {
            nav.addItem(new SideNavItem("Review", base + "/review", VaadinIcon.CHECK_SQUARE_O.create()));
            nav.addItem(new SideNavItem("My draft", ProjectRoutes.draftPath(project.id()), VaadinIcon.FILE_TEXT.create()));
            nav.addItem(new SideNavItem("My changes", base + "/changes", VaadinIcon.EDIT.create()));
        }
        nav.addItem(new SideNavItem("Export", base + "/export", VaadinIcon.DOWNLOAD.create()));
        nav.addItem(new SideNavItem("Releases", base + "/releases", VaadinIcon.ARCHIVE.create()));
        if (project.myRole().includes(ProjectRole.MANAGER)) {
            nav.addItem(new SideNavItem("Members", base + "/members", VaadinIcon.GROUP.create()));
            nav.addItem(new SideNavItem("Event types", base + "/taxonomy", VaadinIcon.TAGS.create()));
            nav.addItem(new SideNavItem("Suggestions", base + "/suggestions", VaadinIcon.MAGIC.create()));
        }
        return nav;
    }

    private Component userMenu() {
        var menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        menu.getElement().setAttribute("aria-label", "User menu");
        String name = CurrentUser.get().map(AnnalsPrincipal::displayName).orElse("");
        var avatar = new Avatar(name);
        avatar.addClassName("user-avatar");
        var root = menu.addItem(avatar);
        root.add(new Span(name));
        root.getElement().setAttribute("aria-label", "User menu");
        var submenu = root.getSubMenu();
        submenu.addItem("Account and password", e -> UI.getCurrent().navigate("account"));
        submenu.addItem("API tokens", e -> UI.getCurrent().navigate("account/tokens"));
        // A link, not a click listener: the API's description opens in a new tab, which popup blockers allow.
        var apiDescription = new Anchor("swagger-ui/index.html", "REST API");
        apiDescription.setTarget(AnchorTarget.BLANK);
        apiDescription.setRouterIgnore(true);
        submenu.addItem(apiDescription);
        submenu.addItem("Dark theme", e -> setColorScheme(ColorScheme.Value.DARK));
        submenu.addItem("Light theme", e -> setColorScheme(ColorScheme.Value.LIGHT));
        submenu.addItem("Sign out", e -> {
            // Nothing typed stays in this browser for the next person (before the page goes to sign-in).
            TypedWork.forgetAll(UI.getCurrent());
            authentication.logout();
        });
        return menu;
    }

    /** Switches now and remembers the choice in this browser (applied before first paint by the app shell). */
    private static void setColorScheme(ColorScheme.Value scheme) {
        var page = UI.getCurrent().getPage();
        page.setColorScheme(scheme);
        page.executeJs("try { localStorage.setItem($0, $1) } catch (e) {}", COLOR_SCHEME_KEY,
                scheme == ColorScheme.Value.DARK ? "dark" : "light");
    }
}
