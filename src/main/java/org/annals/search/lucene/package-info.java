/**
 * The search engine shipped: an embedded Apache Lucene index per node under the data folder, with
 * analysers for every script. Implements {@link org.annals.search.SearchEngine}; nothing outside this
 * package sees a Lucene type.
 */
@NullMarked
package org.annals.search.lucene;

import org.jspecify.annotations.NullMarked;
