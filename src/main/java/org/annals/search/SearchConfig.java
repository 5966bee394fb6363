package org.annals.search;

import java.nio.file.Path;
import org.annals.search.lucene.LuceneSearchEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine behind the port: an embedded Lucene index in the node's data folder. */
@Configuration(proxyBeanMethods = false)
class SearchConfig {

    /**
     * {@code annals.search.temporary}: the folder is deleted when the application stops (tests, so
     * that runs leave no indexes behind). Each node has its own folder; two processes cannot share one.
     */
    @Bean(destroyMethod = "close")
    LuceneSearchEngine searchEngine(@Value("${annals.search.directory:${annals.data-dir:./data}/search}") String folder,
            @Value("${annals.search.temporary:false}") boolean temporary) {
        return new LuceneSearchEngine(Path.of(folder), temporary);
    }
}
