package org.annals.source.parse;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a format parser found: a title when the format states one (HTML's {@code <title>}), and the blocks. */
record ParsedDocument(@Nullable String title, List<DraftBlock> blocks) {
}
