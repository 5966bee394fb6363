package org.annals.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.annals.base.InvalidInputException;

/**
 * One page of a list: {@code page} counts from 0, {@code total} is the number of items on all
 * pages. A page size above {@value #MAX_SIZE} is refused rather than quietly cut, so a script never
 * mistakes a shortened page for the end of the list; so is a page that no list can reach (its first
 * item would be beyond the 2<sup>31</sup> rows a query can skip), with 400 rather than a failed query.
 */
@Schema(description = "One page of a list")
public record ApiPage<T>(List<T> items, int page, int size, long total) {

    static final String DEFAULT_SIZE = "50";
    static final int MAX_SIZE = 500;

    /** Refuses a page that is not one; returns the page size. */
    static int check(int page, int size) {
        if (page < 0) {
            throw new InvalidInputException("'page' counts from 0; " + page + " is not a page.");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("'size' must be between 1 and " + MAX_SIZE + "; it was " + size + ".");
        }
        // The databases take the number of rows to skip as an int: a page beyond that is no page of any list.
        long lastPage = Integer.MAX_VALUE / size - 1;
        if (page > lastPage) {
            throw new InvalidInputException("'page' " + page + " is beyond the end of any list: with 'size' " + size
                    + " the highest page is " + lastPage + ".");
        }
        return size;
    }

    /** A page of a list the service returns whole (a project's evidence, a source's annotations). */
    static <T> ApiPage<T> slice(List<T> all, int page, int size) {
        check(page, size);
        long from = Math.min((long) page * size, all.size());
        long to = Math.min(from + size, all.size());
        return new ApiPage<>(all.subList((int) from, (int) to), page, size, all.size());
    }
}
