package org.annals.search;

import java.nio.file.Path;
import org.annals.search.lucene.LuceneSearchEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine behind the port: an embedded Lucene index in the node's data folder. */
@Configuration(proxyBeanMethods = false)
class SearchConfig {

    @Bean(destroyMethod = "close")
    LuceneSearchEngine searchEngine(@Value("${annals.search.directory:${annals.data-dir:./data}/search}") String folder) {
        return new LuceneSearchEngine(Path.of(folder));
    }
}
