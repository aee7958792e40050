# Sourced by deploy/local/run.sh and benchmarks/run.sh: picks the JDK that runs the local stack and the build
# flags of its start-up archive. A JDK 25 or newer (RECALL_JAVA_HOME, else Temurin 25 under /usr/lib/jvm) gets
# an AOT cache (JEP 483/515: classes loaded, linked and profiled, made at package time); otherwise the JDK 17
# baseline gets an AppCDS archive. The services' bytecode targets Java 17 either way.
recall_pick_jdk() {
  local candidate
  for candidate in "${RECALL_JAVA_HOME:-}" /usr/lib/jvm/temurin-25*; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && \
       "$candidate/bin/java" -XshowSettings:properties -version 2>&1 | grep -Eq 'java\.specification\.version = (2[5-9]|[3-9][0-9])'; then
      export JAVA_HOME="$candidate"
      RECALL_ARCHIVE_FLAGS="-Dquarkus.package.jar.aot.enabled=true -Dquarkus.package.jar.aot.type=AOT -Dquarkus.package.jar.aot.phase=BUILD"
      RECALL_JAVA="$candidate/bin/java"
      # Maven's own Guice still calls sun.misc.Unsafe: keep JDK 25's deprecation warnings out of the output.
      export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
      return
    fi
  done
  RECALL_ARCHIVE_FLAGS="-Dquarkus.package.jar.appcds.enabled=true"
  RECALL_JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
}
recall_pick_jdk
