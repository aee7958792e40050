package dev.recall.platform.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The one place problem texts live: every module ships {@value #ENGLISH_FILE} and {@value #CHINESE_FILE}
 * (UTF-8 properties, key = text, {@code {0}}, {@code {1}} for arguments), and the catalogue is their union over
 * the classpath, so a service adds its own problems next to the platform's. A key defined by two modules is an
 * error. {@code title.<slug>} is the title of the problem type {@code https://recall.dev/problems/<slug>}; every
 * other key is a detail or a field message. The language is negotiated from {@code Accept-Language}
 * ({@link #negotiate}): Chinese when the caller prefers it, English otherwise.
 */
public final class Catalogue {

    public static final String ENGLISH_FILE = "META-INF/recall/problems.properties";
    public static final String CHINESE_FILE = "META-INF/recall/problems_zh.properties";
    public static final Locale ENGLISH = Locale.ENGLISH;
    /** Simplified Chinese: what every {@code zh} range gets. */
    public static final Locale CHINESE = Locale.forLanguageTag("zh-Hans");
    public static final List<Locale> LANGUAGES = List.of(ENGLISH, CHINESE);

    private static volatile Map<Locale, Map<String, String>> loaded;

    private Catalogue() {
    }

    /** The text in {@code locale}; English when the key has no text in it; the key itself when it has none at all. */
    public static String render(Text text, Locale locale) {
        Locale language = CHINESE.equals(locale) ? CHINESE : ENGLISH;
        String template = entries(language).get(text.key());
        if (template == null) {
            template = entries(ENGLISH).getOrDefault(text.key(), text.key());
        }
        if (text.args().isEmpty()) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i) : -1;
            if (close > i + 1 && close - i <= 3 && template.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(template.substring(i + 1, close));
                Object arg = index < text.args().size() ? text.args().get(index) : null;
                out.append(argument(arg, language));
                i = close;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String argument(Object arg, Locale language) {
        if (arg instanceof Text nested) {
            return nested.in(language);
        }
        if (arg instanceof List<?> list) {
            // a list of texts or values, joined as the language joins clauses
            StringBuilder joined = new StringBuilder();
            for (Object element : list) {
                joined.append(joined.isEmpty() ? "" : CHINESE.equals(language) ? "；" : "; ").append(argument(element, language));
            }
            return joined.toString();
        }
        return String.valueOf(arg);
    }

    public static boolean has(String key) {
        return entries(ENGLISH).containsKey(key);
    }

    /** Every key and text of one language (English or Chinese), sorted by key. */
    public static Map<String, String> entries(Locale language) {
        Map<Locale, Map<String, String>> all = loaded;
        if (all == null) {
            synchronized (Catalogue.class) {
                if (loaded == null) {
                    loaded = Map.of(ENGLISH, load(ENGLISH_FILE), CHINESE, load(CHINESE_FILE));
                }
                all = loaded;
            }
        }
        return all.get(CHINESE.equals(language) ? CHINESE : ENGLISH);
    }

    private static Map<String, String> load(String file) {
        Map<String, String> texts = new TreeMap<>();
        Map<String, URL> origin = new TreeMap<>();
        try {
            ClassLoader loader = Catalogue.class.getClassLoader();
            Enumeration<URL> urls = loader.getResources(file);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                Properties properties = new Properties();
                try (InputStream in = url.openStream()) {
                    properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
                for (String key : properties.stringPropertyNames()) {
                    URL before = origin.put(key, url);
                    if (before != null && !before.equals(url)) {
                        throw new IllegalStateException("problem text " + key + " is defined twice: " + before + " and " + url);
                    }
                    texts.put(key, properties.getProperty(key));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(texts);
    }

    /**
     * The language to answer in for an {@code Accept-Language} header (RFC 9110 12.5.4): the supported language
     * of the range with the highest q-value (ties in the order given), {@code zh}, {@code zh-CN}, {@code zh-Hans},
     * any {@code zh-*} being Chinese, {@code en-*} and {@code *} English; English when nothing matches.
     */
    public static Locale negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ENGLISH;
        }
        record Range(Locale language, double q, int order) {
        }
        List<Range> ranges = new ArrayList<>();
        String[] parts = acceptLanguage.split(",", 64);
        for (int i = 0; i < parts.length && i < 63; i++) {
            String[] pieces = parts[i].split(";");
            if (pieces.length == 0) {
                continue;
            }
            String tag = pieces[0].strip().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int p = 1; p < pieces.length; p++) {
                String parameter = pieces[p].strip().toLowerCase(Locale.ROOT);
                if (parameter.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(parameter.substring(2).strip());
                    } catch (NumberFormatException e) {
                        q = -1;
                    }
                }
            }
            if (!(q > 0 && q <= 1)) {
                continue;
            }
            Locale language = tag.equals("zh") || tag.startsWith("zh-") ? CHINESE
                    : tag.equals("en") || tag.startsWith("en-") || tag.equals("*") ? ENGLISH : null;
            if (language != null) {
                ranges.add(new Range(language, q, i));
            }
        }
        return ranges.stream().max((a, b) -> a.q() != b.q() ? Double.compare(a.q(), b.q()) : Integer.compare(b.order(), a.order()))
                .map(Range::language).orElse(ENGLISH);
    }

    /** The {@code Content-Language} of an answer in {@code language}. */
    public static String tag(Locale language) {
        return CHINESE.equals(language) ? "zh-Hans" : "en";
    }
}
