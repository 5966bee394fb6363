package org.annals.event;

import java.util.List;

/** What the timeline's pictures need: the types in order, one point per event, and counts per day and type. */
public record TimelineOverview(List<String> types, List<Point> points, List<DayCount> perDay) {

    public record Point(String id, String title, String day, String type) {
    }

    public record DayCount(String day, String type, long count) {
    }
}
