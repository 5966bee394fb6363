/**
 * Import by address: fetching a web page or document by its URL with every hop's address checked
 * ({@link org.annals.source.fetch.AddressPolicy}), within a size cap and a deadline
 * ({@link org.annals.source.fetch.WebFetcher}), its main content found before the usual import preview, and what
 * was fetched kept as the source's capture. Decision 0034 says what is checked and why.
 */
@NullMarked
package org.annals.source.fetch;

import org.jspecify.annotations.NullMarked;
