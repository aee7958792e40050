package dev.recall.notes;

import java.util.regex.Pattern;

/**
 * Recognises lines of unfenced code by their syntax, for plain-text notes: Python, Java, JavaScript, Go, shell, SQL,
 * YAML and Dockerfile instructions (and the shapes several languages share: calls, statements with a semicolon). A line is <em>strong</em> when its syntax alone says code; a region of code
 * starts at a strong line and goes on over weak lines (indented, brackets, comments, assignments) and blank lines.
 */
final class CodeDetector {

    enum Language {
        PYTHON("python"), JAVA("java"), JAVASCRIPT("javascript"), GO("go"), SHELL("shell"), SQL("sql"), YAML("yaml"), DOCKERFILE("dockerfile"),
        HTTP("http"),
        /** A statement with a semicolon that several languages write ("setCount(count + 1);", "return x;"): java when alone. */
        C_LIKE("java", JAVA),
        /** A call or an assignment without one ("close(ch)", "x = [1, 2]"): python when alone. */
        CALL("python", PYTHON),
        NONE("");

        final String id;
        /** For a shape several languages share, the language it counts for when no line of its region says more; else null. */
        final Language fallback;

        Language(String id) {
            this(id, null);
        }

        Language(String id, Language fallback) {
            this.id = id;
            this.fallback = fallback;
        }
    }

    /**
     * Strong lines by language, in the order they are tried (SQL, shell, Java, JavaScript, Python). The alternatives
     * that start with ".*" and would backtrack over every line of prose have rows of their own behind the text
     * they need ("new ", "=>", "require("); the rows whose alternatives all start with a keyword are tried only on
     * lines that start with one of the keywords' first letters.
     */
    private static final LineTable<Language> STRONG = new LineTable<Language>()
            // Dockerfile instructions in upper case with their argument ("FROM python:3.11-slim", "WORKDIR /app"); a
            // FROM with a bare name is SQL's unless it names a stage ("FROM base AS build") or is "scratch".
            .rowStartingWith(Language.DOCKERFILE, "FRCAWEVULHOS", "^\\s*(?:FROM\\s+(?:--platform=\\S+\\s+)?(?:[\\w.-]+(?:[:/@][\\w./:@-]+)+(?:\\s+[Aa][Ss]\\s+\\w+)?"
                    + "|[\\w.-]+\\s+[Aa][Ss]\\s+\\w+|scratch)"
                    + "|(?:RUN|CMD|ENTRYPOINT|SHELL|ONBUILD|HEALTHCHECK)\\s+(?!(?:and|or|is|are|vs|the|和|与|是)\\b)\\S.*"
                    + "|(?:COPY|ADD)\\s+(?!(?:and|or|is|are|vs|the|COLUMN|CONSTRAINT|INDEX|PRIMARY|FOREIGN|UNIQUE|KEY|PARTITION)\\b)(?:--\\S+\\s+)*\\S+(?:\\s+\\S+)+"
                    + "|WORKDIR\\s+\\S+|(?:ENV|ARG|LABEL)\\s+\\w[\\w.-]*(?:=\\S.*|\\s+\\S.*)?|EXPOSE\\s+\\d+(?:/(?:tcp|udp))?(?:\\s+\\d+(?:/(?:tcp|udp))?)*"
                    + "|VOLUME\\s+(?:\\[.*]|/\\S*(?:\\s+/\\S*)*)|USER\\s+[\\w$-]+(?::[\\w$-]+)?|STOPSIGNAL\\s+\\S+)\\s*$")
            // An HTTP message pasted as it goes over the wire: the request or status line, standard headers, a form body
            // ("POST /oauth/token HTTP/1.1", "Host: auth.example.com", "grant_type=authorization_code&code=abc").
            .rowStartingWith(Language.HTTP, "GPDHOCTAXLEIRUS", "^\\s*(?:(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|CONNECT|TRACE)\\s+\\S+\\s+HTTP/\\d(?:\\.\\d)?"
                    + "|HTTP/\\d(?:\\.\\d)?\\s+\\d{3}(?:\\s+.*)?"
                    + "|(?:Host|Content-Type|Content-Length|Authorization|Accept(?:-[A-Za-z]+)?|Cache-Control|Cookie|Set-Cookie|User-Agent|Location|ETag"
                    + "|If-None-Match|If-Match|If-Modified-Since|Last-Modified|Idempotency-Key|Connection|Origin|Referer|X-[A-Za-z-]+)\\s*:\\s*\\S.*)\\s*$")
            .row(Language.HTTP, Keywords.of("&"), "^\\s*[a-z_][\\w.-]*=[^\\s&]*(?:&[a-z_][\\w.-]*=[^\\s&]*)+\\s*$")
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
                    + "|[A-Z]\\w*(?:<.*>)?(?:\\[])?\\s+\\w+\\s*(?:=.*)?;\\s*$|}\\s*(?:else|catch|finally).*\\{\\s*$|try\\s*\\{\\s*$)")
            // C-like statements any of Java, JavaScript, Go … may write: they say java only when no line says more
            .rowIf(Language.C_LIKE, CodeDetector::mayBeJava, "^\\s*(?:[\\w.]+(?:<.*>)?\\(.*\\)(?:\\.\\w+\\(.*\\))*;\\s*$|\\w+(?:\\.\\w+)*\\s*[-+*/]?=\\s*.+;\\s*$"
                    + "|(?:return|throw) .*;\\s*$|(?:if|for|while|switch|catch)\\s*\\(.*\\)\\s*\\{?\\s*$)")
            .row(Language.C_LIKE, Keywords.of("new "), "^\\s*(?:.*\\bnew \\w+(?:<.*>)?\\(.*\\).*;\\s*$)")
            // Go: func, package main, import "…", var with a type, := and <-, go and defer, for/if/select/switch without
            // parentheses before "{", calls into the standard packages ("fmt.Println(v)"). Case labels only continue code (WEAK).
            .rowStartingWith(Language.GO, "fpivgdtsc", "^\\s*(?:func\\s*(?:\\([^)]*\\)\\s*)?\\w*\\s*\\(.*\\).*\\{\\s*$|package\\s+main\\s*$"
                    + "|import\\s+(?:\\w+\\s+)?\"[^\"]+\"\\s*$|import\\s*\\(\\s*$"
                    + "|var\\s+(?!(?:is|are|was|has|and|or|the|vs|keyword|declarations?|hoisting)\\b)\\w+(?:\\s*,\\s*\\w+)*\\s+(?:\\[\\d*]|\\*|map\\[[^\\]]+]|chan\\s+)*[\\w.]+(?:\\s*=\\s*.+)?"
                    + "|go\\s+(?:func\\s*\\(.*|\\w+(?:\\.\\w+)*\\(.*\\))|defer\\s+\\w+(?:\\.\\w+)*\\(.*\\)"
                    + "|(?:for|if|switch)\\s+[^(\\s].*\\{|for\\s*\\{|select\\s*\\{|switch\\s*\\{|type\\s+\\w+\\s+(?:struct|interface)\\s*\\{)\\s*$")
            .row(Language.GO, Keywords.of(":="), "^\\s*(?:\\w+(?:\\s*,\\s*\\w+)*\\s*:=\\s*\\S.*)$")
            .row(Language.GO, Keywords.of("<-"), "^\\s*(?:[\\w.\\[\\]]+\\s*<-\\s*\\S.*|<-\\s*[\\w.]+.*)$")
            .row(Language.GO, Keywords.of("fmt.", "log.", "strings.", "strconv.", "errors.", "os.", "time.", "sync.", "atomic.", "context.", "http.", "json.",
                    "bufio.", "math.", "rand.", "sort.", "bytes.", "runtime."), "^\\s*(?:(?:\\w+\\s*:?=\\s*)?(?:fmt|log|strings|strconv|errors|os|time|sync|atomic|context|http"
                    + "|json|bufio|math|rand|sort|bytes|runtime)\\.[A-Z]\\w*\\(.*\\))\\s*$")
            .rowStartingWith(Language.JAVASCRIPT, "afclvmeidw", "^\\s*(?:(?:async\\s+)?function\\s*\\*?\\s*\\w*\\s*\\(.*|(?:const|let|var) [\\w{}\\[\\], ]+\\s*=.*"
                    + "|console\\.\\w+\\(.*|(?:module\\.)?exports?\\b.*=.*|export (?:default |const |function |class ).*|import .+ from ['\"].+['\"];?\\s*$"
                    + "|document\\.\\w+.*|window\\.\\w+.*|await .+;\\s*$)")
            .row(Language.JAVASCRIPT, Keywords.of("=>"), "^\\s*(?:.*(?:=|\\(|,)\\s*(?:async\\s*)?(?:\\(.*\\)|\\w+)\\s*=>.*)")
            .row(Language.JAVASCRIPT, Keywords.of("require("), "^\\s*(?:.*\\brequire\\(['\"].*['\"]\\).*)")
            .rowIf(Language.PYTHON, CodeDetector::mayBePython, "^\\s*(?:def \\w+\\s*\\(.*\\)\\s*(?:->.*)?:\\s*$|class \\w+(?:\\(.*\\))?\\s*:\\s*$"
                    + "|import [\\w.]+(?:\\s+as \\w+)?(?:\\s*,\\s*[\\w.]+)*\\s*$|from [\\w.]+ import [\\w*, ()]+$|print\\s*\\(.*\\)\\s*$"
                    + "|for [\\w, ()]+ in .+:\\s*$|while .+:\\s*$|(?:if|elif) .+:\\s*$|else\\s*:\\s*$|try\\s*:\\s*$|except\\b.*:\\s*$|finally\\s*:\\s*$"
                    + "|with .+:\\s*$|@[\\w.]+(?:\\(.*\\))?\\s*$|(?:return|yield)(?:\\s.*)?$|nonlocal \\w+.*|global \\w+.*|pass\\s*$|raise \\w+.*"
                    + "|async def .+|await .+|lambda .+:.+|>>> .*)")
            // assignments and calls without a semicolon: python only when no line says more
            .rowIf(Language.CALL, CodeDetector::mayBePython, "^\\s*(?:\\w+(?:\\[[^\\]]*]|\\.\\w+)*\\s*=\\s*(?:\\[.*]|\\{.*}|\\(.*\\)|\\w+(?:\\.\\w+)*\\(.*\\)|\\d[\\d._]*|['\"].*['\"]|True|False|None)\\s*(?:#.*)?$"
                    // a call on a subscript too: "a[1].append(4)"
                    + "|\\w+(?:\\[[^\\]]*]|\\.\\w+)*\\(.*\\)\\s*(?:#.*)?$)");
    private static final Pattern YAML_KEY = Pattern.compile("^\\s*-?\\s*[a-z_][\\w.-]*\\s*:(?:\\s*$|\\s+(?:[\\w./:@${}-]+|\"[^\"]*\"|'[^']*'|\\[.*]|\\{.*}|\\||>)\\s*(?:#.*)?$)");
    private static final Pattern YAML_OPEN = Pattern.compile("^\\s*-?\\s*[a-z_][\\w.-]*\\s*:\\s*$");
    private static final Pattern YAML_ITEM = Pattern.compile("^\\s+-\\s+\\S.*$");
    /** Lines that belong to code around them without being code on their own. */
    private static final Pattern WEAK = Pattern.compile("^(?:\\s+\\S.*|\\s*[)}\\]][)}\\]\\[(,;.\\w\\s]*|\\s*(?:#|//|/\\*|\\*|--).*|\\s*\\.\\.\\.\\s*|\\s*(?:else|end|fi|done|esac)\\s*|\\s*(?:case\\s+\\S.*|default)\\s*:\\s*)$");
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
        if (language == null) {
            language = genericCommand(line.strip()) || shellCommand(line.strip()) ? Language.SHELL : Language.NONE;
        }
        // Asked only of lines that look like code: a sentence with code in it, or a comparison of two names, is none.
        if (language != Language.NONE && (sentenceWithCode(line.strip()) || line.contains(" v") && COMPARISON.matcher(line).matches())) {
            return Language.NONE;
        }
        return language;
    }

    /** A comparison of two names is a title, not code: "yield vs return", "useEffect vs useLayoutEffect". */
    private static final Pattern COMPARISON = Pattern.compile("^\\s*[\\w.+#-]+(?:\\s+[\\w.+#-]+){0,3}\\s+(?:vs\\.?|versus)\\s+[\\w.+#-]+(?:\\s+[\\w.+#-]+){0,3}\\s*$");
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z]+[,;]?");

    /**
     * A sentence with code in it ("When the new state depends on the old one, pass a function: setCount(c => c + 1).",
     * "useCallback(fn, deps) is the same as useMemo(() => fn, deps)."): it ends with a full stop (or "!", "?") after
     * a word or a bracket, and outside its strings it has four plain words in a row.
     */
    static boolean sentenceWithCode(String s) {
        int n = s.length();
        if (n < 12 || ".!?".indexOf(s.charAt(n - 1)) < 0 || s.endsWith("...") || n >= 2 && " .".indexOf(s.charAt(n - 2)) >= 0) {
            return false;
        }
        String[] words = SPACES.split(STRINGS_AND_COMMENTS.matcher(s.substring(0, n - 1)).replaceAll("\"\""));
        int run = 0;
        for (String word : words) {
            run = PLAIN_WORD.matcher(word).matches() ? run + 1 : 0;
            if (run >= 4) {
                return true;
            }
        }
        return false;
    }

    /** Commands a shell line starts with, beyond the table's: process, file, text and network tools. */
    private static final java.util.Set<String> COMMANDS = java.util.Set.of("sudo", "apt", "apt-get", "yum", "dnf", "brew", "pip", "pip3", "npm", "npx",
            "yarn", "pnpm", "git", "docker", "docker-compose", "kubectl", "helm", "mvn", "gradle", "java", "javac", "python", "python3", "node", "cargo",
            "go", "cd", "ls", "mkdir", "rm", "rmdir", "cp", "mv", "echo", "export", "chmod", "chown", "chgrp", "curl", "wget", "grep", "egrep", "tar", "ssh",
            "scp", "rsync", "systemctl", "service", "journalctl", "conda", "sed", "awk", "unzip", "zip", "gzip", "gunzip", "ps", "top", "htop", "kill",
            "killall", "pkill", "pgrep", "nohup", "jobs", "bg", "fg", "find", "xargs", "sort", "uniq", "head", "tail", "cat", "less", "more", "wc", "tee",
            "cut", "tr", "df", "du", "free", "uptime", "lsof", "netstat", "ss", "ip", "ifconfig", "ping", "traceroute", "dig", "nslookup", "nc",
            "telnet", "crontab", "mount", "umount", "ln", "touch", "which", "whereis", "stat", "strace", "jps", "jstack", "jmap", "jstat", "jcmd",
            "vmstat", "iostat", "tcpdump", "watch", "uname", "whoami", "chroot", "useradd", "usermod", "passwd", "iptables", "openssl", "mysql",
            "psql", "redis-cli", "make", "gcc", "source", "env", "diff", "nginx");
    private static final Pattern PIPELINE = Pattern.compile("\\s*(?:\\|\\||&&|\\||;)\\s*");
    private static final Pattern SHELL_TOKEN = Pattern.compile("'[^']*'|\"[^\"]*\"|\\S+");
    /** What only an argument of a command looks like: a flag, a number, a path, a variable, a redirection, "&". */
    private static final Pattern EVIDENCE = Pattern.compile("-{1,2}[\\w%=.,-]+|\\d[\\w.:,%]*|\\.{1,2}|[~/.$].*|.*/.*|\\w+\\.\\w+|[0-9]?>{1,2}.*|<|&|\\d?>&\\d|'.*'|\".*\"");
    private static final java.util.Set<String> ENGLISH = java.util.Set.of("the", "a", "an", "to", "of", "is", "are", "and", "or", "with", "for", "in",
            "on", "vs", "versus", "that", "this", "it", "you", "we", "from", "by", "be", "was", "will", "can", "your", "my", "how", "what", "when", "not",
            "than", "as", "if", "at", "all", "some", "then", "so", "but", "about", "into", "its", "their", "has", "have", "do", "does", "only");

    /**
     * A shell command line: each command of the pipeline ("ps -ef | grep java", "nohup java -jar app.jar > app.log
     * 2>&1 &") starts with a known command, and the line has an argument only a command has (a flag, a number, a
     * path, a redirection, a quoted string, a pipe); no English word (the, to, is, vs …) outside quotes.
     */
    static boolean shellCommand(String line) {
        if (line.length() > 300 || line.indexOf(' ') < 0) {
            return false;
        }
        char first = line.charAt(0);
        char last = line.charAt(line.length() - 1);
        if (first < 'a' || first > 'z' || ".!?,:;".indexOf(last) >= 0 && Character.isLetterOrDigit(line.charAt(line.length() - 2))) {
            return false; // a command name starts in lower case; a line ending like a sentence is none
        }
        int space = line.indexOf(' ');
        if (!COMMANDS.contains(line.substring(0, space))) {
            return false; // the first command's name, before any split
        }
        String[] commands = PIPELINE.split(line.endsWith("&") && !line.endsWith("&&") ? line.substring(0, line.length() - 1).strip() : line);
        boolean evidence = commands.length > 1;
        for (String command : commands) {
            if (command.isEmpty()) {
                return false;
            }
            java.util.regex.Matcher tokens = SHELL_TOKEN.matcher(command);
            boolean name = true;
            while (tokens.find()) {
                String token = tokens.group();
                if (name) {
                    if (!COMMANDS.contains(token)) {
                        return false;
                    }
                    name = false;
                } else if (ENGLISH.contains(token)) {
                    return false;
                } else {
                    evidence |= EVIDENCE.matcher(token).matches();
                }
            }
        }
        return evidence;
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
        return YAML_OPEN.matcher(line).matches() || PlainLines.indented(line) && NESTED_OPEN.matcher(line).matches();
    }

    /** An indented key of any case with its value, inside a YAML block: "MYSQL_ROOT_PASSWORD: example", "command: npm start". */
    private static final Pattern NESTED_KEY = Pattern.compile("^\\s+-?\\s*[A-Za-z_][\\w.-]*\\s*:(?:\\s*$|\\s+[^\\s#].{0,160})$");
    private static final Pattern NESTED_OPEN = Pattern.compile("^\\s+-?\\s*[A-Za-z_][\\w.-]*\\s*:\\s*$");

    /** A key line inside a YAML block (indented; keys in upper case too, values with spaces), not a sentence. */
    static boolean yamlNestedKey(String line) {
        if (line.length() > 200 || !PlainLines.indented(line) || Scripts.hasHan(line) || sentenceWithCode(line.strip())) {
            return false;
        }
        return NESTED_KEY.matcher(line).matches();
    }

    static boolean yamlItem(String line) {
        return line.length() <= 200 && YAML_ITEM.matcher(line).matches() && !Scripts.hasHan(line);
    }
}
