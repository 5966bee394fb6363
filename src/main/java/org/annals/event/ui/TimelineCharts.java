package org.annals.event.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import org.annals.event.TimelineOverview;
import tools.jackson.databind.json.JsonMapper;

/**
 * The zoomable band and the per-day chart of the timeline, drawn client-side by Chart.js (MIT) in
 * {@code frontend/components/annals-timeline-charts.ts}.
 */
@Tag("annals-timeline-charts")
@NpmPackage(value = "chart.js", version = "4.6.1")
@NpmPackage(value = "chartjs-plugin-zoom", version = "2.2.0")
@NpmPackage(value = "chartjs-adapter-date-fns", version = "3.0.0")
@NpmPackage(value = "date-fns", version = "4.1.0")
@JsModule("./components/annals-timeline-charts.ts")
class TimelineCharts extends Component {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    void show(TimelineOverview overview) {
        getElement().setProperty("data", JSON.writeValueAsString(overview));
    }
}
