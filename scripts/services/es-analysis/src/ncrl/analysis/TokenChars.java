package ncrl.analysis;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.elasticsearch.common.settings.Settings;

/** The token_chars classes of the n-gram tokenizers; an empty setting keeps every character. */
final class TokenChars {

    enum CharClass {
        LETTER, DIGIT, WHITESPACE, PUNCTUATION, SYMBOL;

        boolean contains(int codePoint) {
            return switch (this) {
                case LETTER -> Character.isLetter(codePoint);
                case DIGIT -> Character.isDigit(codePoint);
                case WHITESPACE -> Character.isWhitespace(codePoint);
                case PUNCTUATION -> isPunctuation(Character.getType(codePoint));
                case SYMBOL -> isSymbol(Character.getType(codePoint));
            };
        }

        private static boolean isPunctuation(int type) {
            return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION;
        }

        private static boolean isSymbol(int type) {
            return type == Character.CURRENCY_SYMBOL || type == Character.MATH_SYMBOL
                || type == Character.OTHER_SYMBOL || type == Character.MODIFIER_SYMBOL;
        }
    }

    private final EnumSet<CharClass> classes;

    private TokenChars(EnumSet<CharClass> classes) {
        this.classes = classes;
    }

    static TokenChars of(Settings s, String name) {
        EnumSet<CharClass> classes = EnumSet.noneOf(CharClass.class);
        for (String value : s.getAsList("token_chars", List.of())) {
            try {
                classes.add(CharClass.valueOf(value.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("tokenizer [" + name + "]: unsupported token_chars [" + value + "]");
            }
        }
        return new TokenChars(classes);
    }

    boolean accepts(int codePoint) {
        return classes.isEmpty() || classes.stream().anyMatch(c -> c.contains(codePoint));
    }
}
