package ncrl.analysis;

import java.util.Map;

import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * Registers, under the names and settings of Elasticsearch's analysis-common module, the token
 * filters and tokenizers that Wagtail's search backend and the library's index use.
 */
public final class NcrlAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
            "asciifolding", AsciiFoldingFilterFactory::new,
            "ngram", NGramFactories::nGramFilter,
            "edge_ngram", NGramFactories::edgeNGramFilter
        );
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of(
            "ngram", NGramFactories::nGramTokenizer,
            "edge_ngram", NGramFactories::edgeNGramTokenizer
        );
    }
}
