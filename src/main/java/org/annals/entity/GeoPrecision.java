package org.annals.entity;

/**
 * What a place's coordinates stand for, finest first. A map draws the coarse ones as a ring or an area rather than a
 * false point, and an event at a place without coordinates of its own borrows its nearest ancestor's with the
 * ancestor's (coarser) precision. The codes follow ACLED's geo-precision (1 = the town or the exact spot, 2 = near
 * it or part of a region around it, 3 = only a larger area is known).
 */
public enum GeoPrecision {
    EXACT("Exact point", 1, 0),
    NEAR("Near (within a few km)", 2, 3_000),
    TOWN("Town or city", 1, 6_000),
    REGION("District or region", 3, 40_000),
    COUNTRY("Country", 3, 250_000);

    private final String label;
    private final int acledCode;
    private final int radiusMetres;

    GeoPrecision(String label, int acledCode, int radiusMetres) {
        this.label = label;
        this.acledCode = acledCode;
        this.radiusMetres = radiusMetres;
    }

    public String label() {
        return label;
    }

    /** ACLED's geo_precision column: 1, 2 or 3. */
    public int acledCode() {
        return acledCode;
    }

    /** How far from the point the place may lie: a map's ring, 0 for a point. */
    public int radiusMetres() {
        return radiusMetres;
    }

    /** The coarser of the two (the one further down the list). */
    public GeoPrecision coarser(GeoPrecision other) {
        return ordinal() >= other.ordinal() ? this : other;
    }
}
