package ncrl.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;

/** The "ngram" and "edge_ngram" filters and tokenizers, with analysis-common's defaults. */
final class NGramFactories {

    private static final int DEFAULT_MIN_GRAM = 1;
    private static final int DEFAULT_MAX_GRAM = 2;

    private NGramFactories() {}

    static TokenFilterFactory nGramFilter(IndexSettings index, Environment env, String name, Settings s) {
        GramRange range = GramRange.checked(index, s, name);
        boolean preserve = s.getAsBoolean("preserve_original", false);
        return new AbstractTokenFilterFactory(name, s) {
            @Override
            public TokenStream create(TokenStream in) {
                return new NGramTokenFilter(in, range.min(), range.max(), preserve);
            }
        };
    }

    static TokenFilterFactory edgeNGramFilter(IndexSettings index, Environment env, String name, Settings s) {
        GramRange range = GramRange.of(s);
        boolean preserve = s.getAsBoolean("preserve_original", false);
        if ("back".equals(s.get("side", "front"))) {
            throw new IllegalArgumentException("edge_ngram filter [" + name + "]: side=back is not supported");
        }
        return new AbstractTokenFilterFactory(name, s) {
            @Override
            public TokenStream create(TokenStream in) {
                return new EdgeNGramTokenFilter(in, range.min(), range.max(), preserve);
            }
        };
    }

    static TokenizerFactory nGramTokenizer(IndexSettings index, Environment env, String name, Settings s) {
        GramRange range = GramRange.checked(index, s, name);
        TokenChars chars = TokenChars.of(s, name);
        return TokenizerFactory.newFactory(name, () -> new NGramTokenizer(range.min(), range.max()) {
            @Override
            protected boolean isTokenChar(int codePoint) {
                return chars.accepts(codePoint);
            }
        });
    }

    static TokenizerFactory edgeNGramTokenizer(IndexSettings index, Environment env, String name, Settings s) {
        GramRange range = GramRange.of(s);
        TokenChars chars = TokenChars.of(s, name);
        return TokenizerFactory.newFactory(name, () -> new EdgeNGramTokenizer(range.min(), range.max()) {
            @Override
            protected boolean isTokenChar(int codePoint) {
                return chars.accepts(codePoint);
            }
        });
    }

    /** min_gram and max_gram, and the index's limit on their difference for plain n-grams. */
    record GramRange(int min, int max) {
        static GramRange of(Settings s) {
            return new GramRange(s.getAsInt("min_gram", DEFAULT_MIN_GRAM), s.getAsInt("max_gram", DEFAULT_MAX_GRAM));
        }

        static GramRange checked(IndexSettings index, Settings s, String name) {
            GramRange range = of(s);
            int allowed = index.getMaxNgramDiff();
            if (range.max() - range.min() > allowed) {
                throw new IllegalArgumentException(
                    "The difference between max_gram and min_gram in NGram Tokenizer must be less than or equal to: ["
                        + allowed + "] but was [" + (range.max() - range.min()) + "]. This limit can be set by changing the ["
                        + IndexSettings.MAX_NGRAM_DIFF_SETTING.getKey() + "] index level setting."
                );
            }
            return range;
        }
    }
}
