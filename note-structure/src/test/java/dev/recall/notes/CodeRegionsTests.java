package dev.recall.notes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CodeRegionsTests {

    @Test
    void pythonRunsOverIndentedLinesBlankLinesAndTheCommentAbove() {
        PlainLines note = new PlainLines("""
                装饰器的写法如下
                # a decorator
                def timed(func):
                    def wrapper(*args):
                        return func(*args)

                    return wrapper
                这是正文。
                """);
        CodeRegions regions = CodeRegions.mark(note);
        assertThat(note.types[0]).isNull();
        for (int i = 1; i <= 6; i++) {
            assertThat(note.types[i]).as("line %d", i).isEqualTo(LineType.CODE);
        }
        assertThat(note.types[7]).isNull();
        assertThat(regions.end(1)).isEqualTo(6);
        assertThat(regions.language(1)).isEqualTo("python");
        assertThat(regions.code(1)).startsWith("# a decorator\ndef timed(func):\n    def wrapper");
    }

    @Test
    void yamlByItsNesting() {
        PlainLines note = new PlainLines("""
                apiVersion: apps/v1
                kind: Deployment
                spec:
                  replicas: 3
                """);
        CodeRegions regions = CodeRegions.mark(note);
        assertThat(note.types).containsOnly(LineType.CODE);
        assertThat(regions.language(0)).isEqualTo("yaml");
        assertThat(regions.end(0)).isEqualTo(3);
    }

    @Test
    void proseAndMarkedLinesAreNoCode() {
        PlainLines note = new PlainLines("print the report before you leave\nSELECT * FROM t\n");
        note.types[1] = LineType.JUNK;
        CodeRegions.mark(note);
        assertThat(note.types[0]).isNull();
        assertThat(note.types[1]).isEqualTo(LineType.JUNK);
    }

    @Test
    void dedentRemovesTheCommonIndentation() {
        assertThat(CodeRegions.dedent("    a\n\n      b\n")).isEqualTo("a\n\n  b\n");
        assertThat(CodeRegions.dedent("a\n  b\n")).isEqualTo("a\n  b\n");
    }

    @Test
    void anHttpRequestIsCodeAndTheHeadingsAfterItStayHeadings() {
        NoteStructure note = NoteStructure.parse("""
                OAuth notes

                Token request
                The client exchanges the code at the token endpoint:

                POST /oauth/token HTTP/1.1
                Host: auth.example.com
                Content-Type: application/x-www-form-urlencoded

                grant_type=authorization_code&code=abc123

                Access tokens vs refresh tokens
                An access token is short-lived, while a refresh token lives longer.
                """);
        assertThat(note.outline()).extracting(Section::title).containsExactly("OAuth notes", "Token request", "Access tokens vs refresh tokens");
        assertThat(note.outline().get(1).blocks()).anySatisfy(b -> {
            assertThat(b.language()).isEqualTo("http");
            assertThat(b.code()).contains("POST /oauth/token HTTP/1.1").contains("Host: auth.example.com");
        });
    }

    @Test
    void dockerfileInstructionsAreOneBlockOfCodeNotSqlOrHeadings() {
        NoteStructure note = NoteStructure.parse("""
                容器笔记

                镜像
                一个 Node 应用的 Dockerfile：
                FROM node:20-alpine
                WORKDIR /srv
                COPY package.json .
                RUN npm ci --omit=dev
                ENV PORT=3000
                EXPOSE 3000
                CMD ["node", "server.js"]

                分层缓存
                变化少的指令放在前面。
                """);
        assertThat(note.outline()).extracting(Section::title).containsExactly("容器笔记", "镜像", "分层缓存");
        Block code = note.outline().get(1).blocks().get(1);
        assertThat(code.kind()).isEqualTo(BlockKind.CODE);
        assertThat(code.language()).isEqualTo("dockerfile");
        assertThat(code.code()).startsWith("FROM node:20-alpine\nWORKDIR /srv").contains("CMD [\"node\", \"server.js\"]");
        assertThat(CodeDetector.strong("SELECT id FROM users WHERE id = 1")).isEqualTo(CodeDetector.Language.SQL);
        assertThat(CodeDetector.strong("CMD and ENTRYPOINT both run when the container starts.")).isEqualTo(CodeDetector.Language.NONE);
    }

    @Test
    void upperCaseKeysInsideAYamlBlockStayInIt() {
        PlainLines note = new PlainLines("""
                services:
                  db:
                    image: postgres:16
                    environment:
                      POSTGRES_PASSWORD: example
                      PGDATA: /var/lib/postgresql/data
                    command: postgres -c max_connections=200
                Note: the password is only for local use.
                """);
        CodeRegions regions = CodeRegions.mark(note);
        assertThat(regions.language(0)).isEqualTo("yaml");
        assertThat(regions.end(0)).isEqualTo(6);
        assertThat(note.types[7]).isNull();
    }

    @Test
    void goIsRecognisedAndItsBlocksKeptWhole() {
        PlainLines note = new PlainLines("""
                var mu sync.Mutex
                for i := 0; i < 3; i++ {
                    go func(n int) {
                        defer mu.Unlock()
                        results <- n
                    }(i)
                }
                done := make(chan bool)
                fmt.Println(<-results)
                The channel is closed by the sender.
                """);
        CodeRegions regions = CodeRegions.mark(note);
        assertThat(regions.end(0)).isEqualTo(8);
        assertThat(regions.language(0)).isEqualTo("go");
        assertThat(note.types[9]).isNull();
        for (String line : new String[] {"func main() {", "package main", "import \"fmt\"", "select {", "ch <- 1",
                "type Point struct {", "if err != nil {"}) {
            assertThat(CodeDetector.strong(line)).as(line).isEqualTo(CodeDetector.Language.GO);
        }
        assertThat(CodeDetector.weak("case msg := <-results:")).isTrue(); // a case label continues code, never starts it
    }

    @Test
    void shellCommandsWithPipesRedirectsAndProcessToolsAreCodeButSentencesAreNot() {
        for (String line : new String[] {"ps -ef | grep java", "ps aux --sort=-%mem | head -n 5", "top -p 1234", "kill -15 2333", "killall -HUP nginx",
                "nohup java -jar app.jar > app.log 2>&1 &", "jobs -l", "find . -type f | sed 's/.*\\.//' | sort | uniq -c | head -3", "lsof -i :8080", "go test -race ./...",
                "tail -f /var/log/syslog"}) {
            assertThat(CodeDetector.strong(line)).as(line).isEqualTo(CodeDetector.Language.SHELL);
        }
        for (String line : new String[] {"find the largest element first", "sort the list in place", "more than 50 items are kept",
                "top 10 reasons to use Go.", "kill the process before you restart it", "head of the queue", "package manager", "var is hoisted",
                "case study:"}) {
            assertThat(CodeDetector.strong(line)).as(line).isEqualTo(CodeDetector.Language.NONE);
        }
    }

    @Test
    void aSentenceWithInlineCodeIsProseAndClosingBracketsStayWithTheCode() {
        PlainLines note = new PlainLines("""
                const [n, setN] = useState(0);
                When the next value depends on the last one, pass a function: setN(v => v + 1).

                useEffect(() => {
                  const id = setInterval(tick, 1000);
                  return () => clearInterval(id);
                }, [tick]);
                useMemo(fn, deps) caches the value that the function returns.
                """);
        CodeRegions regions = CodeRegions.mark(note);
        assertThat(note.types[0]).isEqualTo(LineType.CODE);
        assertThat(note.types[1]).isNull();
        assertThat(regions.end(3)).isEqualTo(6);
        assertThat(regions.language(3)).isEqualTo("javascript");
        assertThat(note.types[7]).isNull();
    }
}
