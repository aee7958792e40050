package dev.recall.notes;

import java.util.regex.Pattern;

/**
 * Recognises lines of unfenced code by their syntax, for plain-text notes: Python, Java, JavaScript, shell, SQL and
 * YAML (and a generic C-like shape). A line is <em>strong</em> when its syntax alone says code; a region of code
 * starts at a strong line and goes on over weak lines (indented, brackets, comments, assignments) and blank lines.
 */
final class CodeDetector {

    enum Language {
        PYTHON("python"), JAVA("java"), JAVASCRIPT("javascript"), SHELL("shell"), SQL("sql"), YAML("yaml"), NONE("");

        final String id;

        Language(String id) {
            this.id = id;
        }
    }

    /**
     * Strong lines by language, in the order they are tried (SQL, shell, Java, JavaScript, Python). The alternatives
     * that start with ".*" and would backtrack over every line of prose have rows of their own behind the text
     * they need ("new ", "=>", "require("); the rows whose alternatives all start with a keyword are tried only on
     * lines that start with one of the keywords' first letters.
     */
    private static final LineTable<Language> STRONG = new LineTable<Language>()
            .rowStartingWith(Language.SQL, "SIUDCAEWFJLGOHVBR", "^\\s*(?:SELECT\\s+.+|INSERT\\s+INTO\\s+.+|UPDATE\\s+\\w+\\s+SET\\s+.+|DELETE\\s+FROM\\s+.+"
                    + "|CREATE\\s+(?:TABLE|(?:UNIQUE\\s+)?INDEX|VIEW|DATABASE|SCHEMA)\\s+.+|ALTER\\s+TABLE\\s+.+|DROP\\s+(?:TABLE|INDEX|VIEW|DATABASE)\\s+.+"
                    + "|EXPLAIN\\s+.+|WITH\\s+\\w+\\s+AS\\s*\\(.*|(?:FROM|WHERE|JOIN|LEFT JOIN|INNER JOIN|GROUP BY|ORDER BY|HAVING|LIMIT|VALUES|SET)\\s+.+|BEGIN;|COMMIT;|ROLLBACK;)$")
            .rowStartingWith(Language.SQL, "siudca", "^\\s*(?:select\\s+.+\\s+from\\s+.+|insert\\s+into\\s+\\w+.*|update\\s+\\w+\\s+set\\s+.+|delete\\s+from\\s+\\w+.*"
                    + "|create\\s+(?:table|index)\\s+\\w+.*|alter\\s+table\\s+\\w+.*)$")
            .rowStartingWith(Language.SHELL, "$#saydbpngkhmjclrewtu", "^\\s*(?:\\$ \\S.*|(?:sudo|apt|apt-get|yum|dnf|brew|pip3?|npm|npx|yarn|pnpm|git|docker|kubectl|helm|mvn|gradle|"
                    + "java|javac|python3?|node|cargo|cd|ls|mkdir|rm|cp|mv|echo|export|chmod|chown|curl|wget|grep|tar|ssh|scp|systemctl|conda|"
                    + "sed|awk|unzip)(?: +-{1,2}[\\w-]+| +[\\w./~:=@${}\"'-]+)+\\s*(?:\\\\|&&.*|\\|.*)?$|#!/.*)")
            .rowIf(Language.JAVA, CodeDetector::mayBeJava, "^\\s*(?:(?:public|private|protected|static|final|abstract|synchronized)\\s+[\\w<>\\[\\], ]+[({=;].*"
                    + "|(?:class|interface|enum|record) \\w+.*\\{\\s*$|package [\\w.]+;\\s*$|import (?:static )?[\\w.*]+;\\s*$|@\\w+(?:\\(.*\\))?\\s*$"
                    + "|System\\.(?:out|err)\\.print.*|(?:int|long|double|float|boolean|char|byte|short|String|var|List<.*>|Map<.*>)\\s+\\w+\\s*(?:=.*)?;\\s*$"
                    + "|[A-Z]\\w*(?:<.*>)?(?:\\[])?\\s+\\w+\\s*(?:=.*)?;\\s*$|[\\w.]+(?:<.*>)?\\(.*\\)(?:\\.\\w+\\(.*\\))*;\\s*$|\\w+(?:\\.\\w+)*\\s*[-+*/]?=\\s*.+;\\s*$"
                    + "|(?:return|throw) .*;\\s*$|(?:if|for|while|switch|catch)\\s*\\(.*\\)\\s*\\{?\\s*$|}\\s*(?:else|catch|finally).*\\{\\s*$|try\\s*\\{\\s*$)")
            .row(Language.JAVA, Keywords.of("new "), "^\\s*(?:.*\\bnew \\w+(?:<.*>)?\\(.*\\).*;\\s*$)")
            .rowStartingWith(Language.JAVASCRIPT, "afclvmeidw", "^\\s*(?:(?:async\\s+)?function\\s*\\*?\\s*\\w*\\s*\\(.*|(?:const|let|var) [\\w{}\\[\\], ]+\\s*=.*"
                    + "|console\\.\\w+\\(.*|(?:module\\.)?exports?\\b.*=.*|export (?:default |const |function |class ).*|import .+ from ['\"].+['\"];?\\s*$"
                    + "|document\\.\\w+.*|window\\.\\w+.*|await .+;\\s*$)")
            .row(Language.JAVASCRIPT, Keywords.of("=>"), "^\\s*(?:.*(?:=|\\(|,)\\s*(?:async\\s*)?(?:\\(.*\\)|\\w+)\\s*=>.*)")
            .row(Language.JAVASCRIPT, Keywords.of("require("), "^\\s*(?:.*\\brequire\\(['\"].*['\"]\\).*)")
            .rowIf(Language.PYTHON, CodeDetector::mayBePython, "^\\s*(?:def \\w+\\s*\\(.*\\)\\s*(?:->.*)?:\\s*$|class \\w+(?:\\(.*\\))?\\s*:\\s*$"
                    + "|import [\\w.]+(?:\\s+as \\w+)?(?:\\s*,\\s*[\\w.]+)*\\s*$|from [\\w.]+ import [\\w*, ()]+$|print\\s*\\(.*\\)\\s*$"
                    + "|for [\\w, ()]+ in .+:\\s*$|while .+:\\s*$|(?:if|elif) .+:\\s*$|else\\s*:\\s*$|try\\s*:\\s*$|except\\b.*:\\s*$|finally\\s*:\\s*$"
                    + "|with .+:\\s*$|@[\\w.]+(?:\\(.*\\))?\\s*$|(?:return|yield)(?:\\s.*)?$|nonlocal \\w+.*|global \\w+.*|pass\\s*$|raise \\w+.*"
                    + "|async def .+|await .+|lambda .+:.+|>>> .*|\\w+(?:\\[[^\\]]*]|\\.\\w+)*\\s*=\\s*(?:\\[.*]|\\{.*}|\\(.*\\)|\\w+(?:\\.\\w+)*\\(.*\\)|\\d[\\d._]*|['\"].*['\"]|True|False|None)\\s*(?:#.*)?$"
                    // a call on a subscript too: "a[1].append(4)"
                    + "|\\w+(?:\\[[^\\]]*]|\\.\\w+)*\\(.*\\)\\s*(?:#.*)?$)");
    private static final Pattern YAML_KEY = Pattern.compile("^\\s*-?\\s*[a-z_][\\w.-]*\\s*:(?:\\s*$|\\s+(?:[\\w./:@${}-]+|\"[^\"]*\"|'[^']*'|\\[.*]|\\{.*}|\\||>)\\s*(?:#.*)?$)");
    private static final Pattern YAML_OPEN = Pattern.compile("^\\s*-?\\s*[a-z_][\\w.-]*\\s*:\\s*$");
    private static final Pattern YAML_ITEM = Pattern.compile("^\\s+-\\s+\\S.*$");
    /** Lines that belong to code around them without being code on their own. */
    private static final Pattern WEAK = Pattern.compile("^(?:\\s+\\S.*|\\s*[)}\\]]+[;,)]*\\s*|\\s*(?:#|//|/\\*|\\*|--).*|\\s*\\.\\.\\.\\s*|\\s*(?:else|end|fi|done|esac)\\s*)$");
    private static final Pattern STRINGS_AND_COMMENTS = Pattern.compile("\"[^\"]*\"|'[^']*'|`[^`]*`|\\s#.*$|//.*$|--\\s.*$");
    /** Prose: ends a sentence with a full stop and reads like words, not code. */
    private static final Pattern SENTENCE = Pattern.compile("^[A-Z][a-z]+(?: [\\w',()-]+){3,}[.!?]$");

    private CodeDetector() {
    }

    /** What {@code \\s} is in a Java pattern. */
    private static final String WHITE = " \t\n\u000B\f\r";

    /**
     * Every line the Java row matches passes this: the alternatives that do not start with a keyword, "@", "}" or
     * "System." end with ";" (and white space).
     */
    private static boolean mayBeJava(String line) {
        char first = firstAfterWhite(line);
        return "psfacierwt@}".indexOf(first) >= 0 || first == 'S' || endsWithSemicolon(line);
    }

    /**
     * Every line the Python row matches passes this: the alternatives start with a keyword, "@" or ">>>", or are an
     * assignment ("=") or a call ("(" and ")").
     */
    private static boolean mayBePython(String line) {
        return "dcifpwetr@yngal>".indexOf(firstAfterWhite(line)) >= 0 || line.indexOf('=') >= 0
                || line.indexOf('(') >= 0 && line.indexOf(')') >= 0;
    }

    private static char firstAfterWhite(String line) {
        int at = 0;
        while (at < line.length() && WHITE.indexOf(line.charAt(at)) >= 0) {
            at++;
        }
        return at < line.length() ? line.charAt(at) : '\0';
    }

    private static boolean endsWithSemicolon(String line) {
        int end = line.length();
        while (end > 0 && WHITE.indexOf(line.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > 0 && line.charAt(end - 1) == ';';
    }

    /** The language this line's syntax alone says, or NONE. */
    static Language strong(String line) {
        if (line.isBlank() || line.length() > 400) {
            return Language.NONE;
        }
        if (hanOutsideStringsAndComments(line) || SENTENCE.matcher(line.strip()).matches()) {
            return Language.NONE; // prose outside strings and comments: not code
        }
        Language language = STRONG.first(line);
        return language != null ? language : genericCommand(line.strip()) ? Language.SHELL : Language.NONE;
    }

    private static final Pattern SPACES = Pattern.compile(" +");
    private static final Pattern COMMAND_NAME = Pattern.compile("[a-z][\\w.-]{1,20}");
    private static final Pattern ARGUMENT = Pattern.compile("-{1,2}[A-Za-z][\\w-]*|[\\w./~:=@${}\"'-]+");
    private static final Pattern FLAG = Pattern.compile("-{1,2}[A-Za-z][\\w-]*");
    /** First words of English prose that would otherwise pass for a command name ("use -v or -q to …"). */
    private static final java.util.Set<String> PROSE_STARTS = java.util.Set.of("a", "an", "the", "use", "using", "add", "pass", "set", "see",
            "try", "with", "without", "and", "or", "to", "for", "in", "on", "if", "it", "this", "that", "then", "you", "we", "run", "note");

    /**
     * A command of a tool the table does not name ("openssl x509 -in server.crt -noout", "terraform plan
     * -out=tfplan"): a lower-case name, then only arguments, of which at least two are flags, or one is a flag and
     * another names a file, host or setting ({@code server.key}, {@code host:443}, {@code a=b}).
     */
    private static boolean genericCommand(String line) {
        if (line.length() > 200 || line.endsWith(".") || line.indexOf(' ') < 0) {
            return false;
        }
        char first = line.charAt(0);
        if (first < 'a' || first > 'z') {
            return false; // the command name starts with a lower-case letter (what COMMAND_NAME asks), before any split
        }
        String[] words = SPACES.split(line);
        if (words.length < 3 || !COMMAND_NAME.matcher(words[0]).matches() || PROSE_STARTS.contains(words[0])) {
            return false;
        }
        int flags = 0;
        int files = 0;
        for (int i = 1; i < words.length; i++) {
            String word = words[i];
            if (!ARGUMENT.matcher(word).matches()) {
                return false;
            }
            if (FLAG.matcher(word).matches()) {
                flags++;
            } else if (word.indexOf('.') > 0 || word.indexOf('/') >= 0 || word.indexOf(':') > 0 || word.indexOf('=') > 0) {
                files++;
            }
        }
        return flags >= 2 || flags >= 1 && files >= 1;
    }

    /** Chinese outside string literals and comments: the line is prose (the literals are only looked at when Han is there). */
    private static boolean hanOutsideStringsAndComments(String line) {
        if (!Scripts.hasHan(line)) {
            return false;
        }
        boolean literalsOrComments = false;
        for (int i = 0; i < line.length() && !literalsOrComments; i++) {
            char c = line.charAt(i);
            literalsOrComments = c == '"' || c == '\'' || c == '`' || c == '#' || c == '/' || c == '-';
        }
        return !literalsOrComments || Scripts.hasHan(STRINGS_AND_COMMENTS.matcher(line).replaceAll("\"\""));
    }

    /** A line that may continue code around it (indented text, closing brackets, comments). */
    static boolean weak(String line) {
        if (line.length() > 400) {
            return false;
        }
        if (!WEAK.matcher(line).matches()) {
            return false;
        }
        String trimmed = line.strip();
        boolean comment = trimmed.startsWith("#") || trimmed.startsWith("//") || trimmed.startsWith("/*") || trimmed.startsWith("*")
                || trimmed.startsWith("--");
        return comment || !hanOutsideStringsAndComments(line);
    }

    /** A YAML mapping line ("key: value" with a bare value, or "key:" opening a nested block). */
    static boolean yamlKey(String line) {
        return line.length() <= 200 && YAML_KEY.matcher(line).matches();
    }

    static boolean yamlOpen(String line) {
        return YAML_OPEN.matcher(line).matches();
    }

    static boolean yamlItem(String line) {
        return line.length() <= 200 && YAML_ITEM.matcher(line).matches() && !Scripts.hasHan(line);
    }
}
